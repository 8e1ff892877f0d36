import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { assertScopeReadable, canPostIn, getThread, isCoordinator, loadThread, loadThreadForReader, postNotFound, whoCanSee, type ForumMember } from "./access";
import { bumpCategoryActivity, bumpThreadActivity } from "./activity";
import { autoFollow, followersOf } from "./follow";
import { advanceReadMarker, lastRead } from "./reads";
import type { ContentStatus, ForumCategoryItem, ForumPostItem, ForumThreadItem, ModAction } from "./forum.entity";
import { resolveMentions, type Mention } from "./mentions";
import { mailMentions, notify, queueReplyMails } from "./notify";
import { excerpt, renderPost } from "./render";
import type { ReplyInput } from "./schema";
import { indexPost, unindexPost } from "./search";
import { busy, failedAt, logEntry, paged, retryConflicts } from "./tx";

const PAGE = 50;

export interface QuoteView {
  postId: string;
  authorName: string;
  createdAt: string;
  /** Plain text of the quoted post; null once it is hidden or deleted. */
  excerpt: string | null;
}

export interface PostView {
  postId: string;
  threadId: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  status: ContentStatus;
  isOpening: boolean;
  /** Sanitised HTML; null for deleted posts, and for hidden ones unless a coordinator looks. */
  bodyHtml: string | null;
  /** The Markdown source, only for the author's own visible post (the edit form). */
  body: string | null;
  quote: QuoteView | null;
  mentions: Mention[];
  /** After the member's read marker, and not their own. */
  isNew: boolean;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canReport: boolean;
}

interface ViewContext {
  lastReadPostId: string | undefined;
  quoted: Map<string, ForumPostItem>;
}

export async function toPostView(member: ForumMember, thread: ForumThreadItem, post: ForumPostItem, ctx: ViewContext): Promise<PostView> {
  const mine = post.authorId === member.userId;
  const coordinator = isCoordinator(member);
  const showBody = post.status === "visible" || (post.status === "hidden" && coordinator);
  const quoted = post.quotedPostId ? ctx.quoted.get(post.quotedPostId) : undefined;
  return {
    postId: post.postId,
    threadId: post.threadId,
    authorId: post.authorId,
    authorName: post.authorName,
    createdAt: post.createdAt,
    editedAt: post.editedAt ?? null,
    status: post.status,
    isOpening: post.isOpening,
    bodyHtml: showBody ? await renderPost(post.body, post.mentions) : null,
    body: mine && post.status === "visible" ? post.body : null,
    quote: quoted
      ? { postId: quoted.postId, authorName: quoted.authorName, createdAt: quoted.createdAt, excerpt: quoted.status === "visible" ? await excerpt(quoted.body, 300) : null }
      : null,
    mentions: post.mentions,
    isNew: !mine && (!ctx.lastReadPostId || post.postId > ctx.lastReadPostId),
    mine,
    canEdit: mine && post.status === "visible" && thread.status === "visible" && (!thread.locked || coordinator),
    canDelete: mine && post.status !== "deleted",
    canReport: !mine && post.status === "visible",
  };
}

async function quotedPosts(threadId: string, posts: ForumPostItem[]): Promise<Map<string, ForumPostItem>> {
  const byId = new Map(posts.map((p) => [p.postId, p]));
  const missing = [...new Set(posts.flatMap((p) => (p.quotedPostId && !byId.has(p.quotedPostId) ? [p.quotedPostId] : [])))];
  if (missing.length) {
    const { data } = await db().entities.forumPost.get(missing.map((postId) => ({ threadId, postId }))).go();
    for (const p of data) byId.set(p.postId, p);
  }
  return byId;
}

export async function getPost(threadId: string, postId: string): Promise<ForumPostItem | undefined> {
  const { data } = await db().entities.forumPost.get({ threadId, postId }).go();
  return data ?? undefined;
}

/**
 * A thread's posts in order (oldest first), from the start or after a given post. The thread and
 * the member's read marker come first (with the session, when read ahead); the scope copied on
 * the thread decides access without the category. A group's thread checks the membership beside
 * the Query; posts read for a member who may not see them are dropped unseen.
 */
export async function listPosts(member: ForumMember, threadId: string, options: { cursor?: string; after?: string } = {}): Promise<{ posts: PostView[]; cursor: string | null; lastReadPostId: string | null }> {
  const { thread, lastReadPostId } = await loadThreadForReader(member, threadId);
  const query = db().entities.forumPost.query.byThread({ threadId });
  const range = options.after ? query.gt({ postId: options.after }) : query;
  const [, page] = await Promise.all([assertScopeReadable(member, thread), paged(() => range.go({ limit: PAGE, cursor: options.cursor || null }))]);
  const quoted = await quotedPosts(threadId, page.data);
  return { posts: await Promise.all(page.data.map((p) => toPostView(member, thread, p, { lastReadPostId, quoted }))), cursor: page.cursor, lastReadPostId: lastReadPostId ?? null };
}

