import { batch, createSignal } from "solid-js";
import { INTL_LOCALE, textDirection } from "@vernetzt/core/i18n/locales";
import { LOCALES as ALL_LOCALES, type Locale } from "@vernetzt/core/user/constants";
import { de } from "./de";

export type { Locale };
export type MessageKey = keyof typeof de;
/** Every language has exactly German's keys: a missing or extra key fails the type check. */
export type Dictionary = { readonly [K in MessageKey]: string };
export type Vars = Record<string, string | number>;

// German ships in the main bundle; other languages load when chosen.
const loaders: Record<Locale, () => Promise<Dictionary>> = {
  de: () => Promise.resolve(de),
  en: () => import("./en").then((m) => m.en),
  ar: () => import("./ar").then((m) => m.ar),
  fa: () => import("./fa").then((m) => m.fa),
  uk: () => import("./uk").then((m) => m.uk),
};
export const LOCALES = ALL_LOCALES;
const STORAGE_KEY = "vernetzt.locale";
const TIME_ZONE = "Europe/Berlin";

const [locale, setLocaleSignal] = createSignal<Locale>("de");
const [dictionary, setDictionary] = createSignal<Dictionary>(de);
export { locale };

/** One language's whole dictionary, loaded the way the app loads it. */
export function loadDictionary(locale: Locale): Promise<Dictionary> {
  return loaders[locale]();
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(loaders, value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Vars): string {
  const text = dictionary()[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name];
    // Counts read in the reader's digits (Arabic-Indic in Arabic, Persian in Farsi).
    return typeof value === "number" ? formatNumber(value) : String(value);
  });
}

/** Switches the interface language; a choice (not a guess from the browser) is remembered in this browser. */
export async function setLocale(next: Locale, remember = true): Promise<void> {
  const loaded = await loadDictionary(next);
  batch(() => {
    setDictionary(loaded);
    setLocaleSignal(next);
  });
  document.documentElement.lang = next;
  document.documentElement.dir = textDirection(next);
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage can be disabled (private mode, policies); the choice then lasts for this visit only.
  }
}

/** The language chosen earlier in this browser, else the browser's first language we offer, else German. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled; fall through to the browser's languages.
  }
  return browserLocale(navigator.languages ?? [navigator.language]) ?? "de";
}

/** The first of the browser's preferred languages that we offer ("fa-AF" and Dari "prs" read Farsi). */
export function browserLocale(preferred: readonly string[]): Locale | undefined {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const candidate = primary === "prs" ? "fa" : primary;
    if (isLocale(candidate)) return candidate;
  }
  return undefined;
}

/** The Intl locale for dates and numbers in the current language (Gregorian calendar, 24-hour clock). */
export const intlLocale = () => INTL_LOCALE[locale()];

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A count in the current language's digits. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}
