// News, the newsletter and its administration.
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { newsletterDe } from "./newsletter.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof newsletterDe;

export const texts: TextLoaders<keyof typeof newsletterDe> = {
  de: () => import("./newsletter.de").then((m) => m.newsletterDe),
  en: () => import("./newsletter.en").then((m) => m.newsletterEn),
  ar: () => import("./newsletter.ar").then((m) => m.newsletterAr),
  fa: () => import("./newsletter.fa").then((m) => m.newsletterFa),
  uk: () => import("./newsletter.uk").then((m) => m.newsletterUk),
};

export const t = await areaTexts(texts);
