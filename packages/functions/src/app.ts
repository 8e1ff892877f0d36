import { Hono } from "hono";
import type { AppEnv } from "./env";
import { requestContext } from "./context";
import { handleError } from "./errors";
import { health } from "./health";
import { notFound } from "./not-found";
import type { Mount } from "./group";

export type { AppType } from "./api-types";

// The API's entry. A Lambda cold start loads only this file, Hono and the DynamoDB client; each
// route group (with ElectroDB, the entities and whatever the routes use) is loaded and built the
// first time a request needs it, then kept for the life of the instance. The typed client's route
// types come from api-types.ts, which is never loaded at runtime.

type Group = () => Promise<Mount[]>;

const registrations: Group = async () => [{ at: "/", routes: (await import("./routes/registrations")).registrationRoutes }];
const newsletter: Group = async () => {
  const { newsRoutes, newsletterRoutes } = await import("./routes/newsletter");
  return [
    { at: "/news", routes: newsRoutes },
    { at: "/newsletter", routes: newsletterRoutes },
  ];
};
const info: Group = async () => {
  const { pageRoutes, contactRoutes } = await import("./routes/info");
  return [
    { at: "/pages", routes: pageRoutes },
    { at: "/contacts", routes: contactRoutes },
  ];
};

/** The first path segment below /api and the group that serves it. */
export const GROUPS: Record<string, Group> = {
  auth: async () => [{ at: "/auth", routes: (await import("./routes/auth")).authRoutes }],
  account: async () => [{ at: "/account", routes: (await import("./routes/account")).accountRoutes }],
  members: async () => [{ at: "/members", routes: (await import("./routes/members")).memberRoutes }],
  events: async () => [{ at: "/events", routes: (await import("./routes/events")).eventRoutes }],
  registrations,
  certificates: registrations,
  me: registrations,
  calendar: registrations,
  news: newsletter,
  newsletter,
  forum: async () => {
    const { forumRoutes, forumReadAhead } = await import("./routes/forum");
    return [{ at: "/forum", routes: forumRoutes, readAhead: forumReadAhead }];
  },
  programmes: async () => [{ at: "/programmes", routes: (await import("./routes/programmes")).programmeRoutes }],
  people: async () => [{ at: "/people", routes: (await import("./routes/people")).peopleRoutes }],
  messages: async () => [{ at: "/messages", routes: (await import("./routes/messages")).messageRoutes }],
  organisations: async () => [{ at: "/organisations", routes: (await import("./routes/organisations")).organisationRoutes }],
  usage: async () => [{ at: "/usage", routes: (await import("./routes/usage")).usageRoutes }],
  pages: info,
  contacts: info,
  audit: async () => [{ at: "/audit", routes: (await import("./routes/audit")).auditRoutes }],
  privacy: async () => [{ at: "/privacy", routes: (await import("./routes/privacy")).privacyRoutes }],
  documents: async () => [{ at: "/documents", routes: (await import("./routes/documents")).documentRoutes }],
};

const built = new Map<Group, Promise<Hono<AppEnv>>>();

/** The group's app, built once per instance; a failed load is not cached, so the next request retries. */
export function loadGroup(group: Group): Promise<Hono<AppEnv>> {
  let app = built.get(group);
  if (!app) {
    app = Promise.all([import("./group"), group()]).then(([{ routeGroup }, mounts]) => routeGroup(mounts));
    app.catch(() => built.delete(group));
    built.set(group, app);
  }
  return app;
}

export const app = new Hono<AppEnv>()
  .basePath("/api")
  .get("/health", requestContext, health)
  .all("/:segment/*", async (c) => {
    const group = Object.hasOwn(GROUPS, c.req.param("segment")) ? GROUPS[c.req.param("segment")] : undefined;
    if (!group) return notFound(c);
    let executionCtx;
    try {
      executionCtx = c.executionCtx;
    } catch {
      // app.request() and the local server run without one.
    }
    return (await loadGroup(group)).fetch(c.req.raw, c.env, executionCtx);
  })
  .notFound(notFound)
  .onError(handleError);
