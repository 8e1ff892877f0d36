import { batch, createSignal } from "solid-js";
import type { Locale } from "@vernetzt/core/user/user.entity";
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
};
export const LOCALES = Object.freeze(["de", "en"] as const satisfies readonly Locale[]);
const STORAGE_KEY = "vernetzt.locale";
const TIME_ZONE = "Europe/Berlin";

const [locale, setLocaleSignal] = createSignal<Locale>("de");
const [dictionary, setDictionary] = createSignal<Dictionary>(de);
export { locale };

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
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Switches the interface language and remembers the choice in this browser. */
export async function setLocale(next: Locale): Promise<void> {
  const loaded = await loaders[next]();
  batch(() => {
    setDictionary(loaded);
    setLocaleSignal(next);
  });
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage can be disabled (private mode, policies); the choice then lasts for this visit only.
  }
}

/** The language chosen earlier in this browser, German otherwise. */
export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : "de";
  } catch {
    return "de";
  }
}

const intlLocale = () => (locale() === "de" ? "de-DE" : "en-GB");

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeZone: TIME_ZONE }).format(new Date(iso));
}
