import type { InferRequestType, InferResponseType } from "hono/client";
import { client, readError } from "../../api";

// The API's own types: a changed forum route or view breaks the build here, not in a member's browser.
type Forum = typeof client.api.forum;
export type CategoryView = InferResponseType<Forum["categories"]["$get"], 200>["categories"][number];
export type ThreadSummary = InferResponseType<Forum["categories"][":categoryId"]["threads"]["$get"], 200>["threads"][number];
export type ThreadView = InferResponseType<Forum["threads"][":threadId"]["$get"], 200>["thread"];
export type PostView = InferResponseType<Forum["threads"][":threadId"]["posts"]["$get"], 200>["posts"][number];
export type SearchResult = InferResponseType<Forum["search"]["$get"], 200>["results"][number];
export type NotificationView = InferResponseType<Forum["notifications"]["$get"], 200>["notifications"][number];
export type GroupView = InferResponseType<Forum["groups"]["$get"], 200>["groups"][number];
export type GroupMember = InferResponseType<Forum["groups"][":groupId"]["members"]["$get"], 200>["members"][number];
export type QueuedReport = InferResponseType<Forum["reports"]["$get"], 200>["reports"][number];
export type ModLogEntry = InferResponseType<Forum["moderation-log"]["$get"], 200>["entries"][number];
export type ThreadAction = InferRequestType<Forum["threads"][":threadId"]["moderate"]["$post"]>["json"]["action"];
export type PostAction = InferRequestType<Forum["threads"][":threadId"]["posts"][":postId"]["moderate"]["$post"]>["json"]["action"];
export type CategoryInput = InferRequestType<Forum["categories"]["$post"]>["json"];
export type PostingPolicy = CategoryView["postingPolicy"];
export type ReportStatus = NonNullable<InferRequestType<Forum["reports"]["$get"]>["query"]["status"]>;

export const POSTING_POLICIES = ["members", "coordinators"] as const satisfies readonly PostingPolicy[];
export const REPORT_STATUSES = ["open", "resolved"] as const satisfies readonly ReportStatus[];

/** A value for a path segment: Hono's client puts params into the path as given. */
export const segment = (value: string) => encodeURIComponent(value);

/** Where e-mails, search results and notifications point: the thread, scrolled to one post. */
export function threadHref(threadId: string, postId?: string | null): string {
  const path = `/forum/threads/${segment(threadId)}`;
  return postId ? `${path}?${new URLSearchParams({ post: postId })}` : path;
}

export const categoryHref = (categoryId: string) => `/forum/categories/${segment(categoryId)}`;
export const groupHref = (groupId: string) => `/forum/groups/${segment(groupId)}`;

export async function fetchCategories(): Promise<CategoryView[]> {
  const res = await client.api.forum.categories.$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).categories;
}

export async function fetchGroups(): Promise<GroupView[]> {
  const res = await client.api.forum.groups.$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).groups;
}

/** Post ids are time-ordered (ULIDs): merging by id keeps a thread in the order it was written. */
export function mergePosts(current: readonly PostView[], incoming: readonly PostView[]): PostView[] {
  const byId = new Map(current.map((p) => [p.postId, p]));
  for (const post of incoming) byId.set(post.postId, post);
  return [...byId.values()].sort((a, b) => (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
}
