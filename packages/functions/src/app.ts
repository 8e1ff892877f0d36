import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { VisibleError } from "@vernetzt/core/errors";
import { ping } from "@vernetzt/core/db";
import type { AppEnv } from "./env";
import { handleError } from "./errors";
import { loadSession, requestContext, sameOriginJson } from "./middleware";
import { accountRoutes } from "./routes/account";
import { authRoutes } from "./routes/auth";
import { memberRoutes } from "./routes/members";
import { eventRoutes } from "./routes/events";
import { registrationRoutes } from "./routes/registrations";
import { newsRoutes, newsletterRoutes } from "./routes/newsletter";
import { forumRoutes } from "./routes/forum";
import { programmeRoutes } from "./routes/programmes";
import { peopleRoutes } from "./routes/people";
import { messageRoutes } from "./routes/messages";
import { organisationRoutes } from "./routes/organisations";
import { countUsage, usageRoutes } from "./routes/usage";
import { contactRoutes, pageRoutes } from "./routes/info";
import { auditRoutes } from "./routes/audit";
import { privacyRoutes } from "./routes/privacy";
import { documentRoutes } from "./routes/documents";

const MAX_BODY_BYTES = 64 * 1024;

export const app = new Hono<AppEnv>()
  .basePath("/api")
  .use(requestContext)
  .use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new VisibleError("too_large", "too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
      },
    }),
  )
  .use(sameOriginJson)
  .use(loadSession)
  .use(countUsage)
  .get("/health", async (c) => {
    await ping();
    return c.json({ status: "ok" as const, time: new Date().toISOString() });
  })
  .route("/auth", authRoutes)
  .route("/account", accountRoutes)
  .route("/members", memberRoutes)
  .route("/events", eventRoutes)
  .route("/", registrationRoutes)
  .route("/news", newsRoutes)
  .route("/newsletter", newsletterRoutes)
  .route("/forum", forumRoutes)
  .route("/programmes", programmeRoutes)
  .route("/people", peopleRoutes)
  .route("/messages", messageRoutes)
  .route("/organisations", organisationRoutes)
  .route("/usage", usageRoutes)
  .route("/pages", pageRoutes)
  .route("/contacts", contactRoutes)
  .route("/audit", auditRoutes)
  .route("/privacy", privacyRoutes)
  .route("/documents", documentRoutes)
  .notFound((c) => c.json({ error: { code: "not_found", message: `No API route ${c.req.method} ${c.req.path}.` } }, 404))
  .onError(handleError);

export type AppType = typeof app;
