import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { config } from "../config";
import type { DownloadOptions, StoredObject } from "./files";
import { assertKey, contentDisposition } from "./keys";

/**
 * Local mode's stand-in for S3: objects in a folder, reached through URLs signed with an HMAC and
 * an expiry, answered by `handleLocalFileRequest` (mounted at /files/ by the local server). Like S3's
 * presigned URLs they carry their own authority, so the browser code is the same in both modes.
 */

// Each process signs with its own secret unless one is configured; the URLs live minutes anyway.
let processSecret: Buffer | undefined;
function secret(): Buffer {
  const configured = config().filesSigningSecret;
  if (configured) return Buffer.from(configured);
  processSecret ??= randomBytes(32);
  return processSecret;
}

const sign = (parts: readonly string[]) => createHmac("sha256", secret()).update(parts.join("\n")).digest("base64url");

function signatureMatches(parts: readonly string[], given: string | null): boolean {
  if (!given) return false;
  const expected = Buffer.from(sign(parts));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const objectPath = (key: string) => join(config().filesDir, "objects", key);
const metaPath = (key: string) => join(config().filesDir, "meta", `${key}.json`);
const expiry = (seconds: number) => String(Math.floor(Date.now() / 1000) + seconds);
const keyPath = (key: string) => key.split("/").map(encodeURIComponent).join("/");

export async function presignUpload(key: string, contentType: string, size: number, expiresIn: number): Promise<string> {
  const exp = expiry(expiresIn);
  const query = new URLSearchParams({ ct: contentType, len: String(size), exp, sig: sign(["upload", key, contentType, String(size), exp]) });
  return `${config().appOrigin}/files/upload/${keyPath(key)}?${query}`;
}

export async function presignDownload(key: string, options: DownloadOptions & { expiresInSeconds: number }): Promise<string> {
  const exp = expiry(options.expiresInSeconds);
  const disp = options.inline ? "inline" : "attachment";
  const ct = options.contentType ?? "";
  const query = new URLSearchParams({ fn: options.filename, disp, ct, exp, sig: sign(["download", key, options.filename, disp, ct, exp]) });
  return `${config().appOrigin}/files/download/${keyPath(key)}?${query}`;
}

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString("hex")}.partial`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await writeAtomically(metaPath(key), JSON.stringify({ contentType }));
  await writeAtomically(objectPath(key), body);
}

export async function getObject(key: string): Promise<StoredObject | undefined> {
  try {
    const body = new Uint8Array(await readFile(objectPath(key)));
    const meta = await readFile(metaPath(key), "utf8").then((text) => JSON.parse(text) as { contentType?: string }, () => ({}) as { contentType?: string });
    return { body, contentType: meta.contentType };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

export async function deleteObject(key: string): Promise<void> {
  await rm(objectPath(key), { force: true });
  await rm(metaPath(key), { force: true });
}

// S3-like answers, so the browser code meets the same statuses in both modes.
const refuse = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), { status, headers: { "Content-Type": "application/json" } });

/**
 * Answers `PUT /files/upload/<key>` and `GET /files/download/<key>` for URLs made above; anything
 * unsigned, altered or expired is refused. Returns undefined for other paths.
 */
export async function handleLocalFileRequest(request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  const match = /^\/files\/(upload|download)\/(.+)$/.exec(url.pathname);
  if (!match) return undefined;
  const [, operation, rawKey] = match;
  let key: string;
  try {
    key = rawKey!.split("/").map(decodeURIComponent).join("/");
    assertKey(key);
  } catch {
    return refuse(400, "invalid_key", "This is not a valid file address.");
  }
  const q = url.searchParams;
  const exp = q.get("exp") ?? "";

  if (operation === "upload") {
    if (request.method !== "PUT") return refuse(405, "method_not_allowed", "Upload with PUT.");
    const ct = q.get("ct") ?? "";
    const len = q.get("len") ?? "";
    if (!signatureMatches(["upload", key, ct, len, exp], q.get("sig"))) return refuse(403, "bad_signature", "The upload link is not valid.");
    if (Number(exp) * 1000 < Date.now()) return refuse(403, "expired", "The upload link has expired.");
    if ((request.headers.get("content-type") ?? "") !== ct) return refuse(403, "content_type_mismatch", `The upload must be sent as ${ct}.`);
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.byteLength !== Number(len)) return refuse(400, "size_mismatch", `The upload must be exactly ${len} bytes.`);
    await putObject(key, body, ct);
    return new Response(null, { status: 200 });
  }

  if (request.method !== "GET" && request.method !== "HEAD") return refuse(405, "method_not_allowed", "Download with GET.");
  const fn = q.get("fn") ?? "";
  const disp = q.get("disp") === "inline" ? "inline" : "attachment";
  const ct = q.get("ct") ?? "";
  if (!signatureMatches(["download", key, fn, disp, ct, exp], q.get("sig"))) return refuse(403, "bad_signature", "The download link is not valid.");
  if (Number(exp) * 1000 < Date.now()) return refuse(403, "expired", "The download link has expired.");
  const object = await getObject(key);
  if (!object) return refuse(404, "not_found", "The file does not exist (any more).");
  const headers = {
    "Content-Type": ct || object.contentType || "application/octet-stream",
    "Content-Length": String(object.body.byteLength),
    "Content-Disposition": contentDisposition(fn, disp === "inline"),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  return new Response(request.method === "HEAD" ? null : Buffer.from(object.body), { status: 200, headers });
}
