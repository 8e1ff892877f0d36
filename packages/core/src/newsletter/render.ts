import { config } from "../config";
import type { Rendered } from "../mail/templates";
import { renderMarkdown } from "../markdown";
import { fill, serverTexts, textDirection } from "../i18n";
import { formatNumber, formatWhen } from "../i18n/format";
import type { Locale } from "../user/constants";
import type { NewsCategory } from "./newsletter.entity";

/** What an issue shows; frozen into the issue when it is sent so the archive never changes. */
export interface IssueContent {
  number: number;
  subject: string;
  intro: string;
  news: { newsId: string; title: string; summary: string; sourceUrl: string | null; category: NewsCategory }[];
  events: { eventId: string; title: string; startsAt: string; endsAt: string; where: string }[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Plain-text form of Markdown for the text/plain part: links kept as "text (url)". */
function markdownToText(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, "$1 ($2)")
    .replace(/[*_`~]{1,3}/g, "")
    .replace(/^#{1,6}\s*/gm, "");
}

/**
 * The body of an issue as HTML, shared by the e-mail and the web archive. Headings and dates follow
 * the reader's language; what people wrote keeps its own direction (dir="auto").
 */
export async function issueHtmlBody(content: IssueContent, locale: Locale = "de"): Promise<string> {
  const texts = serverTexts(locale).newsletter;
  const origin = config().appOrigin;
  const byCategory = new Map<NewsCategory, IssueContent["news"]>();
  for (const item of content.news) byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
  const summaries = new Map(await Promise.all(content.news.map(async (n) => [n, await renderMarkdown(n.summary)] as const)));
  const sections = [...byCategory].map(
    ([category, items]) =>
      `<h2 style="font-size:18px;color:#b3001b;margin:28px 0 8px">${esc(texts.category[category])}</h2>` +
      items
        .map(
          (n) =>
            `<div dir="auto"><h3 style="font-size:16px;margin:16px 0 4px">${esc(n.title)}</h3>${summaries.get(n)!}</div>` +
            (n.sourceUrl ? `<p style="font-size:14px"><a href="${esc(n.sourceUrl)}" rel="noopener nofollow ugc">${esc(texts.source)}</a></p>` : ""),
        )
        .join(""),
  );
  const events = content.events.length
    ? `<h2 style="font-size:18px;color:#b3001b;margin:28px 0 8px">${esc(texts.upcomingEvents)}</h2><ul>${content.events
        .map((e) => `<li><a href="${origin}/events/${e.eventId}" dir="auto">${esc(e.title)}</a><br>${esc(formatWhen(e, locale))} · <span dir="auto">${esc(e.where)}</span></li>`)
        .join("")}</ul>`
    : "";
  return `${content.intro ? `<div dir="auto">${await renderMarkdown(content.intro)}</div>` : ""}${sections.join("")}${events}`;
}

export function issueText(content: IssueContent, locale: Locale = "de"): string {
  const texts = serverTexts(locale).newsletter;
  const origin = config().appOrigin;
  const parts = [content.intro ? markdownToText(content.intro) : ""];
  for (const n of content.news) {
    parts.push(`## ${n.title} (${texts.category[n.category]})\n\n${markdownToText(n.summary)}${n.sourceUrl ? `\n${texts.source}: ${n.sourceUrl}` : ""}`);
  }
  if (content.events.length) {
    parts.push([`## ${texts.upcomingEvents}`, ...content.events.map((e) => `- ${e.title}: ${formatWhen(e, locale)}, ${e.where} – ${origin}/events/${e.eventId}`)].join("\n"));
  }
  return parts.filter(Boolean).join("\n\n");
}

/** The complete personalised e-mail of an issue, framed in the recipient's language. */
export async function renderIssueMail(content: IssueContent, recipient: { name?: string; unsubscribePage: string; archiveUrl: string; locale?: Locale }): Promise<Rendered> {
  const locale = recipient.locale ?? "de";
  const texts = serverTexts(locale).newsletter;
  const dir = textDirection(locale);
  const greeting = recipient.name ? fill(texts.greeting, { name: recipient.name }) : texts.greetingNoName;
  const issueNumber = fill(texts.issueNumber, { number: formatNumber(content.number, locale) });
  const footerText = `${fill(texts.readInBrowserText, { url: recipient.archiveUrl })}\n${fill(texts.unsubscribeText, { url: recipient.unsubscribePage })}`;
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(content.subject)}</title></head><body style="margin:0;background:#f4f4f4"><div dir="${dir}" style="max-width:620px;margin:0 auto;background:#fff;padding:24px;font-family:Arial,sans-serif;line-height:1.5;color:#222"><p style="font-size:13px;color:#666">${esc(issueNumber)}</p><h1 dir="auto" style="font-size:22px;margin:0 0 16px">${esc(content.subject)}</h1><p>${esc(greeting)}</p>${await issueHtmlBody(content, locale)}<hr style="margin-top:32px"><p style="font-size:12px;color:#666"><a href="${esc(recipient.archiveUrl)}">${esc(texts.readInBrowser)}</a> · <a href="${esc(recipient.unsubscribePage)}">${esc(texts.unsubscribeLink)}</a></p></div></body></html>`;
  const text = [issueNumber, content.subject, greeting, issueText(content, locale), "--", footerText].join("\n\n");
  return { subject: content.subject, html, text };
}

/** Confirmation and welcome e-mails of the newsletter. */
export function renderNewsletterNotice(kind: "confirm" | "welcome", locale: Locale, links: { url: string; unsubscribe?: string }): Rendered {
  const texts = serverTexts(locale).newsletter;
  const m = texts[kind];
  const dir = textDirection(locale);
  const unsub = links.unsubscribe ? fill(texts.unsubscribeText, { url: links.unsubscribe }) : "";
  return {
    subject: m.subject,
    text: [m.body, `${m.action}: ${links.url}`, unsub].filter(Boolean).join("\n\n"),
    html: `<!doctype html><html lang="${locale}" dir="${dir}"><body dir="${dir}" style="font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:560px"><p>${esc(m.body)}</p><p><a href="${esc(links.url)}" style="display:inline-block;padding:10px 18px;background:#b3001b;color:#fff;text-decoration:none;border-radius:4px">${esc(m.action)}</a></p>${links.unsubscribe ? `<p style="font-size:12px"><a href="${esc(links.unsubscribe)}">${esc(texts.unsubscribe)}</a></p>` : ""}</body></html>`,
  };
}
