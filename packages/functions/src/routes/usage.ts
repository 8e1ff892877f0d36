import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { VisibleError } from "@vernetzt/core/errors";
import { countActiveMember, countRequest, usageReport } from "@vernetzt/core/usage/counters";
import type { AppEnv } from "../env";
import { currentUser, requireStaff } from "../middleware";

/** Counts every API request and, once a month, each signed-in member (after loadSession). */
export const countUsage = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get("user");
  try {
    await Promise.all([countRequest(), user?.status === "approved" ? countActiveMember(user.userId) : undefined]);
  } catch (err) {
    // Counting is bookkeeping: the request it counts goes ahead.
    console.error(JSON.stringify({ usage: "counting failed", requestId: c.get("requestId"), error: String(err) }));
  }
  await next();
});

const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (currentUser(c).role !== "admin") throw new VisibleError("forbidden", "forbidden", "Only admins may see the platform's usage.");
  await next();
});

export const usageRoutes = new Hono<AppEnv>()
  .use(requireStaff, requireAdmin)
  .get("/", async (c) => c.json(await usageReport()));
