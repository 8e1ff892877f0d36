import { config } from "../config";
import { VisibleError } from "../errors";
import { assertKey } from "./keys";
import * as local from "./local";
import * as s3 from "./s3";

export { assertKey, contentDisposition } from "./keys";

/**
 * Stored files (profile photos, organisation logos, documents). In AWS one private S3 bucket
 * (FILES_BUCKET); locally a folder (FILES_DIR) behind signed, expiring URLs that the local server
 * answers like S3 would. Browsers upload and download directly with short-lived signed URLs; the API
 * hands those out only after checking who may do what.
 */

/** Where and how the browser sends the file: a PUT with exactly these headers and the declared size. */
export interface Upload {
  url: string;
  method: "PUT";
  headers: Record<string, string>;
  key: string;
  expiresAt: string;
}

export interface StoredObject {
  body: Uint8Array;
  contentType: string | undefined;
}

export interface DownloadOptions {
  /** The name the browser saves the file under (Content-Disposition). */
  filename: string;
  /** Shown in the browser (images, PDFs) instead of downloaded. */
  inline?: boolean;
  contentType?: string;
  expiresInSeconds?: number;
}

/** Upload URLs live long enough for a slow phone connection to start; downloads a little less. */
export const UPLOAD_EXPIRES_SECONDS = 15 * 60;
export const DOWNLOAD_EXPIRES_SECONDS = 5 * 60;

function backend() {
  return config().filesBucket ? s3 : local;
}

/** A signed URL the browser PUTs the file to; the store refuses another type or size. */
export async function presignUpload(key: string, file: { contentType: string; size: number; expiresInSeconds?: number }): Promise<Upload> {
  assertKey(key);
  if (!Number.isSafeInteger(file.size) || file.size <= 0) {
    throw new VisibleError("invalid", "invalid_size", "The file size must be a positive whole number of bytes.", { size: "invalid" });
  }
  const expiresIn = file.expiresInSeconds ?? UPLOAD_EXPIRES_SECONDS;
  const url = await backend().presignUpload(key, file.contentType, file.size, expiresIn);
  return {
    url,
    method: "PUT",
    headers: { "Content-Type": file.contentType },
    key,
    expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
  };
}

/** A short-lived signed URL that downloads (or shows) the file under `filename`. */
export async function presignDownload(key: string, options: DownloadOptions): Promise<string> {
  assertKey(key);
  return backend().presignDownload(key, { ...options, expiresInSeconds: options.expiresInSeconds ?? DOWNLOAD_EXPIRES_SECONDS });
}

export async function getObject(key: string): Promise<StoredObject | undefined> {
  assertKey(key);
  return backend().getObject(key);
}

export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  assertKey(key);
  await backend().putObject(key, body, contentType);
}

/** Deleting what is not there is fine: callers retry after crashes. */
export async function deleteObject(key: string): Promise<void> {
  assertKey(key);
  await backend().deleteObject(key);
}
