// Shared by the PDFs the server prints (certificate, programme summary). pdf-lib itself is only
// loaded through `pdfLib()`, so importing this module keeps it off the cold-start path.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Color, PDFFont, PDFPage } from "pdf-lib";
import { lazy } from "../lazy";

const require = createRequire(import.meta.url);
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;

/** DejaVu Sans regular and bold: Latin, Turkish, Cyrillic, Greek and Arabic script, which PDF's standard fonts cannot. */
export function loadFonts(): Promise<[Uint8Array, Uint8Array]> {
  fonts ??= Promise.all([
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  ]);
  return fonts;
}

/** pdf-lib and its font engine, loaded on first use. */
export const pdfLib = lazy(async () => {
  const [{ PDFDocument, rgb }, fontkit] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]);
  return { PDFDocument, rgb, fontkit: fontkit.default };
});

type Measure = { widthOfTextAtSize(text: string, size: number): number };

/** A text broken into lines no wider than `width`; each line break in the text starts a new line. */
export function wrap(text: string, font: Measure, size: number, width: number): string[] {
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

export interface LineBox {
  /** The left margin of the line's box. */
  left: number;
  width: number;
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
  rtl: boolean;
}

/**
 * Draws one already wrapped line: left-aligned, or for right-to-left languages from the right edge
 * of the box leftwards, piece by piece (see `visualPieces`).
 */
export function drawLine(page: PDFPage, text: string, box: LineBox): void {
  const { left, width, y, size, font, color } = box;
  if (!box.rtl) {
    page.drawText(text, { x: left, y, size, font, color });
    return;
  }
  let x = left + width;
  for (const piece of visualPieces(text)) {
    x -= font.widthOfTextAtSize(piece, size);
    page.drawText(piece, { x, y, size, font, color });
    x -= font.widthOfTextAtSize(" ", size);
  }
}

const ARABIC_LETTER = /[\u0620-\u065F\u066E-\u06D3\u06D5-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MIRRORED: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[" };

/**
 * One right-to-left line as pieces to draw from the right margin leftwards. pdf-lib's font engine
 * shapes Arabic script, but reverses any piece whose first letter or digit is Arabic script, and
 * mirrors no brackets; so every Arabic word is a piece of its own (brackets swapped), a run of
 * Latin words (a German title, a code, a web address) stays together in reading order, and numbers
 * in Arabic or Persian digits are handed over reversed so that they come out the right way round,
 * their brackets and punctuation mirrored around them.
 */
export function visualPieces(line: string): string[] {
  const pieces: string[] = [];
  let latinRun = false;
  for (const word of line.split(/\s+/).filter(Boolean)) {
    if (ARABIC_LETTER.test(word)) {
      pieces.push([...word].map((c) => MIRRORED[c] ?? c).join(""));
      latinRun = false;
      continue;
    }
    const first = LETTER_OR_DIGIT.exec(word)?.[0] ?? "";
    if (!ARABIC_SCRIPT.test(first)) {
      if (latinRun) pieces[pieces.length - 1] += ` ${word}`;
      else pieces.push(word);
      latinRun = true;
      continue;
    }
    const [, lead = "", core = word, trail = ""] = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
    const mirror = (text: string) => [...text].map((c) => MIRRORED[c] ?? c).join("");
    pieces.push(`${[...core].reverse().join("")}`);
    if (trail) pieces.push(mirror(trail));
    if (lead) pieces.splice(pieces.length - (trail ? 2 : 1), 0, mirror(lead));
    latinRun = false;
  }
  return pieces;
}
