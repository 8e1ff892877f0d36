import { Hono } from "hono";
import type { AppEnv } from "./env";
import { health } from "./health";
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
import { usageRoutes } from "./routes/usage";
import { contactRoutes, pageRoutes } from "./routes/info";
import { auditRoutes } from "./routes/audit";
import { privacyRoutes } from "./routes/privacy";
import { documentRoutes } from "./routes/documents";

/**
 * The whole API in one chain, for its types: the web's typed client is `hc<AppType>`. Only ever
 * imported as a type (and by the test that checks app.ts's lazy groups serve exactly these
 * routes), so none of this is loaded when the API runs.
 */
export function typedApi() {
  return new Hono<AppEnv>()
    .basePath("/api")
    .get("/health", health)
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
    .route("/documents", documentRoutes);
}

export type AppType = ReturnType<typeof typedApi>;
