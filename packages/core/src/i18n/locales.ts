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
  ar: "ar-u-ca-gregory-hc-h23-nu-arab",
  fa: "fa-u-ca-gregory-hc-h23-nu-arabext",
  uk: "uk-UA",
};

/** A plain-language ("einfache Sprache") summary is short: a few sentences, no formatting. */
export const PLAIN_SUMMARY_MAX = 600;

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(["ar", "fa"]);

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}
