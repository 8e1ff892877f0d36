import { getItems } from "../batch";
import { db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { assertCoordinator, assertMember, canPostIn, categoryNotFound, getCategory, groupNotFound, isCoordinator, joinedGroupIds, type ForumMember } from "./access";
import { PUBLIC_SCOPE, type ForumCategoryItem, type ForumGroupItem, type PostingPolicy } from "./forum.entity";
import type { CategoryInput, CategoryUpdate } from "./schema";
import { busy, logEntry, retryConflicts } from "./tx";
import { categoryReadOps, categoryReadStateOf } from "./reads";
import { threadsOf, type ThreadSummary } from "./threads";

export interface CategoryView {
  categoryId: string;
  name: string;
  description: string;
  position: number;
  postingPolicy: PostingPolicy;
  /** The closed group the category belongs to; null for everyone's categories. */
  group: { groupId: string; name: string } | null;
  threadCount: number;
  postCount: number;
  lastActivity: { at: string; threadId: string; threadTitle: string; authorName: string } | null;
  canPost: boolean;
}

function toCategoryView(member: ForumMember, c: ForumCategoryItem, groups: Map<string, ForumGroupItem>): CategoryView {
  const group = c.scope === PUBLIC_SCOPE ? undefined : groups.get(c.scope);
  return {
    categoryId: c.categoryId,
    name: c.name,
    description: c.description,
    position: c.position,
    postingPolicy: c.postingPolicy,
    group: group ? { groupId: group.groupId, name: group.name } : null,
    threadCount: c.threadCount,
    postCount: c.postCount,
    lastActivity:
      c.lastActivityAt && c.lastThreadId
        ? { at: c.lastActivityAt, threadId: c.lastThreadId, threadTitle: c.lastThreadTitle ?? "", authorName: c.lastAuthorName ?? "" }
        : null,
    canPost: canPostIn(member, c),
  };
}

async function groupsById(groupIds: string[]): Promise<Map<string, ForumGroupItem>> {
  if (groupIds.length === 0) return new Map();
  const { data } = await db().entities.forumGroup.get(groupIds.map((groupId) => ({ groupId }))).go();
  return new Map(data.map((g) => [g.groupId, g]));
}

/**
 * The categories this member may see: everyone's first, then those of their groups (all groups'
 * for coordinators), each set by position and name. One Query per scope.
 */
export async function listCategories(member: ForumMember): Promise<CategoryView[]> {
  assertMember(member);
  const groupIds = isCoordinator(member)
    ? (await db().entities.forumGroup.query.allGroups({}).go({ pages: "all", attributes: ["groupId"] })).data.map((g) => g.groupId)
    : [...(await joinedGroupIds(member.userId))];
  const groups = await groupsById(groupIds);
  const scopes = [PUBLIC_SCOPE, ...[...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "de")).map((g) => g.groupId)];
  const perScope = await Promise.all(scopes.map((scope) => db().entities.forumCategory.query.byScope({ scope }).go({ pages: "all" })));
  return perScope.flatMap(({ data }) =>
    data.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, "de")).map((c) => toCategoryView(member, c, groups)),
  );
}

export async function getCategoryView(member: ForumMember, categoryId: string): Promise<CategoryView> {
  assertMember(member);
  const category = await getCategory(categoryId);
  if (!category) throw categoryNotFound();
  return visibleCategoryView(member, category);
}

/**
 * The category's view if this member may see it, otherwise not found (closed groups stay
 * unseen). A group's category needs the group's name and, for members, their membership: one
 * BatchGetItem; everyone's categories need nothing more.
 */
async function visibleCategoryView(member: ForumMember, category: ForumCategoryItem): Promise<CategoryView> {
  if (category.scope === PUBLIC_SCOPE) return toCategoryView(member, category, new Map());
  const { forumGroup, forumMembership } = db().entities;
  const coordinator = isCoordinator(member);
  const [groupItem, membershipItem] = await getItems([
    forumGroup.get({ groupId: category.scope }),
    ...(coordinator ? [] : [forumMembership.get({ groupId: category.scope, userId: member.userId })]),
  ]);
  if (!coordinator && (!membershipItem || forumMembership.parse({ Item: membershipItem }).data?.status !== "member")) throw categoryNotFound();
  const group = groupItem ? forumGroup.parse({ Item: groupItem }).data : null;
  return toCategoryView(member, category, new Map(group ? [[group.groupId, group]] : []));
}

