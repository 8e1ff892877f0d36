import { config } from "../config";
import { fill, serverTexts, textDirection, type ServerTexts } from "../i18n";
import type { Locale } from "../user/user.entity";

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

interface Message {
  subject: string;
  /** Paragraphs of plain text; `{name}` style placeholders are filled from vars. */
  body: readonly string[];
  action?: string;
}

/** A second, quieter link under the message, e.g. to cancel a registration. */
export interface FooterLink {
  label: keyof ServerTexts["links"];
  url: string;
}

export type MailKind = keyof ServerTexts["mail"];

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Renders one of the platform's transactional e-mails in the member's language. */
export function renderMail(kind: MailKind, locale: Locale, vars: Record<string, string>, link?: string, footerLink?: FooterLink): Rendered {
  const texts = serverTexts(locale);
  const message: Message = texts.mail[kind];
  const paragraphs = message.body.map((p) => fill(p, vars));
  const footerLabel = footerLink ? texts.links[footerLink.label] : "";
  const footerText = footerLink ? [`${footerLabel}: ${footerLink.url}`] : [];
  const footerHtml = footerLink
    ? `<p style="font-size:13px"><a href="${escapeHtml(footerLink.url)}">${escapeHtml(footerLabel)}</a></p>`
    : "";
  const footer = texts.mailFooter;
  const text = [...paragraphs, ...(link ? [`${message.action}: ${link}`] : []), ...footerText, "--", footer, config().appOrigin].join("\n\n");
  const button = link
    ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#b3001b;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(message.action ?? link)}</a></p><p style="font-size:13px;color:#555">${escapeHtml(link)}</p>`
    : "";
  const html = `<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><body dir="${textDirection(locale)}" style="font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:560px">${paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("")}${button}${footerHtml}<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)}</p></body></html>`;
  return { subject: fill(message.subject, vars), text, html };
}
