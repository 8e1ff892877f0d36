import { createMiddleware } from "hono/factory";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { config } from "@vernetzt/core/config";
import { createId } from "@vernetzt/core/id";
import type { AppEnv } from "./env";

// What every request gets before anything else, kept apart from the session middleware so the
// API's entry (app.ts) can answer its health check without loading the domain.

function clientIp(c: Context): string {
  if (config().mode === "aws") {
    const viewer = c.req.header("cloudfront-viewer-address");
    if (viewer) return viewer.replace(/:\d+$/, "");
  }
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests and Lambda events carry no socket.
    return "unknown";
  }
}

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = c.req.header("x-amzn-trace-id")?.slice(-24) ?? createId("req");
  c.set("requestId", requestId);
  c.set("meta", { ip: clientIp(c), userAgent: c.req.header("user-agent") });
  c.header("X-Request-Id", requestId);
  c.header("Cache-Control", "no-store");
  await next();
});

