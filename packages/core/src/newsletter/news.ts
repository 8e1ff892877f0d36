import { conditionFailed, db, paged } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { renderMarkdown } from "../markdown";
import { nowIso } from "../time";
import { isStaff } from "../user/account";
import type { UserItem } from "../user/user.entity";
import type { NewsItem } from "./newsletter.entity";
import type { NewsInput } from "./schema";

export interface NewsView {
  newsId: string;
  title: string;
  summaryHtml: string;
  summary: string;
  sourceUrl: string | null;
  category: NewsItem["category"];
  status: NewsItem["status"];
  authorName: string;
  publishedAt: string | null;
  updatedAt: string;
  /** Whether the viewer may edit or delete it: its author, or a coordinator. */
  mayEdit: boolean;
}

export const toNewsView = async (n: NewsItem, viewer?: UserItem): Promise<NewsView> => ({
  newsId: n.newsId,
  title: n.title,
  summaryHtml: await renderMarkdown(n.summary),
  summary: n.summary,
  sourceUrl: n.sourceUrl ?? null,
  category: n.category,
  status: n.status,
  authorName: n.authorName,
  publishedAt: n.publishedAt ?? null,
  updatedAt: n.updatedAt,
  mayEdit: mayWriteNews(viewer) && (n.authorId === viewer.userId || isStaff(viewer.role)),
});

export function mayWriteNews(user: UserItem | undefined): user is UserItem {
  return !!user && user.status === "approved" && (isStaff(user.role) || user.mayWriteNews === true);
}

function assertWriter(user: UserItem | undefined): asserts user is UserItem {
  if (!mayWriteNews(user)) throw new VisibleError("forbidden", "forbidden", "You may not write news.");
}

const notFound = () => new VisibleError("not_found", "news_not_found", "No such news item.");

export async function createNews(user: UserItem | undefined, input: NewsInput): Promise<NewsItem> {
  assertWriter(user);
  const now = nowIso();
  const published = input.status === "published";
  const { data } = await db()
    .entities.news.create({
      newsId: createId("nws"),
      title: input.title,
      summary: input.summary,
      sourceUrl: input.sourceUrl ?? undefined,
      category: input.category,
      status: input.status,
      authorId: user.userId,
      authorName: user.name,
      createdAt: now,
      updatedAt: now,
      sortAt: now,
      publishedAt: published ? now : undefined,
    })
    .go();
  return data;
}

async function loadEditable(user: UserItem | undefined, newsId: string): Promise<NewsItem> {
  assertWriter(user);
  const { data } = await db().entities.news.get({ newsId }).go();
  if (!data) throw notFound();
  if (data.authorId !== user.userId && !isStaff(user.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators edit others' news.");
  return data;
}

/** Edits a news item; publishing a draft stamps the publication time (it then joins the next issue). */
export async function updateNews(user: UserItem | undefined, newsId: string, input: NewsInput): Promise<NewsItem> {
  const before = await loadEditable(user, newsId);
  const now = nowIso();
  const publishedAt = input.status === "published" ? (before.publishedAt ?? now) : undefined;
  const update = db()
    .entities.news.patch({ newsId })
    .set({
      title: input.title,
      summary: input.summary,
      category: input.category,
      status: input.status,
      updatedAt: now,
      sortAt: publishedAt ?? before.createdAt,
      ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    });
  const removals = [...(input.sourceUrl ? [] : ["sourceUrl" as const]), ...(publishedAt ? [] : ["publishedAt" as const])];
  try {
    const { data } = await (removals.length ? update.remove(removals) : update)
      .where((attr, op) => op.eq(attr.updatedAt, before.updatedAt))
      .go({ response: "all_new" });
    return data as NewsItem;
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "changed_meanwhile", "Someone else changed this item meanwhile. Please reload.");
    throw err;
  }
}

export async function deleteNews(user: UserItem | undefined, newsId: string): Promise<void> {
  await loadEditable(user, newsId);
  await db().entities.news.delete({ newsId }).go();
}

export async function getNews(newsId: string, user?: UserItem): Promise<NewsItem> {
  const { data } = await db().entities.news.get({ newsId }).go();
  if (!data || (data.status === "draft" && !mayWriteNews(user))) throw notFound();
  return data;
}

/** Published news, newest first (anyone); drafts only for those who write news. */
export async function listNews(user: UserItem | undefined, query: { status: "draft" | "published"; cursor?: string }) {
  if (query.status === "draft") assertWriter(user);
  const { data, cursor } = await paged(() =>
    db().entities.news.query.byStatus({ status: query.status }).go({ order: "desc", limit: 20, cursor: query.cursor || null }),
  );
  return { news: await Promise.all(data.map((n) => toNewsView(n, user))), cursor };
}

/** Published news after a moment, oldest first: what the next issue collects. */
export async function newsPublishedSince(since: string | undefined): Promise<NewsItem[]> {
  const query = db().entities.news.query.byStatus({ status: "published" });
  const { data } = await (since ? query.gt({ sortAt: since }) : query).go({ pages: "all" });
  return data;
}
