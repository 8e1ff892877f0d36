// Profiles, the member directory, messages and organisations.
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { peopleDe } from "./people.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof peopleDe;

export const texts: TextLoaders<keyof typeof peopleDe> = {
  de: () => import("./people.de").then((m) => m.peopleDe),
  en: () => import("./people.en").then((m) => m.peopleEn),
  ar: () => import("./people.ar").then((m) => m.peopleAr),
  fa: () => import("./people.fa").then((m) => m.peopleFa),
  uk: () => import("./people.uk").then((m) => m.peopleUk),
};

export const t = await areaTexts(texts);
