import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { assertMember, canPostIn, isCoordinator, loadCategory, loadThread, loadThreadForReader, readableCategoryOf, threadNotFound, type ForumMember } from "./access";
import { bumpCategoryActivity } from "./activity";
import { autoFollow, isFollowing } from "./follow";
import { advanceReadMarker, categoryReadState, lastRead, markersOf, type CategoryReadState } from "./reads";
import { PUBLIC_SCOPE, type ForumCategoryItem, type ForumPostItem, type ForumThreadItem } from "./forum.entity";
import { resolveMentions } from "./mentions";
import { announcePost, toPostView, type PostView } from "./posts";
import type { ThreadInput } from "./schema";
import { indexPost } from "./search";
import { busy, paged, retryConflicts } from "./tx";

const PAGE = 25;

export interface ThreadSummary {
  threadId: string;
  categoryId: string;
  title: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  lastActivityAt: string;
  lastPostId: string;
  lastAuthorName: string;
  postCount: number;
  replyCount: number;
  pinned: boolean;
  locked: boolean;
  status: ForumThreadItem["status"];
  /** Posts after the member's read marker (or never opened). */
  unread: boolean;
}

export interface ThreadView extends ThreadSummary {
  category: { categoryId: string; name: string; groupId: string | null };
  openingPostId: string;
  following: boolean;
  lastReadPostId: string | null;
  canReply: boolean;
  canEditTitle: boolean;
  canModerate: boolean;
}

export function toThreadSummary(thread: ForumThreadItem, lastReadPostId: string | undefined): ThreadSummary {
  return {
    threadId: thread.threadId,
    categoryId: thread.categoryId,
    title: thread.title,
    authorId: thread.authorId,
    authorName: thread.authorName,
    createdAt: thread.createdAt,
    editedAt: thread.editedAt ?? null,
    lastActivityAt: thread.lastActivityAt,
    lastPostId: thread.lastPostId,
    lastAuthorName: thread.lastAuthorName,
    postCount: thread.postCount,
    replyCount: Math.max(0, thread.postCount - 1),
    pinned: thread.pinned,
    locked: thread.locked,
    status: thread.status,
    unread: !lastReadPostId || thread.lastPostId > lastReadPostId,
  };
}

export async function threadView(
  member: ForumMember,
  thread: ForumThreadItem,
  category: ForumCategoryItem,
  /** The member's follow and read marker, when already read with the thread. */
  known?: { following: boolean; lastReadPostId: string | undefined },
): Promise<ThreadView> {
  const [following, lastReadPostId] = known
    ? [known.following, known.lastReadPostId]
    : await Promise.all([isFollowing(member.userId, thread.threadId), lastRead(member.userId, [thread.threadId]).then((m) => m.get(thread.threadId))]);
  const coordinator = isCoordinator(member);
  return {
    ...toThreadSummary(thread, lastReadPostId),
    category: { categoryId: category.categoryId, name: category.name, groupId: category.scope === PUBLIC_SCOPE ? null : category.scope },
    openingPostId: thread.openingPostId,
    following,
    lastReadPostId: lastReadPostId ?? null,
    canReply: thread.status === "visible" && canPostIn(member, category) && (!thread.locked || coordinator),
    canEditTitle: thread.status === "visible" && (coordinator || (thread.authorId === member.userId && !thread.locked)),
    canModerate: coordinator,
  };
}

/** The thread page: thread, follow and read marker first (with the session, when read ahead), then its category. */
export async function getThreadView(member: ForumMember, threadId: string): Promise<ThreadView> {
  const { thread, following, lastReadPostId } = await loadThreadForReader(member, threadId);
  return threadView(member, thread, await readableCategoryOf(member, thread), { following, lastReadPostId });
}

