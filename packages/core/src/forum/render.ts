import { markdownText, renderMarkdown } from "../markdown";
import { fold } from "../text";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const unescapeHtml = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** `@[Full Name]` as the sanitised HTML shows it (brackets and text, escaped). */
const RENDERED_MENTION = /@\[([^\[\]<>\n]{2,200})\]/g;

/**
 * A post's HTML: core's sanitised Markdown, then resolved mentions emphasised. The replacement
 * works on already-safe HTML and inserts only <strong> with escaped text, so it cannot open a hole.
 */
export async function renderPost(body: string, mentions: { name: string }[]): Promise<string> {
  const html = await renderMarkdown(body);
  if (mentions.length === 0) return html;
  const byKey = new Map(mentions.map((m) => [fold(m.name), m.name]));
  return html.replace(RENDERED_MENTION, (whole, escaped: string) => {
    const name = byKey.get(fold(unescapeHtml(escaped)));
    return name ? `<strong>@${escapeHtml(name)}</strong>` : whole;
  });
}

/** The text of a post without markup, for excerpts in quotes, search results and the report queue. */
export async function plainText(body: string): Promise<string> {
  const text = await markdownText(body);
  return unescapeHtml(text).replace(/\s+/g, " ").trim();
}

export async function excerpt(body: string, max = 200): Promise<string> {
  const text = await plainText(body);
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
