import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { handleLocalFileRequest } from "@vernetzt/core/storage/local";
import { app } from "../app";

/** One Node server for local mode: the API under /api and the built SPA everywhere else. */
export function createLocalApp(webDist: string) {
  const index = readFileSync(join(webDist, "index.html"), "utf8");
  // serveStatic resolves `root` against the working directory.
  const root = relative(process.cwd(), webDist) || ".";
  return new Hono()
    .route("/", app)
    // Stand-in for S3's presigned URLs (packages/core/src/storage/local.ts).
    .all("/files/*", async (c) => (await handleLocalFileRequest(c.req.raw)) ?? c.notFound())
    .all("/api/*", (c) => c.json({ error: { code: "not_found", message: `No API route ${c.req.method} ${c.req.path}.` } }, 404))
    .use("/assets/*", serveStatic({ root, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }))
    .use("*", serveStatic({ root }))
    .get("*", (c) => c.html(index));
}

export function startLocalServer(port: number, webDist: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createLocalApp(webDist).fetch, port, hostname: "0.0.0.0" }, () => resolve(server));
    server.once("error", reject);
  });
}
