import type { InferResponseType } from "hono/client";
import { NEWS_CATEGORIES } from "@vernetzt/core/newsletter/constants";
import { client, readError } from "../../api";
import { t } from "../../i18n/newsletter";
import type { Account } from "../../session";

export type News = InferResponseType<typeof client.api.news.$get, 200>["news"][number];
export type NewsCategory = News["category"];
export type NewsStatus = News["status"];

export { NEWS_CATEGORIES };

export const categoryLabel = (category: NewsCategory) => t(`news.category.${category}`);

/** Coordinators write news, and volunteers a coordinator allowed to. */
export const mayWriteNews = (account: Account | null | undefined) => account?.mayWriteNews === true;

/** One page of news, newest first; drafts only for those who write news. */
export async function fetchNewsPage(status: NewsStatus, cursor: string | null) {
  const res = await client.api.news.$get({ query: { status, cursor: cursor ?? undefined } });
  if (!res.ok) throw await readError(res);
  return res.json();
}

/** The host of a source link, to name it briefly; sources that are no web address are not linked. */
export function sourceHost(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return null;
  return new URL(url).hostname.replace(/^www\./, "");
}
