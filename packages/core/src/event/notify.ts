import { config } from "../config";
import { sendMail } from "../mail/send";
import { renderMail, type MailKind } from "../mail/templates";
import { ZONE } from "../time";
import type { Locale } from "../user/user.entity";
import type { EventItem, RegistrationItem } from "./event.entity";
import { eventIcs } from "./ical";

const formats = {
  de: {
    day: new Intl.DateTimeFormat("de-DE", { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
    time: new Intl.DateTimeFormat("de-DE", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }),
    suffix: " Uhr",
  },
  en: {
    day: new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
    time: new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }),
    suffix: " (Berlin time)",
  },
} as const;

/** "Mittwoch, 2. Dezember 2026, 18:00–20:00 Uhr" in Berlin time. */
export function formatWhen(event: Pick<EventItem, "startsAt" | "endsAt">, locale: Locale): string {
  const f = formats[locale];
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const sameDay = f.day.format(start) === f.day.format(end);
  return sameDay
    ? `${f.day.format(start)}, ${f.time.format(start)}–${f.time.format(end)}${f.suffix}`
    : `${f.day.format(start)}, ${f.time.format(start)} – ${f.day.format(end)}, ${f.time.format(end)}${f.suffix}`;
}

export function formatWhere(event: EventItem, locale: Locale, showOnlineUrl: boolean): string {
  if (event.address) return event.address;
  if (showOnlineUrl && event.onlineUrl) return `Online: ${event.onlineUrl}`;
  return locale === "de" ? "Online (der Link steht auf der Veranstaltungsseite)" : "Online (the link is on the event page)";
}

export const eventUrl = (eventId: string) => `${config().appOrigin}/events/${eventId}`;
export const cancelUrl = (token: string) => `${config().appOrigin}/registrations/cancel?token=${encodeURIComponent(token)}`;

const CANCEL_LABEL = { de: "Abmelden und Platz freigeben", en: "Cancel and free the place" };

type Recipient = Pick<RegistrationItem, "name" | "email" | "locale"> & { cancelToken?: string };

/** Sends one event e-mail to one participant, with a cancel link and, where it helps, the .ics. */
export async function mailParticipant(
  kind: MailKind,
  event: EventItem,
  to: Recipient,
  options: { link?: string; attachIcs?: boolean; vars?: Record<string, string>; withCancelLink?: boolean } = {},
): Promise<void> {
  const confirmed = options.attachIcs ?? false;
  const vars = {
    name: to.name,
    title: event.title,
    when: formatWhen(event, to.locale),
    where: formatWhere(event, to.locale, confirmed),
    ...options.vars,
  };
  const footer = to.cancelToken && options.withCancelLink !== false ? { label: CANCEL_LABEL, url: cancelUrl(to.cancelToken) } : undefined;
  await sendMail({
    to: to.email,
    ...renderMail(kind, to.locale, vars, options.link ?? eventUrl(event.eventId), footer),
    attachments: options.attachIcs
      ? [{ filename: "veranstaltung.ics", content: await eventIcs(event, true), contentType: "text/calendar; charset=utf-8; method=PUBLISH" }]
      : undefined,
  });
}
