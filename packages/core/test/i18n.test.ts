import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { certificatePdf } from "../src/event/certificate";
import { drawLine, loadFonts, pdfLib, visualPieces } from "../src/pdf/text";
import { formatWhen } from "../src/i18n/format";
import { serverTexts } from "../src/i18n";
import { renderMail } from "../src/mail/templates";
import { renderIssueMail, renderNewsletterNotice } from "../src/newsletter/render";
import { LOCALES } from "../src/user/constants";

const evening = { startsAt: "2026-12-02T17:00:00.000Z", endsAt: "2026-12-02T19:30:00.000Z" };

describe("server texts per language", () => {
  it("give every language its own e-mail, with the reader's words, direction and placeholders filled", () => {
    for (const locale of LOCALES) {
      const mail = renderMail("resetPassword", locale, { name: "Olena" }, "https://example.org/reset");
      expect(mail.subject).toBe(serverTexts(locale).mail.resetPassword.subject);
      expect(mail.text).toContain("Olena");
      expect(mail.text).not.toMatch(/\{\w+\}/);
      expect(mail.html).toContain(`dir="${locale === "ar" || locale === "fa" ? "rtl" : "ltr"}"`);
    }
  });

  it("write event times in Berlin time, Gregorian (also in Farsi) and in each language's digits", () => {
    expect(formatWhen(evening, "de")).toBe("Mittwoch, 2. Dezember 2026, 18:00–20:30 Uhr");
    expect(formatWhen(evening, "fa")).toContain("۲۰۲۶");
    expect(formatWhen(evening, "fa")).toContain("۱۸:۰۰");
    expect(formatWhen(evening, "ar")).toContain("١٨:٠٠");
    expect(formatWhen(evening, "uk")).toContain("18:00");
    expect(formatWhen(evening, "uk")).toContain("2026");
  });

  it("frame the newsletter in the subscriber's language while the issue's own texts stay as written", async () => {
    const content = { number: 7, subject: "Neuigkeiten", intro: "Hallo zusammen", news: [], events: [] };
    const mail = await renderIssueMail(content, { name: "Amir", unsubscribePage: "https://x/u", archiveUrl: "https://x/7", locale: "fa" });
    expect(mail.text).toContain("Amir");
    expect(mail.html).toContain(serverTexts("fa").newsletter.unsubscribeLink);
    expect(mail.html).toContain('lang="fa" dir="rtl"');
    expect(mail.text).toContain("۷"); // the issue number in the reader's digits
    expect(mail.text).toContain("Hallo zusammen");
    expect(renderNewsletterNotice("confirm", "uk", { url: "https://x/c" }).subject).toBe(serverTexts("uk").newsletter.confirm.subject);
  });
});

describe("right-to-left certificate lines", () => {
  it("keep Latin runs together and turn Arabic-digit numbers the right way round, punctuation on their left", () => {
    expect(visualPieces("رمز التحقق: ABCD-EFGH-JKLM")).toEqual(["رمز", "التحقق:", "ABCD-EFGH-JKLM"]);
    expect(visualPieces("٢٠٢٦، ١٨:٠٠")).toEqual(["٦٢٠٢", "،", "٠٠:٨١"]);
    expect(visualPieces("(بتوقيت برلين)")).toEqual([")بتوقيت", "برلين("]);
    expect(visualPieces("مستحق (٢٠٢٦)")).toEqual(["مستحق", ")", "٦٢٠٢", "("]);
  });

  it("draw a right-to-left line from the right margin leftwards, the Latin run in reading order", async () => {
    const { PDFDocument, rgb, fontkit } = await pdfLib();
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont((await loadFonts())[0], { subset: true });
    const drawn: { text: string; x: number }[] = [];
    const page = { drawText: (text: string, o: { x: number }) => drawn.push({ text, x: o.x }) } as unknown as Parameters<typeof drawLine>[0];
    const box = { left: 60, width: 475, y: 700, size: 10, font, color: rgb(0, 0, 0) };
    drawLine(page, "الاتصال: Termin beim Jobcenter", { ...box, rtl: true });
    expect(drawn.map((d) => d.text)).toEqual(["الاتصال:", "Termin beim Jobcenter"]);
    expect(drawn[0]!.x + font.widthOfTextAtSize("الاتصال:", 10)).toBeCloseTo(535);
    expect(drawn[1]!.x).toBeLessThan(drawn[0]!.x);
    drawn.length = 0;
    drawLine(page, "Progress: Nour", { ...box, rtl: false });
    expect(drawn).toEqual([{ text: "Progress: Nour", x: 60 }]);
  });

  it("produce a one-page PDF in every language", async () => {
    const certificate = { code: "ABCD-EFGH-JKLM", name: "Fatma Yılmaz", eventTitle: "Einführung", eventKind: "training" as const, organiser: "DRK", topics: ["Trauma"], issuedAt: "2026-12-03T10:00:00.000Z", ...evening };
    for (const locale of LOCALES) {
      const pdf = await PDFDocument.load(await certificatePdf(certificate, locale));
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toContain("Einführung");
    }
  });
});
