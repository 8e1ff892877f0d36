import { conditionFailed, db } from "../db";
import { getThread } from "./access";
import type { ForumPostItem, ForumThreadItem } from "./forum.entity";

/**
 * Records a new post as the thread's latest activity. It runs after the post's transaction, so
 * the thread moves up only forward (condition on lastPostId) and the pin flag, which shares the
 * index key, is restated as read and checked unchanged.
 */
export async function bumpThreadActivity(known: ForumThreadItem, post: Pick<ForumPostItem, "postId" | "createdAt" | "authorName">): Promise<void> {
  let thread: ForumThreadItem | undefined = known;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) thread = await getThread(known.threadId);
    if (!thread || thread.lastPostId >= post.postId) return;
    const pinned = thread.pinned;
    try {
      await db()
        .entities.forumThread.patch({ threadId: known.threadId })
        .set({ lastActivityAt: post.createdAt, lastPostId: post.postId, lastAuthorName: post.authorName, pinned })
        .where((attr, op) => `${op.eq(attr.pinned, pinned)} AND ${op.lt(attr.lastPostId, post.postId)}`)
        .go();
      return;
    } catch (err) {
      if (!conditionFailed(err)) throw err;
    }
  }
}

/** The category's "latest activity", moved only forward. */
export async function bumpCategoryActivity(categoryId: string, thread: Pick<ForumThreadItem, "threadId" | "title">, at: string, authorName: string): Promise<void> {
  try {
    await db()
      .entities.forumCategory.patch({ categoryId })
      .set({ lastActivityAt: at, lastThreadId: thread.threadId, lastThreadTitle: thread.title, lastAuthorName: authorName })
      .where((attr, op) => `${op.notExists(attr.lastActivityAt)} OR ${op.lt(attr.lastActivityAt, at)}`)
      .go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}

/**
 * Recomputes a category's latest activity from its visible threads, after the latest one was
 * hidden, deleted or moved away. Pinned threads come first in the index, so the newest is the
 * latest of the pinned ones and the first unpinned one.
 */
export async function refreshCategoryActivity(categoryId: string): Promise<void> {
  let latest: ForumThreadItem | undefined;
  let cursor: string | null = null;
  do {
    const page: { data: ForumThreadItem[]; cursor: string | null } = await db()
      .entities.forumThread.query.byCategoryActivity({ categoryId })
      .where((attr, op) => op.eq(attr.status, "visible"))
      .go({ order: "desc", cursor, count: 25 });
    for (const t of page.data) if (!latest || t.lastActivityAt > latest.lastActivityAt) latest = t;
    if (page.data.some((t) => !t.pinned)) break;
    cursor = page.cursor;
  } while (cursor);
  const patch = db().entities.forumCategory.patch({ categoryId });
  try {
    if (latest) await patch.set({ lastActivityAt: latest.lastActivityAt, lastThreadId: latest.threadId, lastThreadTitle: latest.title, lastAuthorName: latest.lastAuthorName }).go();
    else await patch.remove(["lastActivityAt", "lastThreadId", "lastThreadTitle", "lastAuthorName"]).go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}
