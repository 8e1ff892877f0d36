import { createMiddleware } from "hono/factory";
import type { KeyedOperation } from "@vernetzt/core/readahead";
import type { AppEnv } from "./env";

/**
 * Items a reading route will need, named before the session is loaded, so that the session's
 * BatchGetItem fetches them too (see core/readahead.ts). The member id comes from the session
 * cookie; the items are used only once that session has been verified.
 */
export interface ReadAheadRule {
  /** A Hono path pattern below the route group's prefix, e.g. "/threads/:threadId". */
  path: string;
  keys(params: Record<string, string>, userId: string): KeyedOperation[];
}

/** Records a rule's keys on a GET request for `loadSession` to fetch with the session. */
export function declareReadAhead(rule: ReadAheadRule) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET") {
      const params = c.req.param() as Record<string, string>;
      c.set("readAhead", (userId) => rule.keys(params, userId));
    }
    await next();
  });
}
