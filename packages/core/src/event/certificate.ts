import { randomInt } from "node:crypto";
import { config } from "../config";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { drawLine, loadFonts, pdfLib, wrap } from "../pdf/text";
import { nowIso } from "../time";
import type { UserItem } from "../user/user.entity";
import { CERTIFIED_KINDS, type EventItem, type EventKind } from "./event.entity";
import { fill, INTL_LOCALE, serverTexts, textDirection } from "../i18n";
import { formatLongDate, formatNumber, formatWhen } from "../i18n/format";
import type { Locale } from "../user/constants";
import { getEvent } from "./events";
import { getRegistration } from "./registration";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const newCode = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("")).join("-");

export function certifiable(event: EventItem): boolean {
  return CERTIFIED_KINDS.includes(event.kind) && Date.parse(event.endsAt) <= Date.now() && event.status === "published";
}

export interface CertificateData {
  code: string;
  name: string;
  eventTitle: string;
  eventKind: EventKind;
  organiser: string;
  topics: string[];
  startsAt: string;
  endsAt: string;
  issuedAt: string;
}

/**
 * The member's certificate for an event they attended. The code is issued once per registration
 * (a conditional write), so downloading again gives the same verifiable certificate.
 */
export async function issueCertificate(user: UserItem, eventId: string): Promise<CertificateData> {
  const [event, registration] = await Promise.all([getEvent(eventId), getRegistration(eventId, user.userId)]);
  if (!event || !registration || registration.status !== "confirmed") {
    throw new VisibleError("not_found", "registration_not_found", "You were not registered for this event.");
  }
  if (!certifiable(event)) throw new VisibleError("conflict", "no_certificate", "This event has no certificate of participation (yet).");
  if (registration.attendance !== "attended") {
    throw new VisibleError("conflict", "attendance_not_recorded", "Your attendance has not been recorded for this event.");
  }
  const { data: existing } = await db().entities.certificate.query.byParticipation({ participation: `${eventId}#${user.userId}` }).go();
  if (existing[0]) return existing[0];
  const data: CertificateData = {
    code: newCode(),
    name: registration.name,
    eventTitle: event.title,
    eventKind: event.kind,
    organiser: event.organiser,
    topics: event.topics,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    issuedAt: nowIso(),
  };
  try {
    await db()
      .transaction.write(({ certificate, registration: registrations }) => [
        certificate.create({ ...data, eventId, participantKey: user.userId, participation: `${eventId}#${user.userId}` }).commit(),
        registrations
          .patch({ eventId, participantKey: user.userId })
          .set({ certificateCode: data.code })
          .where((attr, op) => op.notExists(attr.certificateCode))
          .commit(),
      ])
      .go()
      .then((r) => {
        if (r.canceled) throw Object.assign(new Error("certificate race"), { name: "ConditionalCheckFailedException" });
      });
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    // Another download issued it a moment ago.
    const { data: winner } = await db().entities.certificate.query.byParticipation({ participation: `${eventId}#${user.userId}` }).go();
    if (winner[0]) return winner[0];
    throw err;
  }
  return data;
}

export async function verifyCertificate(code: string): Promise<CertificateData> {
  const { data } = await db().entities.certificate.get({ code: code.trim().toUpperCase() }).go();
  if (!data) throw new VisibleError("not_found", "certificate_not_found", "No certificate with this code.");
  return data;
}

function durationText(c: CertificateData, locale: Locale): string {
  const texts = serverTexts(locale).certificate;
  const minutes = Math.round((Date.parse(c.endsAt) - Date.parse(c.startsAt)) / 60_000);
  const hours = formatNumber(Math.floor(minutes / 60), locale);
  const rest = minutes % 60;
  return rest ? fill(texts.hoursMinutes, { hours, minutes: formatNumber(rest, locale) }) : fill(texts.hours, { hours });
}

/** The certificate as a one-page A4 PDF in the member's language; the event's own texts stay as written. */
export async function certificatePdf(c: CertificateData, locale: Locale = "de"): Promise<Uint8Array> {
  const texts = serverTexts(locale).certificate;
  const rtl = textDirection(locale) === "rtl";
  const [[regular, bold], { PDFDocument, rgb, fontkit }] = await Promise.all([loadFonts(), pdfLib()]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(fill(texts.documentTitle, { title: c.eventTitle }));
  pdf.setAuthor(c.organiser);
  pdf.setLanguage(INTL_LOCALE[locale].split("-u-")[0]!);
  const font = await pdf.embedFont(regular, { subset: true });
  const heading = await pdf.embedFont(bold, { subset: true });
  const page = pdf.addPage([595.28, 841.89]);
  const ink = rgb(0.13, 0.13, 0.13);
  const accent = rgb(0.7, 0, 0.106);
  const left = 60;
  const width = 475;
  let y = 760;
  const line = (text: string, size = 12, f = font, color = ink, gap = 1.6) => {
    for (const chunk of wrap(text, f, size, width)) {
      drawLine(page, chunk, { left, width, y, size, font: f, color, rtl });
      y -= size * gap;
    }
  };
  page.drawRectangle({ x: 0, y: 812, width: 595.28, height: 30, color: accent });
  line(texts.title, 26, heading, accent, 2.2);
  line(texts.confirms, 12);
  y -= 6;
  line(c.name, 20, heading, ink, 2);
  line(fill(texts.atEvent, { kind: texts.kind[c.eventKind] }), 12);
  y -= 4;
  line(fill(texts.eventTitle, { title: c.eventTitle }), 16, heading, ink, 1.8);
  line(fill(texts.when, { when: formatWhen(c, locale) }), 12);
  line(fill(texts.duration, { duration: durationText(c, locale) }), 12);
  if (c.topics.length) line(fill(texts.topics, { topics: c.topics.join(", ") }), 12);
  line(fill(texts.organiser, { organiser: c.organiser }), 12);
  y -= 10;
  line(texts.attended, 12);
  y = 140;
  line(fill(texts.code, { code: c.code }), 11, heading);
  line(fill(texts.verify, { url: `${config().appOrigin}/certificates/${c.code}` }), 10);
  line(fill(texts.issued, { date: formatLongDate(c.issuedAt, locale) }), 10);
  return pdf.save();
}
