// Heavy (pdf-lib, fonts): import this module lazily, only where a summary is printed.
import fontkit from "@pdf-lib/fontkit";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { ParticipantView } from "./participants";

const LABELS = {
  de: {
    title: "Fortschritt",
    programme: "Programm",
    coordinator: "Koordination",
    mentors: "Begleitung",
    languages: "Sprachen",
    milestones: "Meilensteine",
    due: "fällig",
    done: "erledigt",
    contacts: "Kontakte",
    none: "–",
    status: { open: "offen", in_progress: "in Arbeit", done: "erledigt", not_applicable: "entfällt" },
    printed: "Erstellt am",
    confidential: "Vertraulich – personenbezogene Daten",
  },
  en: {
    title: "Progress",
    programme: "Programme",
    coordinator: "Coordinator",
    mentors: "Mentors",
    languages: "Languages",
    milestones: "Milestones",
    due: "due",
    done: "done",
    contacts: "Contacts",
    none: "–",
    status: { open: "open", in_progress: "in progress", done: "done", not_applicable: "not applicable" },
    printed: "Created on",
    confidential: "Confidential – personal data",
  },
} as const;

const require = createRequire(import.meta.url);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let current = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
  }
  return lines;
}

/** A one-participant progress summary on A4 pages, in the reader's language. */
export async function summaryPdf(view: ParticipantView, locale: "de" | "en", today: string): Promise<Uint8Array> {
  const l = LABELS[locale];
  const [regular, bold] = await Promise.all([
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  ]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`${l.title}: ${view.name}`);
  const font = await pdf.embedFont(regular, { subset: true });
  const heading = await pdf.embedFont(bold, { subset: true });
  const ink = rgb(0.13, 0.13, 0.13);
  let page: PDFPage = pdf.addPage([595, 842]);
  let y = 790;
  const line = (text: string, size = 10, f = font, indent = 0) => {
    for (const chunk of wrap(text, f, size, 475 - indent)) {
      if (y < 60) {
        page = pdf.addPage([595, 842]);
        y = 790;
      }
      page.drawText(chunk, { x: 60 + indent, y, size, font: f, color: ink });
      y -= size * 1.5;
    }
  };
  line(l.confidential, 8);
  line(`${l.title}: ${view.name}`, 18, heading);
  line(`${l.programme}: ${view.programmeName}`);
  line(`${l.coordinator}: ${view.coordinator.name || l.none}`);
  line(`${l.mentors}: ${view.mentors.map((m) => m.name).join(", ") || l.none}`);
  line(`${l.languages}: ${view.languages.join(", ") || l.none}`);
  y -= 8;
  line(l.milestones, 13, heading);
  for (const m of view.milestones) {
    const when = m.status === "done" && m.doneDate ? `${l.done} ${m.doneDate}` : m.dueDate ? `${l.due} ${m.dueDate}` : "";
    line(`${m.title} — ${l.status[m.status]}${when ? ` (${when})` : ""}`, 10, font);
    if (m.note) line(m.note, 9, font, 14);
  }
  y -= 8;
  line(l.contacts, 13, heading);
  if (view.contacts.length === 0) line(l.none);
  for (const c of view.contacts.slice(0, 20)) line(`${c.date}: ${c.note}`, 9);
  y -= 8;
  line(`${l.printed} ${today}`, 8);
  return pdf.save();
}
