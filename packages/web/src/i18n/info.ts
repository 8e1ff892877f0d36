// Information pages, contact persons, documents, data protection and the audit log.
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { infoDe } from "./info.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof infoDe;

export const texts: TextLoaders<keyof typeof infoDe> = {
  de: () => import("./info.de").then((m) => m.infoDe),
  en: () => import("./info.en").then((m) => m.infoEn),
  ar: () => import("./info.ar").then((m) => m.infoAr),
  fa: () => import("./info.fa").then((m) => m.infoFa),
  uk: () => import("./info.uk").then((m) => m.infoUk),
};

export const t = await areaTexts(texts);
