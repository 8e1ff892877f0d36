import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { handleLocalFileRequest } from "@vernetzt/core/storage/local";
import { app } from "../app";
import { loadSite } from "./site";

/** One Node server for local mode: the API under /api and the built SPA everywhere else. */
export function createLocalApp(webDist: string) {
  const site = loadSite(webDist);
  return (
    new Hono()
      .route("/", app)
      // Stand-in for S3's presigned URLs (packages/core/src/storage/local.ts).
      .all("/files/*", async (c) => (await handleLocalFileRequest(c.req.raw)) ?? c.notFound())
      .all("/api/*", (c) => c.json({ error: { code: "not_found", message: `No API route ${c.req.method} ${c.req.path}.` } }, 404))
      // As CloudFront's SpaRouting function does: a path without a file extension is a client-side route.
      .on(["GET", "HEAD"], "*", async (c) => {
        const file = await site.file(c, c.req.path);
        if (file) return file;
        return c.req.path.slice(c.req.path.lastIndexOf("/") + 1).includes(".") ? c.notFound() : site.shell(c);
      })
  );
}

export function startLocalServer(port: number, webDist: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createLocalApp(webDist).fetch, port, hostname: "0.0.0.0" }, () => resolve(server));
    server.once("error", reject);
  });
}
