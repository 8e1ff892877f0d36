import { ZONE } from "../time";
import type { Locale } from "../user/constants";
import { fill, INTL_LOCALE, serverTexts } from "./index";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "day" | "time" | "date"): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === "day"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : style === "time"
          ? { hour: "2-digit", minute: "2-digit" }
          : { dateStyle: "long" };
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** "Mittwoch, 2. Dezember 2026, 18:00–20:00 Uhr" in Berlin time, in the reader's language. */
export function formatWhen(range: { startsAt: string; endsAt: string }, locale: Locale): string {
  const day = formatter(locale, "day");
  const time = formatter(locale, "time");
  const start = new Date(range.startsAt);
  const end = new Date(range.endsAt);
  const texts = serverTexts(locale).when;
  return day.format(start) === day.format(end)
    ? fill(texts.sameDay, { day: day.format(start), start: time.format(start), end: time.format(end) })
    : fill(texts.span, { startDay: day.format(start), start: time.format(start), endDay: day.format(end), end: time.format(end) });
}

/** "2. Dezember 2026" in Berlin time. */
export function formatLongDate(iso: string, locale: Locale): string {
  return formatter(locale, "date").format(new Date(iso));
}

/** A count in the reader's digits. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}
