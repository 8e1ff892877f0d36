// Plain values shared with the web bundle: only type imports, so nothing server-side comes along.
import type { Locale } from "../user/constants";

/**
 * The Intl locale behind each interface language. All use the Gregorian calendar (plain "fa"
 * would show the Solar Hijri one, which matches no German date) and a 24-hour clock, like the
 * times on German letters and signs; Arabic and Farsi keep their own digits.
 */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = {
  de: "de-DE",
  en: "en-GB",
};

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<string>(["ar", "fa"]);

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}
