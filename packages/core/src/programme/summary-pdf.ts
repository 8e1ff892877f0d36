// Prints a summary: import this module lazily (pdf-lib and the fonts load on first use anyway).
import { fill, INTL_LOCALE, serverTexts, textDirection } from "../i18n";
import { formatLongDate } from "../i18n/format";
import { drawLine, loadFonts, pdfLib, wrap } from "../pdf/text";
import type { Locale } from "../user/constants";
import type { ParticipantView } from "./participants";

/** A plain date ("2026-12-02") written out in the reader's language. */
const longDate = (date: string, locale: Locale) => formatLongDate(`${date}T12:00:00.000Z`, locale);

/** A one-participant progress summary on A4 pages, in the reader's language (right to left for Arabic and Farsi). */
export async function summaryPdf(view: ParticipantView, locale: Locale, today: string): Promise<Uint8Array> {
  const l = serverTexts(locale).programmeSummary;
  const rtl = textDirection(locale) === "rtl";
  const [[regular, bold], { PDFDocument, rgb, fontkit }] = await Promise.all([loadFonts(), pdfLib()]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(fill(l.title, { name: view.name }));
  pdf.setLanguage(INTL_LOCALE[locale].split("-u-")[0]!);
  const font = await pdf.embedFont(regular, { subset: true });
  const heading = await pdf.embedFont(bold, { subset: true });
  const color = rgb(0.13, 0.13, 0.13);
  let page = pdf.addPage([595, 842]);
  let y = 790;
  const line = (text: string, size = 10, f = font, indent = 0) => {
    const width = 475 - indent;
    for (const chunk of wrap(text, f, size, width)) {
      if (y < 60) {
        page = pdf.addPage([595, 842]);
        y = 790;
      }
      // The indent is on the side the line starts from.
      drawLine(page, chunk, { left: rtl ? 60 : 60 + indent, width, y, size, font: f, color, rtl });
      y -= size * 1.5;
    }
  };
  const list = (items: string[]) => items.filter(Boolean).join(l.separator) || l.none;
  line(l.confidential, 8);
  line(fill(l.title, { name: view.name }), 18, heading);
  line(fill(l.programme, { name: view.programmeName }));
  line(fill(l.coordinator, { name: view.coordinator.name || l.none }));
  line(fill(l.mentors, { names: list(view.mentors.map((m) => m.name)) }));
  line(fill(l.languages, { languages: list(view.languages) }));
  y -= 8;
  line(l.milestones, 13, heading);
  for (const m of view.milestones) {
    const when =
      m.status === "done" && m.doneDate ? fill(l.done, { date: longDate(m.doneDate, locale) }) : m.dueDate ? fill(l.due, { date: longDate(m.dueDate, locale) }) : "";
    const status = l.status[m.status];
    line(when ? fill(l.milestoneWhen, { title: m.title, status, when }) : fill(l.milestone, { title: m.title, status }));
    if (m.note) line(m.note, 9, font, 14);
  }
  y -= 8;
  line(l.contacts, 13, heading);
  if (view.contacts.length === 0) line(l.none);
  for (const c of view.contacts.slice(0, 20)) line(fill(l.contact, { date: longDate(c.date, locale), note: c.note }), 9);
  y -= 8;
  line(fill(l.printed, { date: longDate(today, locale) }), 8);
  return pdf.save();
}
