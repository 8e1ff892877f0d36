import { getItems } from "../batch";
import { db } from "../db";
import { getOne } from "../readahead";
import { VisibleError } from "../errors";
import { isStaff } from "../user/account";
import type { UserItem } from "../user/user.entity";
import { PUBLIC_SCOPE, type ForumCategoryItem, type ForumMembershipItem, type ForumThreadItem } from "./forum.entity";

/** The member acting in the forum, as the API passes them in after sign-in. */
export type ForumMember = Pick<UserItem, "userId" | "name" | "role" | "status">;

export const isCoordinator = (member: ForumMember): boolean => member.status === "approved" && isStaff(member.role);

export function assertMember(member: ForumMember): void {
  if (member.status !== "approved") throw new VisibleError("forbidden", "membership_pending", "Your membership has not been approved yet.");
}

export function assertCoordinator(member: ForumMember): void {
  if (!isCoordinator(member)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

export const categoryNotFound = () => new VisibleError("not_found", "category_not_found", "No such forum category.");
export const threadNotFound = () => new VisibleError("not_found", "thread_not_found", "No such thread.");
export const postNotFound = () => new VisibleError("not_found", "post_not_found", "No such post.");
export const groupNotFound = () => new VisibleError("not_found", "group_not_found", "No such group.");

export async function getMembership(groupId: string, userId: string): Promise<ForumMembershipItem | undefined> {
  const { forumMembership } = db().entities;
  return getOne(forumMembership, forumMembership.get({ groupId, userId }));
}

/** The groups a member has joined (not merely been invited to or asked for). */
export async function joinedGroupIds(userId: string): Promise<Set<string>> {
  const { data } = await db().entities.forumMembership.query.byMember({ userId }).go({ pages: "all" });
  return new Set(data.filter((m) => m.status === "member").map((m) => m.groupId));
}

/** Everyone's categories, a group's only for its members; coordinators see all. */
export async function canSeeScope(member: ForumMember, scope: string): Promise<boolean> {
  if (scope === PUBLIC_SCOPE || isCoordinator(member)) return true;
  return (await getMembership(scope, member.userId))?.status === "member";
}

export const canPostIn = (member: ForumMember, category: ForumCategoryItem): boolean =>
  category.postingPolicy === "members" || isCoordinator(member);

// Single items by key go through getOne: a reading request may have fetched them already with
// its session (read-ahead, see readahead.ts and the rules in functions' routes/forum.ts).

export async function getCategory(categoryId: string): Promise<ForumCategoryItem | undefined> {
  const { forumCategory } = db().entities;
  return getOne(forumCategory, forumCategory.get({ categoryId }));
}

export async function getThread(threadId: string): Promise<ForumThreadItem | undefined> {
  const { forumThread } = db().entities;
  return getOne(forumThread, forumThread.get({ threadId }));
}

/** The category if this member may see it; otherwise not found, so closed groups stay unseen. */
export async function loadCategory(member: ForumMember, categoryId: string): Promise<ForumCategoryItem> {
  assertMember(member);
  const category = await getCategory(categoryId);
  if (!category || !(await canSeeScope(member, category.scope))) throw categoryNotFound();
  return category;
}

/** Hidden threads are for coordinators only; deleted ones are gone for everyone. */
export function threadReadable(member: ForumMember, thread: ForumThreadItem): boolean {
  return thread.status === "visible" || (thread.status === "hidden" && isCoordinator(member));
}

export async function loadThread(member: ForumMember, threadId: string): Promise<{ thread: ForumThreadItem; category: ForumCategoryItem }> {
  assertMember(member);
  const thread = await getThread(threadId);
  if (!thread || !threadReadable(member, thread)) throw threadNotFound();
  return { thread, category: await readableCategoryOf(member, thread) };
}

/** The items a member's reading of a thread starts with: the thread, their follow (F9) and read marker (F8). */
export function threadReaderOps(userId: string, threadId: string) {
  const { forumThread, forumFollow, forumRead } = db().entities;
  return [forumThread.get({ threadId }), forumFollow.get({ threadId, userId }), forumRead.get({ userId, threadId })];
}

/**
 * A thread being read, with the member's follow and read marker, all in one BatchGetItem (or
 * none, when they came with the session). Its scope is not checked yet: see `readableCategoryOf`
 * and `assertScopeReadable`.
 */
export async function loadThreadForReader(member: ForumMember, threadId: string): Promise<{ thread: ForumThreadItem; following: boolean; lastReadPostId: string | undefined }> {
  assertMember(member);
  const { forumThread, forumFollow, forumRead } = db().entities;
  const [threadItem, followItem, readItem] = await getItems(threadReaderOps(member.userId, threadId));
  const thread = threadItem ? forumThread.parse({ Item: threadItem }).data : null;
  if (!thread || !threadReadable(member, thread)) throw threadNotFound();
  return {
    thread,
    following: (followItem && forumFollow.parse({ Item: followItem }).data?.following) ?? false,
    lastReadPostId: (readItem && forumRead.parse({ Item: readItem }).data?.lastReadPostId) || undefined,
  };
}

/**
 * The thread's category, if the member may see it. With the category's scope copied on the
 * thread, a group's category comes in one BatchGetItem with the member's membership; threads
 * from before the copy read the category first.
 */
export async function readableCategoryOf(member: ForumMember, thread: ForumThreadItem): Promise<ForumCategoryItem> {
  const { forumCategory, forumMembership } = db().entities;
  if (thread.scope && thread.scope !== PUBLIC_SCOPE && !isCoordinator(member)) {
    const [categoryItem, membershipItem] = await getItems([forumCategory.get({ categoryId: thread.categoryId }), forumMembership.get({ groupId: thread.scope, userId: member.userId })]);
    const category = categoryItem ? forumCategory.parse({ Item: categoryItem }).data : null;
    if (!category) throw threadNotFound();
    const membership = membershipItem ? forumMembership.parse({ Item: membershipItem }).data : null;
    const visible = category.scope === thread.scope ? membership?.status === "member" : await canSeeScope(member, category.scope);
    if (!visible) throw threadNotFound();
    return category;
  }
  const category = await getCategory(thread.categoryId);
  if (!category || !(await canSeeScope(member, category.scope))) throw threadNotFound();
  return category;
}

/**
 * Whether the member may read the thread's posts, decided by the scope copied on the thread
 * without the category item: nothing to read for everyone's categories and for coordinators, the
 * membership for a group's. Threads from before the copy read their category.
 */
export async function assertScopeReadable(member: ForumMember, thread: ForumThreadItem): Promise<void> {
  if (!thread.scope) {
    await readableCategoryOf(member, thread);
    return;
  }
  if (!(await canSeeScope(member, thread.scope))) throw threadNotFound();
}

/**
 * Of these members, those who may read a category of this scope now: approved, and for a group's
 * category either coordinators or members of the group. Used before anyone is notified.
 */
export async function whoCanSee(scope: string, userIds: string[]): Promise<UserItem[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const { data: users } = await db().entities.user.get(unique.map((userId) => ({ userId }))).go();
  const approved = users.filter((u) => u.status === "approved");
  if (scope === PUBLIC_SCOPE) return approved;
  const others = approved.filter((u) => !isStaff(u.role));
  const { data: memberships } = others.length
    ? await db().entities.forumMembership.get(others.map((u) => ({ groupId: scope, userId: u.userId }))).go()
    : { data: [] as ForumMembershipItem[] };
  const members = new Set(memberships.filter((m) => m.status === "member").map((m) => m.userId));
  return approved.filter((u) => isStaff(u.role) || members.has(u.userId));
}
