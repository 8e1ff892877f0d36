import { batch, createSignal } from "solid-js";
import { INTL_LOCALE, textDirection } from "@vernetzt/core/i18n/locales";
import { LOCALES as ALL_LOCALES, type Locale } from "@vernetzt/core/user/constants";
import { de } from "./de";

export type { Locale };
/** The keys every page may use (header, footer, account, signing in …); an area's pages take `t` from its module (./events.ts …), which adds the area's keys. */
export type MessageKey = keyof typeof de;
/** Every language has exactly German's keys: a missing or extra key fails the type check. */
export type Dictionary = { readonly [K in MessageKey]: string };
/** One part's texts (the core's or an area's) in one language. */
export type Texts<K extends string> = { readonly [P in K]: string };
/** Where each language's texts of one part come from. */
export type TextLoaders<K extends string> = Record<Locale, () => Promise<Texts<K>>>;
export type Vars = Record<string, string | number>;

// German ships in the main bundle; other languages load when chosen, an area's texts with its pages.
const core: TextLoaders<MessageKey> = {
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
const [dictionary, setDictionary] = createSignal<Readonly<Record<string, string>>>(de);
export { locale };

/** The areas whose pages have been opened: a language switch brings their texts along. */
const areas = new Set<TextLoaders<string>>();
// One change at a time, so that a language switch and an area's first texts cannot interleave.
let changing: Promise<unknown> = Promise.resolve();

/** Loads the texts of the core and every opened area in `target()`'s language, then shows them all at once. */
function show(target: () => Locale, remember = false): Promise<void> {
  const change = changing.then(async () => {
    const next = target();
    const parts = await Promise.all([core[next](), ...[...areas].map((area) => area[next]())]);
    batch(() => {
      setDictionary(Object.assign({}, ...parts));
      setLocaleSignal(next);
    });
    document.documentElement.lang = next;
    document.documentElement.dir = textDirection(next);
    if (remember) rememberLocale(next);
  });
  changing = change.catch(() => undefined);
  return change;
}

/** One language's core texts, loaded the way the app loads them. */
export function loadDictionary(locale: Locale): Promise<Dictionary> {
  return core[locale]();
}

/**
 * An area's `t`, which also takes the area's keys. It resolves once the area's texts are there in the
 * current language (and later switches bring them too), so an area module that awaits it at its top
 * level holds back every page importing it until its texts can be shown: no key flashes by.
 */
export async function areaTexts<K extends string>(loaders: TextLoaders<K>): Promise<(key: MessageKey | K, vars?: Vars) => string> {
  areas.add(loaders);
  await show(locale);
  return lookup;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(core, value);
}

/** The text for a key made at run time (from an error code), if the texts loaded now have one. */
export function textFor(key: string): string | undefined {
  const texts = dictionary();
  return Object.hasOwn(texts, key) ? texts[key] : undefined;
}

function lookup(key: string, vars?: Vars): string {
  const text = dictionary()[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name];
    // Counts read in the reader's digits (Arabic-Indic in Arabic, Persian in Farsi).
    return typeof value === "number" ? formatNumber(value) : String(value);
  });
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export const t: (key: MessageKey, vars?: Vars) => string = lookup;

/** Switches the interface language; a choice (not a guess from the browser) is remembered in this browser. */
export function setLocale(next: Locale, remember = true): Promise<void> {
  return show(() => next, remember);
}

function rememberLocale(next: Locale) {
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

// Intl formatters are costly to set up and every list row formats: one of each per language.
function perLanguage<F>(make: (tag: string) => F): () => F {
  const made = new Map<string, F>();
  return () => {
    const tag = intlLocale();
    let formatter = made.get(tag);
    if (!formatter) made.set(tag, (formatter = make(tag)));
    return formatter;
  };
}
const dateTimeFormat = perLanguage((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }));
const dateFormat = perLanguage((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: TIME_ZONE }));
const numberFormat = perLanguage((tag) => new Intl.NumberFormat(tag));

export function formatDateTime(iso: string): string {
  return dateTimeFormat().format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat().format(new Date(iso));
}

/** A count in the current language's digits. */
export function formatNumber(value: number): string {
  return numberFormat().format(value);
}
