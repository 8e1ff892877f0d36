import { ulid } from "ulid";
import { createHash, randomBytes } from "node:crypto";

/** Time-sortable prefixed id, e.g. `usr_01J…`. */
export function createId(prefix: string): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

/** A 256-bit random secret, URL-safe, for sessions and e-mailed links. */
export function createSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Secrets are stored only as this digest, so a leaked table does not leak sessions or links. */
export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
