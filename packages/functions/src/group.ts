import { Hono, type Schema } from "hono";
import { bodyLimit } from "hono/body-limit";
import { VisibleError } from "@vernetzt/core/errors";
import type { AppEnv } from "./env";
import { handleError } from "./errors";
import { requestContext } from "./context";
import { loadSession, sameOriginJson } from "./middleware";
import { declareReadAhead, type ReadAheadRule } from "./readahead";
import { countUsage } from "./routes/usage";
import { notFound } from "./not-found";

const MAX_BODY_BYTES = 64 * 1024;

/** Routes served below `/api<at>`, with the items their GETs may read ahead with the session. */
export interface Mount {
  at: string;
  // Each route module has its own schema type; the typed client takes them from api-types.ts.
  routes: Hono<AppEnv, Schema, string>;
  readAhead?: ReadAheadRule[];
}

const below = (at: string, path: string) => (at === "/" ? path : `${at}${path}`);

/**
 * One route group as the API serves it: the request context, body limit, same-origin check,
 * read-ahead declarations, session, usage count, then the group's routes. app.ts builds each
 * group the first time a request needs it.
 */
export function routeGroup(mounts: Mount[]): Hono<AppEnv> {
  const group = new Hono<AppEnv>()
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
    .use(sameOriginJson);
  // Declared before loadSession, so the session's BatchGetItem knows the route's keys.
  for (const { at, readAhead = [] } of mounts) {
    for (const rule of readAhead) group.get(below(at, rule.path), declareReadAhead(rule));
  }
  group.use(loadSession).use(countUsage);
  for (const { at, routes } of mounts) group.route(at, routes);
  return group.notFound(notFound).onError(handleError);
}
