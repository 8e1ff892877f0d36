export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function nowIso(): string {
  return new Date().toISOString();
}

/** DynamoDB TTL wants epoch seconds. */
export function ttlAfter(ms: number): number {
  return Math.floor((Date.now() + ms) / 1000);
}

export function isExpired(ttlSeconds: number): boolean {
  return ttlSeconds * 1000 <= Date.now();
}
