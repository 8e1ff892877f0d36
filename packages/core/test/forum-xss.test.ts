import { describe, expect, it } from "vitest";
import { listPosts, reply } from "../src/forum/posts";
import { search } from "../src/forum/search";
import { category, coordinator, member, storedMember, thread } from "./forum-fixtures";

// A selection from the OWASP XSS filter evasion cheat sheet, in HTML and in Markdown's own syntax.
const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
  `<<SCRIPT>alert("XSS");//<</SCRIPT>`,
  `"><script>alert(document.cookie)</script>`,
  `<img src=x onerror=alert(1)>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<svg onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<body onload=alert('XSS')>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<a href="javascript:alert(1)">klick</a>`,
  `<a href="http://example.org" onclick="alert(1)">klick</a>`,
  `<div style="background-image: url(javascript:alert('XSS'))">x</div>`,
  `<p style="width: expression(alert('XSS'));">x</p>`,
  `<STYLE>@import'http://xss.example/xss.css';</STYLE>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">`,
  `<form action="javascript:alert(1)"><button>x</button></form>`,
  `<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>`,
  `[klick](javascript:alert(1))`,
  `[klick](JaVaScRiPt:alert(1))`,
  `[klick](jav&#x09;ascript:alert(1))`,
  `[klick](jav\tascript:alert(1))`,
  `[klick](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))`,
  `[klick](%6A%61%76%61%73%63%72%69%70%74:alert(1))`,
  `[klick](  javascript:alert(1))`,
  `[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[klick](vbscript:msgbox(1))`,
  `[klick](VBScript:msgbox(1))`,
  `[klick](http://example.org "title\\" onmouseover=\\"alert(1)")`,
  `[klick][ref]\n\n[ref]: javascript:alert(1)`,
  `![bild](javascript:alert(1))`,
  `![bild](x" onerror="alert(1))`,
  `![bild](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `<javascript:alert(1)>`,
  `<vbscript:msgbox(1)>`,
  `<data:text/html,<script>alert(1)</script>>`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
  "`<script>alert(1)</script>` und\n\n```html\n<img src=x onerror=alert(1)>\n```",
  `@[<img src=x onerror=alert(1)>]`,
];

const SAFE_PROTOCOLS = ["http:", "https:", "mailto:", "tel:"];
/** What the browser's HTML parser makes of an attribute value. */
const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(quot|lt|gt|colon|tab|newline|amp);/gi, (_, n: string) => ({ quot: '"', lt: "<", gt: ">", colon: ":", tab: "\t", newline: "\n", amp: "&" })[n.toLowerCase()]!);

/**
 * Fails with the payload named if the HTML could run script. Only real tags count: text such as
 * `&lt;a href="javascript:…"&gt;` is shown, not run.
 */
function assertInert(html: string, payload: string) {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    expect(tag, payload).toMatch(/^<(p|br|strong|em|s|del|code|pre|blockquote|ul|ol|li|a|h[1-4]|hr|table|thead|tbody|tr|th|td)[\s>/]/i);
    const attributeNames = [...tag.replace(/"[^"]*"/g, '""').matchAll(/\s([^\s=>]+)=/g)].map((m) => m[1]!.toLowerCase());
    for (const name of attributeNames) expect(["href", "title", "rel", "target", "start", "align"], `${payload}: ${tag}`).toContain(name);
    const href = /\shref="([^"]*)"/i.exec(tag)?.[1];
    // Resolved as a browser would (WHATWG URL: tabs and newlines dropped, no percent-decoding in
    // the scheme, so "jav%09ascript:" is a harmless relative path).
    if (href !== undefined) expect(SAFE_PROTOCOLS, `${payload} → ${href}`).toContain(new URL(decodeEntities(href), "https://vernetzt.example/forum/").protocol);
    if (tag.startsWith("<a")) expect(tag, payload).toContain('rel="noopener nofollow ugc"');
  }
  expect(html, payload).not.toMatch(/<\s*script/i);
}

describe("Markdown in posts", () => {
  it("(the check itself) rejects HTML that could run script", () => {
    for (const bad of ['<a href="javascript:alert(1)" rel="noopener nofollow ugc">x</a>', '<a href=" jav&#x09;ascript:x" rel="noopener nofollow ugc">x</a>', '<p onclick="x">x</p>', "<img src=x>", '<a href="https://ok.example">no rel</a>']) {
      expect(() => assertInert(bad, bad)).toThrow();
    }
  });

  it("renders every XSS payload of the list inert", async () => {
    const { categoryId } = await category(coordinator());
    const author = member();
    const { thread: t } = await thread(author, categoryId, "<script>alert('title')</script>", PAYLOADS[0]!);
    const posted = await Promise.all(PAYLOADS.map((body) => reply(author, t.threadId, { body })));
    posted.forEach((p, i) => assertInert(p.bodyHtml ?? "", PAYLOADS[i]!));
    const { posts } = await listPosts(member(), t.threadId, {});
    expect(posts).toHaveLength(PAYLOADS.length + 1);
    for (const p of posts) assertInert(p.bodyHtml!, p.postId);
    for (const p of posts) expect(p.quote).toBeNull();
  });

  it("keeps ordinary formatting and safe links, which open without handing over the page", async () => {
    const { categoryId } = await category(coordinator());
    const author = member();
    const { thread: t } = await thread(author, categoryId);
    const post = await reply(author, t.threadId, { body: "**fett** und _kursiv_\n\n> Zitat\n\n- eins\n- zwei\n\n[Beratung](https://example.org/hilfe) und https://example.org/kurse" });
    expect(post.bodyHtml).toContain("<strong>fett</strong>");
    expect(post.bodyHtml).toContain("<blockquote>");
    expect(post.bodyHtml).toContain('<a href="https://example.org/hilfe" rel="noopener nofollow ugc" target="_blank">Beratung</a>');
    expect(post.bodyHtml).toContain('<a href="https://example.org/kurse" rel="noopener nofollow ugc" target="_blank">https://example.org/kurse</a>');
  });

  it("escapes a mentioned member whose name is itself a payload", async () => {
    const { categoryId } = await category(coordinator());
    const evil = await storedMember(`<img src=x onerror=alert(1)> ${Math.random().toString(36).slice(2, 6)}`);
    const { post } = await thread(member(), categoryId, "Titel", `Hallo @[${evil.name}]`);
    expect(post.mentions).toHaveLength(1);
    expect(post.bodyHtml).toContain("<strong>@&lt;img src=x onerror=alert(1)&gt;");
    assertInert(post.bodyHtml!, evil.name);
  });

  it("returns search excerpts as plain text", async () => {
    const { categoryId } = await category(coordinator());
    const word = `zq${Math.random().toString(36).slice(2, 8).replace(/\d/g, "y")}`;
    await thread(member(), categoryId, `Titel ${word}`, `<b>fett</b> **wirklich** ${word}`);
    const { results } = await search(member(), word);
    expect(results[0]?.excerpt).toBe(`<b>fett</b> wirklich ${word}`);
  });
});
