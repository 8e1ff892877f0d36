import { createId } from "../id";
import { VisibleError } from "../errors";
import { deleteObject, getObject, presignUpload, putObject, type Upload } from "../storage/files";
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from "./constants";

/** Profile photos and logos are shown this size (square, cropped to fill). */
export const IMAGE_SIZE = 256;
const STORED_TYPE = "image/webp";

const uploadPrefix = (owner: string) => `uploads/images/${owner}/`;

/** Step 1: a signed URL the browser PUTs the original to (type and size are fixed by the signature). */
export async function requestImageUpload(owner: string, file: { contentType: string; size: number }): Promise<Upload> {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.contentType)) {
    throw new VisibleError("invalid", "unsupported_type", "Upload a JPEG, PNG or WebP image.", { contentType: "unsupported_type" });
  }
  if (file.size > PHOTO_MAX_BYTES) throw new VisibleError("too_large", "too_large", "The image is larger than 5 MB.", { size: "too_large" });
  return presignUpload(`${uploadPrefix(owner)}${createId("upl")}`, file);
}

/**
 * Step 2: reads what the browser uploaded, checks its real size and type (by its bytes, not its
 * name or header), stores a square WebP copy under `targetFolder` and deletes the original.
 * Returns the new object's key.
 */
export async function finalizeImage(owner: string, uploadKey: string, targetFolder: string): Promise<string> {
  if (!uploadKey.startsWith(uploadPrefix(owner))) throw new VisibleError("forbidden", "not_your_upload", "This upload is not yours.", { key: "not_your_upload" });
  const original = await getObject(uploadKey);
  if (!original) throw new VisibleError("not_found", "upload_not_found", "The upload did not arrive. Please try again.", { key: "upload_not_found" });
  try {
    if (original.body.byteLength > PHOTO_MAX_BYTES) throw new VisibleError("too_large", "too_large", "The image is larger than 5 MB.", { size: "too_large" });
    const { fileTypeFromBuffer } = await import("file-type");
    const detected = await fileTypeFromBuffer(original.body);
    if (!detected || !(PHOTO_TYPES as readonly string[]).includes(detected.mime)) {
      throw new VisibleError("invalid", "unsupported_type", "The file is not a JPEG, PNG or WebP image.", { contentType: "unsupported_type" });
    }
    // sharp is native and heavy: loaded only by the few requests that need it.
    const { default: sharp } = await import("sharp");
    let resized: Buffer;
    try {
      resized = await sharp(original.body, { limitInputPixels: 40_000_000 })
        .rotate()
        .resize(IMAGE_SIZE, IMAGE_SIZE, { fit: "cover" })
        .webp({ quality: 82 })
        .toBuffer();
    } catch {
      throw new VisibleError("invalid", "unreadable_image", "The image could not be read.", { contentType: "unreadable_image" });
    }
    const key = `${targetFolder}/${createId("img")}.webp`;
    await putObject(key, new Uint8Array(resized), STORED_TYPE);
    return key;
  } finally {
    await deleteObject(uploadKey);
  }
}

export { deleteObject, getObject };
