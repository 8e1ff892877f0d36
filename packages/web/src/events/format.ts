import { ZONE } from "@vernetzt/core/time";
import { intlLocale, t } from "../i18n/events";
import type { EventView } from "./types";

type Style = "day" | "time" | "month" | "weekday" | "dayNumber" | "monthShort" | "monthKey";

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  month: { month: "long", year: "numeric" },
  weekday: { weekday: "short" },
  dayNumber: { day: "numeric" },
  monthShort: { month: "short" },
  monthKey: { year: "numeric", month: "2-digit" },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Events happen in Berlin: every date is shown on Berlin's clock, wherever the reader is. */
function format(style: Style, iso: string): string {
  const tag = style === "monthKey" ? "en-CA" : intlLocale();
  const key = `${tag}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, { ...OPTIONS[style], timeZone: ZONE });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

/** "Mi., 2. Dez. 2026, 18:00–20:00 Uhr"; an event over several days names both days. */
export function formatWhen(event: Pick<EventView, "startsAt" | "endsAt">): string {
  const startDay = format("day", event.startsAt);
  const endDay = format("day", event.endsAt);
  const start = format("time", event.startsAt);
  const end = format("time", event.endsAt);
  return startDay === endDay
    ? t("event.when.sameDay", { day: startDay, start, end })
    : t("event.when.days", { startDay, start, endDay, end });
}

export function formatDeadline(iso: string): string {
  return t("event.when.at", { day: format("day", iso), time: format("time", iso) });
}

/** The parts of a calendar-sheet date badge. */
export function dateBadge(iso: string) {
  return { weekday: format("weekday", iso), day: format("dayNumber", iso).replace(".", ""), month: format("monthShort", iso).replace(".", "") };
}

/** "2026-12": the Berlin month an event starts in, for grouping. */
export const monthKey = (iso: string) => format("monthKey", iso).slice(0, 7);
export const monthLabel = (iso: string) => format("month", iso);

export const kindLabel = (kind: EventView["kind"]) => t(`event.kind.${kind}`);

/** Where: the address, or "Online" (the link itself only for people with a seat). */
export const placeText = (event: Pick<EventView, "address" | "isOnline">) =>
  event.address ?? (event.isOnline ? t("event.online") : "");

/** "7 von 20 Plätzen frei", "ausgebucht – Warteliste: 3" or "unbegrenzt". */
export function placesText(event: Pick<EventView, "capacity" | "placesLeft" | "waitlistCount">): string {
  if (event.capacity === null || event.placesLeft === null) return t("event.places.unlimited");
  if (event.placesLeft > 0) return t("event.places.left", { left: event.placesLeft, capacity: event.capacity });
  return t("event.places.full", { count: event.waitlistCount });
}
