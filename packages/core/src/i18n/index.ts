import type { Locale } from "../user/constants";
import { serverDe, type ServerTexts } from "./server.de";
import { serverEn } from "./server.en";
import { serverAr } from "./server.ar";
import { serverFa } from "./server.fa";
import { serverUk } from "./server.uk";

export type { ServerTexts };
export { INTL_LOCALE, textDirection } from "./locales";

// Every language's catalogue is typed against German's shape, so a missing text fails the build.
const catalogues: Readonly<Record<Locale, ServerTexts>> = { de: serverDe, en: serverEn, ar: serverAr, fa: serverFa, uk: serverUk };

/** The texts the server sends to people (e-mails, calendar files, PDFs) in one language. */
export function serverTexts(locale: Locale): ServerTexts {
  return catalogues[locale] ?? serverDe;
}

/** Fills `{name}` placeholders; a missing value leaves an empty string, never the raw placeholder. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = Object.hasOwn(vars, key) ? vars[key] : undefined;
    return value === undefined ? "" : String(value);
  });
}
