// Full-text search over thread titles and posts without scanning: an inverted index in the table.
// Every post owns one term item per distinct word (title words belong to the opening post),
// rewritten when the post changes and removed when it is hidden or deleted. A query asks one
// partition per word: exact words by `pk = term`, the last word by prefix on gsi2 (`begins_with`).
import { db } from "../db";
import { VisibleError } from "../errors";
import { assertMember, isCoordinator, joinedGroupIds, type ForumMember } from "./access";
import { excerpt } from "./render";
import { writeAll } from "./tx";
import { PUBLIC_SCOPE, type ForumCategoryItem, type ForumPostItem, type ForumThreadItem } from "./forum.entity";

const MIN_TERM = 2;
const MAX_TERM = 40;
/** A 20 000-character post has fewer distinct words than this; the cap bounds the writes. */
const MAX_TERMS_PER_POST = 1500;
const MAX_QUERY_WORDS = 6;
const PAGE = 20;

// Words too common to narrow anything down; left out of the index and of queries.
const STOP_WORDS = new Set(
  (
    "der die das den dem des ein eine einer eines einem einen und oder aber als auch auf aus bei bin bis da dann dass " +
    "du er es ich ihr im in ist ja mit man nach nicht noch nur ob sie sind so um uns von vor war was wie wir wird zu zum zur " +
    "the and or of to in is it for on with at by an be this that are was as from http https www"
  )
    .split(" ")
    .map((w) => searchKey(w)),
);

/**
 * The form a word is indexed and searched under: lower case, accents dropped, ß as ss, and the
 * German transliterations ae/oe/ue read as a/o/u, so "Müller", "Mueller" and "muller" meet in
 * "muller", and "Straße" and "Strasse" in "strasse". Over-matching (e.g. "Quelle" ~ "Qulle") is
 * harmless for search.
 */
export function searchKey(word: string): string {
  return word
    .toLocaleLowerCase("de")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .replace(/ø/g, "o")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u")
    .slice(0, MAX_TERM);
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The distinct terms of a text, as stored in the index. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of words(text)) {
    const key = searchKey(word);
    if (key.length >= MIN_TERM && !STOP_WORDS.has(key)) terms.add(key);
    if (terms.size >= MAX_TERMS_PER_POST) break;
  }
  return terms;
}

const termItem = (term: string, post: Pick<ForumPostItem, "postId" | "threadId">) => ({ term, postId: post.postId, threadId: post.threadId, prefix: term.slice(0, MIN_TERM) });

async function storedTerms(postId: string): Promise<string[]> {
  const { data } = await db().entities.forumTerm.query.byPost({ postId }).go({ pages: "all", attributes: ["term"] });
  return data.map((t) => t.term);
}

/**
 * Brings a post's term items in line with its text: the title counts for the opening post;
 * a post that is not visible has none. Safe to repeat. A post just written has no terms yet,
 * which saves looking.
 */
export async function indexPost(post: Pick<ForumPostItem, "postId" | "threadId" | "body" | "status" | "isOpening">, title?: string, options: { fresh?: boolean } = {}): Promise<void> {
  const wanted = post.status === "visible" ? termsOf(`${post.isOpening && title ? title : ""} ${post.body}`) : new Set<string>();
  const stored = options.fresh ? [] : await storedTerms(post.postId);
  const stale = stored.filter((t) => !wanted.has(t));
  const storedSet = new Set(stored);
  const fresh = [...wanted].filter((t) => !storedSet.has(t));
  await writeAll((keys) => db().entities.forumTerm.delete(keys).go({ concurrent: 4 }), stale.map((term) => ({ term, postId: post.postId })));
  await writeAll((items) => db().entities.forumTerm.put(items).go({ concurrent: 4 }), fresh.map((term) => termItem(term, post)));
}

export const unindexPost = (post: Pick<ForumPostItem, "postId" | "threadId">) => indexPost({ ...post, body: "", status: "deleted", isOpening: false });

type Hit = { postId: string; threadId: string };

async function exactHits(term: string): Promise<Hit[]> {
  const { data } = await db().entities.forumTerm.query.byTerm({ term }).go({ pages: "all", attributes: ["postId", "threadId"] });
  return data;
}

async function prefixHits(prefix: string): Promise<Hit[]> {
  const { data } = await db()
    .entities.forumTerm.query.byPrefix({ prefix: prefix.slice(0, MIN_TERM) })
    .begins({ term: prefix })
    .go({ pages: "all", attributes: ["postId", "threadId"] });
  return data;
}

