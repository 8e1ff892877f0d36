import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { randomInt } from "node:crypto";
import { config } from "../config";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { lazy } from "../lazy";
import { nowIso } from "../time";
import type { UserItem } from "../user/user.entity";
import { CERTIFIED_KINDS, type EventItem, type EventKind } from "./event.entity";
import { formatWhen } from "./notify";
import { getEvent } from "./events";
import { getRegistration } from "./registration";

export const KIND_LABEL_DE: Record<EventKind, string> = {
  exchange_meeting: "Austauschtreffen",
  expert_talk: "Fachvortrag",
  training: "Schulung",
  continuing_education: "Fortbildung",
  panel_discussion: "Podiumsdiskussion",
  introductory_event: "Einführungsveranstaltung",
  group_supervision: "Gruppensupervision",
};

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

const require = createRequire(import.meta.url);
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;
function loadFonts() {
  // DejaVu covers Latin, Turkish, Cyrillic and Greek names, which PDF's standard fonts cannot.
  fonts ??= Promise.all([
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  ]);
  return fonts;
}

function durationText(c: CertificateData): string {
  const minutes = Math.round((Date.parse(c.endsAt) - Date.parse(c.startsAt)) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} Std. ${rest} Min.` : `${hours} Stunden`;
}

/** The certificate as a one-page A4 PDF (German). */
const pdfLib = lazy(async () => {
  const [{ PDFDocument, rgb }, fontkit] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]);
  return { PDFDocument, rgb, fontkit: fontkit.default };
});

export async function certificatePdf(c: CertificateData): Promise<Uint8Array> {
  const [[regular, bold], { PDFDocument, rgb, fontkit }] = await Promise.all([loadFonts(), pdfLib()]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`Teilnahmebescheinigung – ${c.eventTitle}`);
  pdf.setAuthor(c.organiser);
  pdf.setLanguage("de-DE");
  const font = await pdf.embedFont(regular, { subset: true });
  const heading = await pdf.embedFont(bold, { subset: true });
  const page = pdf.addPage([595.28, 841.89]);
  const ink = rgb(0.13, 0.13, 0.13);
  const accent = rgb(0.7, 0, 0.106);
  let y = 760;
  const line = (text: string, size = 12, f = font, color = ink, gap = 1.6) => {
    for (const chunk of wrap(text, f, size, 475)) {
      page.drawText(chunk, { x: 60, y, size, font: f, color });
      y -= size * gap;
    }
  };
  page.drawRectangle({ x: 0, y: 812, width: 595.28, height: 30, color: accent });
  line("Teilnahmebescheinigung", 26, heading, accent, 2.2);
  line("Hiermit wird bestätigt, dass", 12);
  y -= 6;
  line(c.name, 20, heading, ink, 2);
  line(`an der Veranstaltung (${KIND_LABEL_DE[c.eventKind]})`, 12);
  y -= 4;
  line(`„${c.eventTitle}“`, 16, heading, ink, 1.8);
  line(`am ${formatWhen(c, "de")}`, 12);
  line(`Dauer: ${durationText(c)}`, 12);
  if (c.topics.length) line(`Themen: ${c.topics.join(", ")}`, 12);
  line(`Veranstalter: ${c.organiser}`, 12);
  y -= 10;
  line("teilgenommen hat.", 12);
  y = 140;
  line(`Prüfcode: ${c.code}`, 11, heading);
  line(`Echtheit prüfen: ${config().appOrigin}/certificates/${c.code}`, 10);
  line(`Ausgestellt am ${new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" }).format(new Date(c.issuedAt))} über die Plattform Vernetzt.`, 10);
  return pdf.save();
}

function wrap(text: string, font: { widthOfTextAtSize(t: string, s: number): number }, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && current) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}
