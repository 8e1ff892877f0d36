import { config } from "../config";
import type { Rendered } from "../mail/templates";
import { renderMarkdown } from "../markdown";
import { formatWhen } from "../event/notify";
import type { NewsCategory } from "./newsletter.entity";

export const CATEGORY_LABEL: Record<"de" | "en", Record<NewsCategory, string>> = {
  de: { law_policy: "Recht und Politik", local_offers: "Angebote vor Ort", events_elsewhere: "Veranstaltungen anderswo", materials: "Materialien", other: "Sonstiges" },
  en: { law_policy: "Law and policy", local_offers: "Local offers", events_elsewhere: "Events elsewhere", materials: "Materials", other: "Other" },
};

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

/** The body of an issue as HTML, shared by the e-mail and the web archive. */
export async function issueHtmlBody(content: IssueContent): Promise<string> {
  const origin = config().appOrigin;
  const byCategory = new Map<NewsCategory, IssueContent["news"]>();
  for (const item of content.news) byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
  const summaries = new Map(await Promise.all(content.news.map(async (n) => [n, await renderMarkdown(n.summary)] as const)));
  const sections = [...byCategory].map(
    ([category, items]) =>
      `<h2 style="font-size:18px;color:#b3001b;margin:28px 0 8px">${esc(CATEGORY_LABEL.de[category])}</h2>` +
      items
        .map(
          (n) =>
            `<h3 style="font-size:16px;margin:16px 0 4px">${esc(n.title)}</h3>${summaries.get(n)!}` +
            (n.sourceUrl ? `<p style="font-size:14px"><a href="${esc(n.sourceUrl)}" rel="noopener nofollow ugc">Quelle</a></p>` : ""),
        )
        .join(""),
  );
  const events = content.events.length
    ? `<h2 style="font-size:18px;color:#b3001b;margin:28px 0 8px">Veranstaltungen der nächsten Wochen</h2><ul>${content.events
        .map((e) => `<li><a href="${origin}/events/${e.eventId}">${esc(e.title)}</a><br>${esc(formatWhen(e, "de"))} · ${esc(e.where)}</li>`)
        .join("")}</ul>`
    : "";
  return `${content.intro ? await renderMarkdown(content.intro) : ""}${sections.join("")}${events}`;
}

export function issueText(content: IssueContent): string {
  const origin = config().appOrigin;
  const parts = [content.intro ? markdownToText(content.intro) : ""];
  for (const n of content.news) {
    parts.push(`## ${n.title} (${CATEGORY_LABEL.de[n.category]})\n\n${markdownToText(n.summary)}${n.sourceUrl ? `\nQuelle: ${n.sourceUrl}` : ""}`);
  }
  if (content.events.length) {
    parts.push(["## Veranstaltungen der nächsten Wochen", ...content.events.map((e) => `- ${e.title}: ${formatWhen(e, "de")}, ${e.where} – ${origin}/events/${e.eventId}`)].join("\n"));
  }
  return parts.filter(Boolean).join("\n\n");
}

/** The complete personalised e-mail of an issue. */
export async function renderIssueMail(content: IssueContent, recipient: { name?: string; unsubscribePage: string; archiveUrl: string }): Promise<Rendered> {
  const greeting = recipient.name ? `Hallo ${recipient.name},` : "Hallo,";
  const footerText = `Diesen Newsletter im Browser lesen: ${recipient.archiveUrl}\nAbmelden: ${recipient.unsubscribePage}`;
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(content.subject)}</title></head><body style="margin:0;background:#f4f4f4"><div style="max-width:620px;margin:0 auto;background:#fff;padding:24px;font-family:Arial,sans-serif;line-height:1.5;color:#222"><p style="font-size:13px;color:#666">Vernetzt · Newsletter Nr. ${content.number}</p><h1 style="font-size:22px;margin:0 0 16px">${esc(content.subject)}</h1><p>${esc(greeting)}</p>${await issueHtmlBody(content)}<hr style="margin-top:32px"><p style="font-size:12px;color:#666"><a href="${esc(recipient.archiveUrl)}">Im Browser lesen</a> · <a href="${esc(recipient.unsubscribePage)}">Newsletter abbestellen</a></p></div></body></html>`;
  const text = [`Vernetzt · Newsletter Nr. ${content.number}`, content.subject, greeting, issueText(content), "--", footerText].join("\n\n");
  return { subject: content.subject, html, text };
}

const NOTICES = {
  confirm: {
    de: { subject: "Bitte bestätigen Sie Ihr Newsletter-Abonnement", body: "Sie (oder jemand anderes) haben den Newsletter von Vernetzt für diese Adresse bestellt. Bitte bestätigen Sie das über den Link. Ohne Bestätigung schicken wir nichts.", action: "Abonnement bestätigen" },
    en: { subject: "Please confirm your newsletter subscription", body: "You (or someone else) subscribed this address to the Vernetzt newsletter. Please confirm with the link. Without confirmation we send nothing.", action: "Confirm subscription" },
  },
  welcome: {
    de: { subject: "Willkommen beim Newsletter von Vernetzt", body: "Ihr Abonnement ist bestätigt. Jede Woche erhalten Sie Neuigkeiten aus der Geflüchtetenhilfe und Flüchtlingspolitik. Die aktuelle Ausgabe finden Sie hier:", action: "Aktuelle Ausgabe lesen" },
    en: { subject: "Welcome to the Vernetzt newsletter", body: "Your subscription is confirmed. Every week you will receive news on refugee aid and refugee policy. The latest issue is here:", action: "Read the latest issue" },
  },
} as const;

/** Confirmation and welcome e-mails of the newsletter. */
export function renderNewsletterNotice(kind: keyof typeof NOTICES, locale: "de" | "en", links: { url: string; unsubscribe?: string }): Rendered {
  const m = NOTICES[kind][locale];
  const unsub = links.unsubscribe ? (locale === "de" ? `Abmelden: ${links.unsubscribe}` : `Unsubscribe: ${links.unsubscribe}`) : "";
  return {
    subject: m.subject,
    text: [m.body, `${m.action}: ${links.url}`, unsub].filter(Boolean).join("\n\n"),
    html: `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:560px"><p>${esc(m.body)}</p><p><a href="${esc(links.url)}" style="display:inline-block;padding:10px 18px;background:#b3001b;color:#fff;text-decoration:none;border-radius:4px">${esc(m.action)}</a></p>${links.unsubscribe ? `<p style="font-size:12px"><a href="${esc(links.unsubscribe)}">${locale === "de" ? "Abmelden" : "Unsubscribe"}</a></p>` : ""}</body></html>`,
  };
}
