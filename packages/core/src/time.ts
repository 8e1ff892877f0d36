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

/** Events happen in Berlin; they are stored in UTC and shown and entered in this zone. */
export const ZONE = "Europe/Berlin";

// Made on first use: a formatter for a time zone is costly to set up, and the web bundle imports
// this module for ZONE alone (a formatter made at load would be kept and paid for on every page).
let zoneFormatter: Intl.DateTimeFormat | undefined;
const zoneParts = () =>
  (zoneFormatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }));

function wallClock(utcMs: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(zoneParts().formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  return { y: +parts.year!, mo: +parts.month!, d: +parts.day!, h: +parts.hour!, mi: +parts.minute!, s: +parts.second! };
}

/** How far Berlin's wall clock is ahead of UTC at an instant (1 h in winter, 2 h in summer). */
function zoneOffsetMs(utcMs: number): number {
  const w = wallClock(utcMs);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(utcMs / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-12-02T18:00` on a Berlin wall clock → UTC ISO string. */
export function berlinToUtc(local: string): string {
  const m = LOCAL.exec(local);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // Two passes settle the offset on the right side of a daylight-saving switch.
  const first = naive - zoneOffsetMs(naive);
  return new Date(naive - zoneOffsetMs(first)).toISOString();
}

/** UTC ISO string → `2026-12-02T18:00` on a Berlin wall clock. */
export function utcToBerlin(iso: string): string {
  const w = wallClock(Date.parse(iso));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

export function isLocalDateTime(value: string): boolean {
  return LOCAL.test(value) && !Number.isNaN(Date.parse(`${value}:00Z`));
}
