import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML is off in the parser, and the output is sanitised again with an allow-list:
// two independent layers between member-written text and a script in someone's browser.
const parser = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED_TAGS = ["p", "br", "strong", "em", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td"];

// Loaded on first use through `markdown.ts`: markdown-it and sanitize-html are about 360 KB that
// a cold start need not evaluate.

export function renderMarkdown(source: string): string {
  return sanitizeHtml(parser.render(source), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel", "target"], ol: ["start"], th: ["align"], td: ["align"] },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener nofollow ugc", target: "_blank" } }),
    },
  });
}

export function markdownText(source: string): string {
  return sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} });
}
