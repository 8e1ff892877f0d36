// Accompaniment programmes (e.g. the childminder qualification).
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { programmesDe } from "./programmes.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof programmesDe;

export const texts: TextLoaders<keyof typeof programmesDe> = {
  de: () => import("./programmes.de").then((m) => m.programmesDe),
  en: () => import("./programmes.en").then((m) => m.programmesEn),
  ar: () => import("./programmes.ar").then((m) => m.programmesAr),
  fa: () => import("./programmes.fa").then((m) => m.programmesFa),
  uk: () => import("./programmes.uk").then((m) => m.programmesUk),
};

export const t = await areaTexts(texts);
