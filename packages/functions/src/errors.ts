import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { VisibleError, type ErrorKind } from "@vernetzt/core/errors";
import type { AppEnv } from "./env";

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; requestId?: string };
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** The one place errors become HTTP responses. Unknown errors are logged with the request id and never leak. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof VisibleError) {
    return c.json(errorBody(err.code, err.message, err.fields), STATUS[err.kind]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 413 ? "too_large" : err.status === 415 ? "unsupported_media_type" : "bad_request";
    return c.json(errorBody(code, err.message || "The request could not be read."), err.status as ContentfulStatusCode);
  }
  const requestId = c.get("requestId");
  console.error(JSON.stringify({ level: "error", requestId, method: c.req.method, path: c.req.path, error: err.stack ?? String(err) }));
  return c.json({ error: { code: "internal", message: "Something went wrong on our side. Please try again.", requestId } }, 500);
}
