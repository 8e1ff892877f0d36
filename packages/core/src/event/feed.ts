import { db } from "../db";
import type { Locale } from "../user/constants";
import type { EventItem } from "./event.entity";
import { feedIcs } from "./ical";

const DAY = 86_400_000;

/**
 * All public, published (or since cancelled) events from 30 days ago on, as a subscribable feed,
 * named and worded in `locale` (the subscribe link carries the reader's language: calendar apps
 * fetch it later without one).
 */
export async function publicFeed(locale: Locale = "de"): Promise<string> {
  const since = new Date(Date.now() - 30 * DAY).toISOString();
  const { data } = await db()
    .entities.event.query.byDate({})
    .gte({ startsAt: since })
    .where((attr, op) => `${op.eq(attr.visibility, "public")} AND ${op.ne(attr.status, "draft")}`)
    .go({ pages: "all" });
  return feedIcs("feedAll", data.map((event: EventItem) => ({ event, showOnlineUrl: false })), locale);
}
