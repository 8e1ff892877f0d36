import { config } from "../config";
import { sendMail } from "../mail/send";
import { renderMail, type MailKind } from "../mail/templates";
import { fill, serverTexts } from "../i18n";
import { formatWhen } from "../i18n/format";
import type { Locale } from "../user/user.entity";
import type { EventItem, RegistrationItem } from "./event.entity";
import { eventIcs } from "./ical";

export function formatWhere(event: EventItem, locale: Locale, showOnlineUrl: boolean): string {
  if (event.address) return event.address;
  const texts = serverTexts(locale).where;
  return showOnlineUrl && event.onlineUrl ? fill(texts.online, { url: event.onlineUrl }) : texts.onlineLater;
}

export const eventUrl = (eventId: string) => `${config().appOrigin}/events/${eventId}`;
export const cancelUrl = (token: string) => `${config().appOrigin}/registrations/cancel?token=${encodeURIComponent(token)}`;

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
  const footer = to.cancelToken && options.withCancelLink !== false ? { label: "cancelRegistration" as const, url: cancelUrl(to.cancelToken) } : undefined;
  await sendMail({
    to: to.email,
    ...renderMail(kind, to.locale, vars, options.link ?? eventUrl(event.eventId), footer),
    attachments: options.attachIcs
      ? [{ filename: "veranstaltung.ics", content: await eventIcs(event, true, to.locale), contentType: "text/calendar; charset=utf-8; method=PUBLISH" }]
      : undefined,
  });
}