/** The query's words as index terms: stop words dropped except the last, which is a prefix. */
export function queryTerms(q: string): { exact: string[]; prefix: string | undefined } {
  const keys = words(q)
    .map(searchKey)
    .filter((k) => k.length >= MIN_TERM)
    .slice(0, MAX_QUERY_WORDS);
  const last = keys.pop();
  return { exact: [...new Set(keys.filter((k) => !STOP_WORDS.has(k)))], prefix: last };
}

export interface SearchResult {
  threadId: string;
  postId: string;
  threadTitle: string;
  categoryId: string;
  categoryName: string;
  authorName: string;
  createdAt: string;
  isOpening: boolean;
  excerpt: string;
}

const encodeCursor = (postId: string) => Buffer.from(JSON.stringify({ after: postId })).toString("base64url");
function decodeCursor(cursor: string): string {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { after?: unknown };
    if (typeof after === "string" && /^pst_[0-9a-z]{26}$/.test(after)) return after;
  } catch {
    // falls through to the error below
  }
  throw new VisibleError("invalid", "invalid_cursor", "The page cursor is not valid.", { cursor: "invalid_cursor" });
}

async function threadsById(threadIds: string[]): Promise<ForumThreadItem[]> {
  if (threadIds.length === 0) return [];
  const { data } = await db().entities.forumThread.get(threadIds.map((threadId) => ({ threadId }))).go();
  return data;
}

async function categoriesById(categoryIds: string[]): Promise<ForumCategoryItem[]> {
  if (categoryIds.length === 0) return [];
  const { data } = await db().entities.forumCategory.get(categoryIds.map((categoryId) => ({ categoryId }))).go();
  return data;
}

/**
 * Posts matching every word (the last one as a prefix), newest first, only where this member may
 * read: visible posts in visible threads of categories they can see. Paged by post id.
 */
export async function search(member: ForumMember, q: string, cursor?: string): Promise<{ results: SearchResult[]; cursor: string | null }> {
  assertMember(member);
  const { exact, prefix } = queryTerms(q);
  if (!prefix) throw new VisibleError("invalid", "query_too_short", "Enter at least one word of two or more letters.", { q: "too_short" });
  const hitLists = await Promise.all([...exact.map(exactHits), prefixHits(prefix)]);
  hitLists.sort((a, b) => a.length - b.length);
  const [smallest, ...rest] = hitLists;
  const restSets = rest.map((list) => new Set(list.map((h) => h.postId)));
  const matches = new Map<string, string>();
  for (const hit of smallest!) if (restSets.every((s) => s.has(hit.postId))) matches.set(hit.postId, hit.threadId);

  // Visibility is decided per thread, now: a thread may have been moved, hidden or deleted.
  const threads = await threadsById([...new Set(matches.values())]);
  const categories = await categoriesById([...new Set(threads.map((t) => t.categoryId))]);
  const joined = isCoordinator(member) ? undefined : await joinedGroupIds(member.userId);
  const visibleCategories = new Map(categories.filter((c) => c.scope === PUBLIC_SCOPE || !joined || joined.has(c.scope)).map((c) => [c.categoryId, c]));
  const readable = new Map(threads.filter((t) => t.status === "visible" && visibleCategories.has(t.categoryId)).map((t) => [t.threadId, t]));

  const after = cursor ? decodeCursor(cursor) : undefined;
  const candidates = [...matches].filter(([postId, threadId]) => readable.has(threadId) && (!after || postId < after)).sort(([a], [b]) => (a < b ? 1 : -1));
  const results: SearchResult[] = [];
  let last: string | undefined;
  let i = 0;
  while (results.length < PAGE && i < candidates.length) {
    const chunk = candidates.slice(i, i + PAGE - results.length);
    i += chunk.length;
    const { data: posts } = await db().entities.forumPost.get(chunk.map(([postId, threadId]) => ({ threadId, postId }))).go();
    const byId = new Map(posts.map((p) => [p.postId, p]));
    for (const [postId, threadId] of chunk) {
      last = postId;
      const post = byId.get(postId);
      if (!post || post.status !== "visible") continue;
      const thread = readable.get(threadId)!;
      const category = visibleCategories.get(thread.categoryId)!;
      results.push({
        threadId,
        postId,
        threadTitle: thread.title,
        categoryId: category.categoryId,
        categoryName: category.name,
        authorName: post.authorName,
        createdAt: post.createdAt,
        isOpening: post.isOpening,
        excerpt: await excerpt(post.body),
      });
    }
  }
  return { results, cursor: i < candidates.length && last ? encodeCursor(last) : null };
}
