import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import { unsubscribeByToken } from "@vernetzt/core/newsletter/subscribers";
import type { AppEnv } from "./env";
import { handleError } from "./errors";
import { invalidInput } from "./validate";

const TokenQuery = v.strictObject({ token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, "invalid_token")) }, "unknown_field");

/**
 * The RFC 8058 one-click endpoint alone, for its own public function URL: mail providers POST
 * here without cookies and cannot sign requests for CloudFront's origin access control. It does
 * nothing but unsubscribe the holder of a secret token.
 */
export const oneClickApp = new Hono<AppEnv>()
  .post("/api/newsletter/unsubscribe", sValidator("query", TokenQuery, invalidInput), async (c) => c.json(await unsubscribeByToken(c.req.valid("query").token)))
  .notFound((c) => c.json({ error: { code: "not_found", message: "Only the one-click unsubscribe is served here." } }, 404))
  .onError(handleError);

export const handler = handle(oneClickApp);
