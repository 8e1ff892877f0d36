// Events: the list, an event's page, registering, my events and the coordinators' pages.
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { eventsDe } from "./events.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof eventsDe;

export const texts: TextLoaders<keyof typeof eventsDe> = {
  de: () => import("./events.de").then((m) => m.eventsDe),
  en: () => import("./events.en").then((m) => m.eventsEn),
  ar: () => import("./events.ar").then((m) => m.eventsAr),
  fa: () => import("./events.fa").then((m) => m.eventsFa),
  uk: () => import("./events.uk").then((m) => m.eventsUk),
};

export const t = await areaTexts(texts);
