import { hc } from "hono/client";
import type { AppType } from "@vernetzt/functions/app";
import { textFor } from "./i18n";

/** An error answer of the API (`{ error: { code, message, fields? } }`), or a request that never got one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ApiError";
  }
}

async function sha256Hex(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * In AWS, CloudFront signs requests to the API's function URL (origin access control), and for
 * requests with a body that signature needs the body's SHA-256 from the client.
 */
async function withPayloadHash(init: RequestInit | undefined): Promise<RequestInit | undefined> {
  if (!init || typeof init.body !== "string") return init;
  const headers = new Headers(init.headers);
  headers.set("x-amz-content-sha256", await sha256Hex(init.body));
  return { ...init, headers };
}

// fetch rejects only when no answer arrived; as an ApiError the forms can show it like any other.
const answeringFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, await withPayloadHash(init));
  } catch (cause) {
    throw new ApiError(0, "network", "The server could not be reached.", {}, { cause });
  }
};

export const client = hc<AppType>("/", { fetch: answeringFetch });

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; fields?: Record<string, string> } } {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const { error } = body;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "message" in error &&
    typeof error.message === "string" &&
    (!("fields" in error) || error.fields === undefined || isStringRecord(error.fields))
  );
}

/** Reads the error a failed response carries; a body in another shape (a proxy's error page) still becomes an ApiError. */
export async function readError(res: { status: number; json(): Promise<unknown> }): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch (cause) {
    return new ApiError(res.status, "unexpected_response", `The server answered ${res.status} without a JSON body.`, {}, { cause });
  }
  if (!isErrorBody(body)) return new ApiError(res.status, "unexpected_response", `The server answered ${res.status}.`);
  return new ApiError(res.status, body.error.code, body.error.message, body.error.fields ?? {});
}

/** The error in the reader's language; codes the loaded texts do not know keep the server's (English) message. */
export function errorText(error: ApiError): string {
  return textFor(`error.${error.code}`) ?? error.message;
}

/** A field's error code in the reader's language, preferring a wording specific to that field. */
export function fieldErrorText(field: string, code: string, fallback: string): string {
  return textFor(`field.${field}.${code}`) ?? textFor(`field.error.${code}`) ?? fallback;
}