/**
 * Tells those who should know about a new or edited post: newly mentioned members (in-app and
 * at once by mail), the author of a quoted post, and for replies every follower (in-app, and the
 * hourly digest). Only members who may read the thread hear of it; nobody hears twice of one post.
 */
export async function announcePost(
  author: ForumMember,
  thread: Pick<ForumThreadItem, "threadId" | "title">,
  category: Pick<ForumCategoryItem, "scope">,
  post: Pick<ForumPostItem, "postId" | "quotedPostId">,
  options: { mentions: Mention[]; previousMentions?: Mention[]; quotedAuthorId?: string; isReply?: boolean },
): Promise<void> {
  const before = new Set((options.previousMentions ?? []).map((m) => m.userId));
  const mentioned = options.mentions.filter((m) => !before.has(m.userId)).map((m) => m.userId);
  const about = { actorId: author.userId, actorName: author.name, subject: thread.title, threadId: thread.threadId, postId: post.postId };
  const skip = new Set([author.userId, ...options.mentions.map((m) => m.userId)]);
  const quotedAuthor = options.quotedAuthorId && !skip.has(options.quotedAuthorId) ? options.quotedAuthorId : undefined;
  const followers = options.isReply ? (await followersOf(thread.threadId)).filter((f) => !skip.has(f.userId)) : [];
  const readers = await whoCanSee(category.scope, [...mentioned, ...followers.map((f) => f.userId), ...(quotedAuthor ? [quotedAuthor] : [])]);
  const canRead = new Set(readers.map((u) => u.userId));
  const mentionedReaders = readers.filter((u) => mentioned.includes(u.userId));
  const followerReaders = followers.filter((f) => canRead.has(f.userId));
  await Promise.all([
    notify(mentionedReaders.map((u) => u.userId), { kind: "mention", ...about }),
    quotedAuthor && canRead.has(quotedAuthor) ? notify([quotedAuthor], { kind: "quote", ...about }) : undefined,
    notify(followerReaders.filter((f) => f.userId !== quotedAuthor).map((f) => f.userId), { kind: "reply", ...about }),
    queueReplyMails(followerReaders, thread.threadId, post.postId),
  ]);
  await mailMentions(mentionedReaders, thread, post.postId, author.name);
}

/**
 * Adds a reply. The post, the thread's and the category's counters are one transaction, which
 * also checks that the thread is still open and still in the category whose counter it adds to
 * (a move in between makes it start over). Counts are therefore exact under any concurrency.
 */
export async function reply(member: ForumMember, threadId: string, input: ReplyInput): Promise<PostView> {
  const coordinator = isCoordinator(member);
  const postId = createId("pst");
  let mentions: Mention[] | undefined;
  let quoted: ForumPostItem | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    const { thread, category } = await loadThread(member, threadId);
    if (thread.status !== "visible") throw new VisibleError("conflict", "thread_closed", "This thread is hidden; replies are closed.");
    if (thread.locked && !coordinator) throw new VisibleError("conflict", "thread_locked", "This thread is locked.");
    if (!canPostIn(member, category)) throw new VisibleError("forbidden", "posting_restricted", "Only coordinators post in this category.");
    if (input.quotedPostId && !quoted) {
      quoted = await getPost(threadId, input.quotedPostId);
      if (!quoted || quoted.status !== "visible") throw new VisibleError("invalid", "quote_not_found", "The quoted post is not in this thread.", { quotedPostId: "not_found" });
    }
    mentions ??= await resolveMentions(input.body, category.scope, member.userId);
    const post: ForumPostItem = {
      threadId,
      postId,
      authorId: member.userId,
      authorName: member.name,
      body: input.body,
      status: "visible",
      isOpening: false,
      quotedPostId: quoted?.postId,
      mentions,
      createdAt: nowIso(),
    };
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ forumPost, forumThread, forumCategory }) => [
          forumPost.create(post).commit(),
          forumThread
            .patch({ threadId })
            .add({ postCount: 1 })
            .where((attr, op) =>
              [op.eq(attr.status, "visible"), op.eq(attr.categoryId, category.categoryId), ...(coordinator ? [] : [op.eq(attr.locked, false)])].join(" AND "),
            )
            .commit(),
          forumCategory.patch({ categoryId: category.categoryId }).add({ postCount: 1 }).commit(),
        ])
        .go(),
    );
    if (result.canceled) {
      // Locked, hidden or moved meanwhile: look again and fail or retry with what is true now.
      if (failedAt(result, 1) || failedAt(result, 2)) continue;
      throw busy();
    }
    await Promise.all([
      bumpThreadActivity(thread, post),
      bumpCategoryActivity(category.categoryId, thread, post.createdAt, member.name),
      autoFollow(member.userId, threadId),
      advanceReadMarker(member.userId, thread, postId),
      indexPost(post, undefined, { fresh: true }),
    ]);
    await announcePost(member, thread, category, post, { mentions, quotedAuthorId: quoted?.authorId, isReply: true });
    return toPostView(member, thread, post, { lastReadPostId: undefined, quoted: new Map(quoted ? [[quoted.postId, quoted]] : []) });
  }
  throw busy();
}