export const categoryOp = (categoryId: string) => db().entities.forumCategory.get({ categoryId });

/** The items a category page reads before its Query: the category and the member's read markers for it (reads.ts). */
export function categoryPageOps(userId: string, categoryId: string) {
  return [categoryOp(categoryId), ...categoryReadOps(userId, categoryId)];
}

/**
 * A category's page. Its first items come in one BatchGetItem (or with the session, when read
 * ahead); then the page of threads, and for a group's category the access check beside it, so
 * that the request waits for one more round trip. Threads read for a member who turns out not to
 * see the category are dropped unseen.
 */
export async function getCategoryWithThreads(member: ForumMember, categoryId: string, cursor?: string): Promise<{ category: CategoryView; threads: ThreadSummary[]; cursor: string | null }> {
  assertMember(member);
  const [categoryItem, readsItem, profileItem] = await getItems(categoryPageOps(member.userId, categoryId));
  const category = categoryItem ? db().entities.forumCategory.parse({ Item: categoryItem }).data : null;
  if (!category) throw categoryNotFound();
  const [view, page] = await Promise.all([visibleCategoryView(member, category), threadsOf(member, categoryId, cursor, categoryReadStateOf(readsItem, profileItem))]);
  return { category: view, ...page };
}

export async function createCategory(actor: ForumMember, input: CategoryInput): Promise<CategoryView> {
  assertCoordinator(actor);
  const groups = await groupsById(input.groupId ? [input.groupId] : []);
  if (input.groupId && !groups.has(input.groupId)) throw groupNotFound();
  const now = nowIso();
  const category: ForumCategoryItem = {
    categoryId: createId("fca"),
    scope: input.groupId ?? PUBLIC_SCOPE,
    name: input.name,
    description: input.description,
    position: input.position,
    postingPolicy: input.postingPolicy,
    threadCount: 0,
    postCount: 0,
    createdAt: now,
    createdBy: actor.userId,
    updatedAt: now,
  };
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumCategory, forumModLog }) => [
        forumCategory.create(category).commit(),
        forumModLog.create(logEntry(actor, "create_category", { categoryId: category.categoryId, groupId: input.groupId ?? undefined, details: { name: input.name } })).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw busy();
  return toCategoryView(actor, category, groups);
}

export async function updateCategory(actor: ForumMember, categoryId: string, input: CategoryUpdate): Promise<CategoryView> {
  assertCoordinator(actor);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as CategoryUpdate;
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumCategory, forumModLog }) => [
        forumCategory.patch({ categoryId }).set({ ...changes, updatedAt: nowIso() }).commit(),
        forumModLog.create(logEntry(actor, "update_category", { categoryId, details: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, String(v)])) })).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw result.data[0]?.code === "ConditionalCheckFailed" ? categoryNotFound() : busy();
  return getCategoryView(actor, categoryId);
}

/** Only an empty category can go: no thread in it in any state (hidden ones would be orphaned). */
export async function deleteCategory(actor: ForumMember, categoryId: string): Promise<void> {
  assertCoordinator(actor);
  const category = await getCategory(categoryId);
  if (!category) throw categoryNotFound();
  const { data: existing } = await db().entities.forumThread.query.byCategoryActivity({ categoryId }).go({ limit: 1, attributes: ["threadId"] });
  const notEmpty = () => new VisibleError("conflict", "category_not_empty", "Move or delete the threads in this category first.");
  if (existing.length > 0) throw notEmpty();
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumCategory, forumModLog }) => [
        forumCategory
          .delete({ categoryId })
          .where((attr, op) => op.eq(attr.threadCount, 0))
          .commit(),
        forumModLog.create(logEntry(actor, "delete_category", { categoryId, details: { name: category.name } })).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw result.data[0]?.code === "ConditionalCheckFailed" ? notEmpty() : busy();
}
