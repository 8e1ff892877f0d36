import type { Context } from "hono";

/** The one answer for a path no route serves. */
export const notFound = (c: Context) => c.json({ error: { code: "not_found", message: `No API route ${c.req.method} ${c.req.path}.` } }, 404);
