import { config } from "../config";
import type { DownloadOptions, StoredObject } from "./files";
import { contentDisposition } from "./keys";

// Loaded on first use: most API requests never touch a file, and the S3 client is large.
let clientPromise: Promise<{ client: import("@aws-sdk/client-s3").S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
function s3() {
  clientPromise ??= import("@aws-sdk/client-s3").then((sdk) => ({ sdk, client: new sdk.S3Client({ region: config().region }) }));
  return clientPromise;
}
const bucket = () => config().filesBucket!;

export async function presignUpload(key: string, contentType: string, size: number, expiresIn: number): Promise<string> {
  const [{ client, sdk }, { getSignedUrl }] = await Promise.all([s3(), import("@aws-sdk/s3-request-presigner")]);
  // Type and length are signed: S3 refuses a PUT whose headers differ, so the declared (checked)
  // size is the most that can arrive.
  const command = new sdk.PutObjectCommand({ Bucket: bucket(), Key: key, ContentType: contentType, ContentLength: size });
  return getSignedUrl(client, command, { expiresIn, signableHeaders: new Set(["content-type", "content-length"]) });
}

export async function presignDownload(key: string, options: DownloadOptions & { expiresInSeconds: number }): Promise<string> {
  const [{ client, sdk }, { getSignedUrl }] = await Promise.all([s3(), import("@aws-sdk/s3-request-presigner")]);
  const command = new sdk.GetObjectCommand({
    Bucket: bucket(),
    Key: key,
    ResponseContentDisposition: contentDisposition(options.filename, options.inline),
    ResponseContentType: options.contentType,
  });
  return getSignedUrl(client, command, { expiresIn: options.expiresInSeconds });
}

export async function getObject(key: string): Promise<StoredObject | undefined> {
  const { client, sdk } = await s3();
  try {
    const result = await client.send(new sdk.GetObjectCommand({ Bucket: bucket(), Key: key }));
    return { body: await result.Body!.transformToByteArray(), contentType: result.ContentType };
  } catch (err) {
    if ((err as { name?: string }).name === "NoSuchKey") return undefined;
    throw err;
  }
}

export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  const { client, sdk } = await s3();
  await client.send(new sdk.PutObjectCommand({ Bucket: bucket(), Key: key, Body: body, ContentType: contentType }));
}

export async function deleteObject(key: string): Promise<void> {
  const { client, sdk } = await s3();
  await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}
