// The admins' usage page.
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { usageDe } from "./usage.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof usageDe;

export const texts: TextLoaders<keyof typeof usageDe> = {
  de: () => import("./usage.de").then((m) => m.usageDe),
  en: () => import("./usage.en").then((m) => m.usageEn),
  ar: () => import("./usage.ar").then((m) => m.usageAr),
  fa: () => import("./usage.fa").then((m) => m.usageFa),
  uk: () => import("./usage.uk").then((m) => m.usageUk),
};

export const t = await areaTexts(texts);
