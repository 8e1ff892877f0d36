// The forum: categories, threads and posts, groups, notifications, moderation.
// Its pages import `t` from here rather than from ./index: it takes the area's keys too, and
// importing it holds a page back until the area's texts are loaded in the current language.
import { areaTexts, type MessageKey as CoreKey, type TextLoaders } from "./index";
import type { forumDe } from "./forum.de";

export * from "./index";
/** A key `t` takes here: the core's or the area's. */
export type MessageKey = CoreKey | keyof typeof forumDe;

export const texts: TextLoaders<keyof typeof forumDe> = {
  de: () => import("./forum.de").then((m) => m.forumDe),
  en: () => import("./forum.en").then((m) => m.forumEn),
  ar: () => import("./forum.ar").then((m) => m.forumAr),
  fa: () => import("./forum.fa").then((m) => m.forumFa),
  uk: () => import("./forum.uk").then((m) => m.forumUk),
};

export const t = await areaTexts(texts);