/** Starts a thread: thread, opening post and the category's counters in one transaction. */
export async function createThread(member: ForumMember, categoryId: string, input: ThreadInput): Promise<{ thread: ThreadView; post: PostView }> {
  const category = await loadCategory(member, categoryId);
  if (!canPostIn(member, category)) throw new VisibleError("forbidden", "posting_restricted", "Only coordinators post in this category.");
  const mentions = await resolveMentions(input.body, category.scope, member.userId);
  const now = nowIso();
  const threadId = createId("thr");
  const post: ForumPostItem = {
    threadId,
    postId: createId("pst"),
    authorId: member.userId,
    authorName: member.name,
    body: input.body,
    status: "visible",
    isOpening: true,
    mentions,
    createdAt: now,
  };
  const thread: ForumThreadItem = {
    threadId,
    categoryId,
    title: input.title,
    authorId: member.userId,
    authorName: member.name,
    openingPostId: post.postId,
    createdAt: now,
    lastActivityAt: now,
    lastPostId: post.postId,
    lastAuthorName: member.name,
    postCount: 1,
    pinned: false,
    locked: false,
    status: "visible",
    scope: category.scope,
  };
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumThread, forumPost, forumCategory }) => [
        forumThread.create(thread).commit(),
        forumPost.create(post).commit(),
        forumCategory.patch({ categoryId }).add({ threadCount: 1, postCount: 1 }).commit(),
      ])
      .go(),
  );
  if (result.canceled) {
    if (result.data[2]?.code === "ConditionalCheckFailed") throw new VisibleError("not_found", "category_not_found", "No such forum category.");
    throw busy();
  }
  await Promise.all([
    bumpCategoryActivity(categoryId, thread, now, member.name),
    autoFollow(member.userId, threadId),
    advanceReadMarker(member.userId, thread, post.postId),
    indexPost(post, thread.title, { fresh: true }),
  ]);
  await announcePost(member, thread, category, post, { mentions });
  return { thread: await threadView(member, thread, category), post: await toPostView(member, thread, post, { lastReadPostId: post.postId, quoted: new Map() }) };
}

/** Threads of a category, pinned first, then by latest activity; hidden ones only for coordinators. */
export async function listThreads(member: ForumMember, categoryId: string, cursor?: string): Promise<{ threads: ThreadSummary[]; cursor: string | null }> {
  await loadCategory(member, categoryId);
  return threadsOf(member, categoryId, cursor);
}

/**
 * `listThreads` once the caller has checked (or is checking) that the member may see the
 * category. The member's read markers come from their item for the category (`state`, when the
 * caller has it), the forumRead items only for threads it cannot decide (reads.ts).
 */
export async function threadsOf(member: ForumMember, categoryId: string, cursor?: string, state?: CategoryReadState): Promise<{ threads: ThreadSummary[]; cursor: string | null }> {
  const coordinator = isCoordinator(member);
  const [page, known] = await Promise.all([
    paged(() =>
      db()
        .entities.forumThread.query.byCategoryActivity({ categoryId })
        .where((attr, op) => (coordinator ? op.ne(attr.status, "deleted") : op.eq(attr.status, "visible")))
        .go({ order: "desc", count: PAGE, cursor: cursor || null }),
    ),
    state ?? categoryReadState(member.userId, categoryId),
  ]);
  const markers = await markersOf(member.userId, page.data, known);
  return { threads: page.data.map((t) => toThreadSummary(t, markers.get(t.threadId))), cursor: page.cursor };
}

/** The author (while the thread is open) or a coordinator renames a thread; its title is searchable. */
export async function editThreadTitle(member: ForumMember, threadId: string, title: string): Promise<ThreadView> {
  assertMember(member);
  const { thread, category } = await loadThread(member, threadId);
  const coordinator = isCoordinator(member);
  if (thread.authorId !== member.userId && !coordinator) throw new VisibleError("forbidden", "not_author", "Only the author may edit this.");
  if (thread.status !== "visible") throw threadNotFound();
  if (thread.locked && !coordinator) throw new VisibleError("conflict", "thread_locked", "This thread is locked.");
  const editedAt = nowIso();
  try {
    await db()
      .entities.forumThread.patch({ threadId })
      .set({ title, editedAt })
      .where((attr, op) => op.eq(attr.status, "visible"))
      .go();
  } catch (err) {
    if (conditionFailed(err)) throw threadNotFound();
    throw err;
  }
  const { data: opening } = await db().entities.forumPost.get({ threadId, postId: thread.openingPostId }).go();
  if (opening) await indexPost(opening, title);
  if (category.lastThreadId === threadId) {
    try {
      await db().entities.forumCategory.patch({ categoryId: category.categoryId }).set({ lastThreadTitle: title }).go();
    } catch (err) {
      if (!conditionFailed(err)) throw err;
    }
  }
  return threadView(member, { ...thread, title, editedAt }, category);
}