/** The author edits their visible post; the post is marked edited and newly mentioned members are told. */
export async function editPost(member: ForumMember, threadId: string, postId: string, body: string): Promise<PostView> {
  const { thread, category } = await loadThread(member, threadId);
  const post = await getPost(threadId, postId);
  if (!post || (post.status !== "visible" && !isCoordinator(member))) throw postNotFound();
  if (post.authorId !== member.userId) throw new VisibleError("forbidden", "not_author", "Only the author may edit this post.");
  if (post.status !== "visible" || thread.status !== "visible") throw new VisibleError("conflict", "post_not_editable", "This post can no longer be edited.");
  if (thread.locked && !isCoordinator(member)) throw new VisibleError("conflict", "thread_locked", "This thread is locked.");
  const mentions = await resolveMentions(body, category.scope, member.userId);
  const editedAt = nowIso();
  try {
    await db()
      .entities.forumPost.patch({ threadId, postId })
      .set({ body, mentions, editedAt })
      .where((attr, op) => `${op.eq(attr.status, "visible")} AND ${op.eq(attr.authorId, member.userId)}`)
      .go();
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "post_not_editable", "This post can no longer be edited.");
    throw err;
  }
  const edited = { ...post, body, mentions, editedAt };
  await indexPost(edited, thread.title);
  await announcePost(member, thread, category, edited, { mentions, previousMentions: post.mentions });
  const lastReadPostId = (await lastRead(member.userId, [threadId])).get(threadId);
  return toPostView(member, thread, edited, { lastReadPostId, quoted: await quotedPosts(threadId, [edited]) });
}

/**
 * Moves a post between visible, hidden and deleted, adjusting the thread's count and (while the
 * thread itself is visible) the category's in the same transaction, conditioned on what was read.
 * Deleting empties the text; the post keeps its place as a placeholder. Deleted is final.
 */
export async function changePostStatus(actor: ForumMember, threadId: string, postId: string, to: ContentStatus, log?: { action: ModAction; reason?: string }): Promise<ForumPostItem> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [post, thread] = await Promise.all([getPost(threadId, postId), getThread(threadId)]);
    if (!post || !thread) throw postNotFound();
    if (post.status === to) return post;
    if (post.status === "deleted") throw new VisibleError("conflict", "post_deleted", "This post was deleted.");
    const delta = (to === "visible" ? 1 : 0) - (post.status === "visible" ? 1 : 0);
    const now = nowIso();
    const changes = to === "deleted" ? { status: to, body: "", mentions: [] } : { status: to };
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ forumPost, forumThread, forumCategory, forumModLog }) => [
          forumPost
            .patch({ threadId, postId })
            .set({ ...changes, ...(log ? { moderatedBy: actor.userId, moderatedAt: now } : {}) })
            .where((attr, op) => op.eq(attr.status, post.status))
            .commit(),
          forumThread
            .patch({ threadId })
            .add({ postCount: delta })
            .where((attr, op) => `${op.eq(attr.status, thread.status)} AND ${op.eq(attr.categoryId, thread.categoryId)}`)
            .commit(),
          ...(delta !== 0 && thread.status === "visible" ? [forumCategory.patch({ categoryId: thread.categoryId }).add({ postCount: delta }).commit()] : []),
          ...(log ? [forumModLog.create(logEntry(actor, log.action, { threadId, postId, categoryId: thread.categoryId, details: { reason: log.reason ?? "", from: post.status } })).commit()] : []),
        ])
        .go(),
    );
    if (result.canceled) {
      if (result.data.some((d) => d.code === "ConditionalCheckFailed")) continue;
      throw busy();
    }
    const changed = { ...post, ...changes } as ForumPostItem;
    if (to === "visible") await indexPost(changed, thread.title);
    else await unindexPost(changed);
    return changed;
  }
  throw busy();
}

/** Members delete their own posts; a placeholder keeps the thread readable. */
export async function deleteOwnPost(member: ForumMember, threadId: string, postId: string): Promise<PostView> {
  const { thread } = await loadThread(member, threadId);
  const post = await getPost(threadId, postId);
  if (!post || post.status === "deleted") throw postNotFound();
  if (post.authorId !== member.userId) throw new VisibleError("forbidden", "not_author", "Only the author may delete this post.");
  const deleted = await changePostStatus(member, threadId, postId, "deleted");
  const fresh = (await getThread(threadId)) ?? thread;
  return toPostView(member, fresh, deleted, { lastReadPostId: undefined, quoted: new Map() });
}
