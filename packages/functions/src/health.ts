import type { Context } from "hono";
import { ping } from "@vernetzt/core/dynamo";

/** Proves the function runs and the table answers, without loading the domain. */
export async function health(c: Context) {
  await ping();
  return c.json({ status: "ok" as const, time: new Date().toISOString() });
}
