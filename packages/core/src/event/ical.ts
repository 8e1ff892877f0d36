import type { ICalCalendar, ICalEventStatus } from "ical-generator";
import { config } from "../config";
import { fill, serverTexts } from "../i18n";
import { lazy } from "../lazy";
import type { Locale } from "../user/constants";
import type { EventItem } from "./event.entity";

const icalGenerator = lazy(() => import("ical-generator"));

const product = (locale: Locale) => ({ company: "Vernetzt", product: "Vernetzt", language: locale.toUpperCase() });

function uid(event: EventItem): string {
  const host = config().appOrigin.replace(/^https?:\/\//, "").replace(/[:/].*$/, "") || "vernetzt.local";
  return `${event.eventId}@${host}`;
}

/**
 * Times are written in UTC (RFC 5545 form 2, `…Z`), which every calendar accepts without a
 * VTIMEZONE block and shows in the reader's own zone. SEQUENCE grows with every edit, so
 * calendars replace the old copy of a changed event.
 */
function addEvent(calendar: ICalCalendar, status: typeof ICalEventStatus, event: EventItem, showOnlineUrl: boolean, locale: Locale) {
  const texts = serverTexts(locale).ical;
  const url = `${config().appOrigin}/events/${event.eventId}`;
  const where = event.address ?? (event.onlineUrl ? texts.online : undefined);
  const description = [event.description.slice(0, 2000), showOnlineUrl && event.onlineUrl ? fill(texts.onlineLink, { url: event.onlineUrl }) : "", url]
    .filter(Boolean)
    .join("\n\n");
  calendar.createEvent({
    id: uid(event),
    sequence: event.revision,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    summary: event.status === "cancelled" ? fill(texts.cancelled, { title: event.title }) : event.title,
    description,
    location: where,
    url,
    organizer: { name: event.organiser, email: config().mailFrom.replace(/^.*<|>.*$/g, "") },
    status: event.status === "cancelled" ? status.CANCELLED : status.CONFIRMED,
    categories: event.topics.map((name) => ({ name })),
  });
}

/** One event as an .ics file, e.g. attached to a confirmation e-mail; the event's own texts stay as written. */
export async function eventIcs(event: EventItem, showOnlineUrl: boolean, locale: Locale = "de"): Promise<string> {
  const { default: ical, ICalCalendarMethod, ICalEventStatus } = await icalGenerator();
  const calendar = ical({ prodId: product(locale), name: event.title, method: ICalCalendarMethod.PUBLISH });
  addEvent(calendar, ICalEventStatus, event, showOnlineUrl, locale);
  return calendar.toString();
}

/** A subscribable feed of many events, named in the reader's language. */
export async function feedIcs(name: "feedAll" | "feedMine", events: { event: EventItem; showOnlineUrl: boolean }[], locale: Locale = "de"): Promise<string> {
  const { default: ical, ICalEventStatus } = await icalGenerator();
  const calendar = ical({ prodId: product(locale), name: serverTexts(locale).ical[name], ttl: 60 * 60 });
  for (const { event, showOnlineUrl } of events) addEvent(calendar, ICalEventStatus, event, showOnlineUrl, locale);
  return calendar.toString();
}
