import { createHash } from "node:crypto";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { nowIso } from "../time";
import { assertCoordinator, categoryNotFound, getCategory, getThread, loadThread, postNotFound, threadNotFound, type ForumMember } from "./access";
import { bumpCategoryActivity, refreshCategoryActivity } from "./activity";
import type { ContentStatus, ForumModLogItem, ForumReportItem, ForumThreadItem, ModAction } from "./forum.entity";
import { changePostStatus, getPost, toPostView, type PostView } from "./posts";
import { excerpt } from "./render";
import type { PostModerationInput, ThreadModerationInput } from "./schema";
import { unindexPost } from "./search";
import { threadView, type ThreadView } from "./threads";
import { busy, logEntry, paged, retryConflicts, type TxResult } from "./tx";

const conditionRefused = (result: TxResult) => result.data.some((d) => d.code === "ConditionalCheckFailed");

async function loadForModeration(threadId: string): Promise<ForumThreadItem> {
  const thread = await getThread(threadId);
  if (!thread || thread.status === "deleted") throw threadNotFound();
  return thread;
}

/** Pinning restates lastActivityAt (it shares the index key) and checks it unchanged, so a reply in between is not undone. */
async function setPinned(actor: ForumMember, threadId: string, pinned: boolean, reason: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const thread = await loadForModeration(threadId);
    if (thread.pinned === pinned) return;
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ forumThread, forumModLog }) => [
          forumThread
            .patch({ threadId })
            .set({ pinned, lastActivityAt: thread.lastActivityAt })
            .where((attr, op) => `${op.eq(attr.lastActivityAt, thread.lastActivityAt)} AND ${op.ne(attr.status, "deleted")}`)
            .commit(),
          forumModLog.create(logEntry(actor, pinned ? "pin_thread" : "unpin_thread", { threadId, categoryId: thread.categoryId, details: { reason } })).commit(),
        ])
        .go(),
    );
    if (!result.canceled) return;
    if (!conditionRefused(result)) throw busy();
  }
  throw busy();
}

async function setLocked(actor: ForumMember, threadId: string, locked: boolean, reason: string): Promise<void> {
  const thread = await loadForModeration(threadId);
  if (thread.locked === locked) return;
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumThread, forumModLog }) => [
        forumThread
          .patch({ threadId })
          .set({ locked })
          .where((attr, op) => op.ne(attr.status, "deleted"))
          .commit(),
        forumModLog.create(logEntry(actor, locked ? "lock_thread" : "unlock_thread", { threadId, categoryId: thread.categoryId, details: { reason } })).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw conditionRefused(result) ? threadNotFound() : busy();
}

/**
 * Hides, shows or deletes a thread. While visible, a thread and its posts count in its category;
 * the change of status and of the category's counters is one transaction conditioned on the
 * thread's post count, status and category as read (a concurrent reply or move makes it retry).
 */
async function setThreadStatus(actor: ForumMember, threadId: string, to: ContentStatus, action: ModAction, reason: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const thread = await loadForModeration(threadId);
    if (thread.status === to) return;
    const sign = (to === "visible" ? 1 : 0) - (thread.status === "visible" ? 1 : 0);
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ forumThread, forumCategory, forumModLog }) => [
          forumThread
            .patch({ threadId })
            .set({ status: to })
            .where((attr, op) => `${op.eq(attr.status, thread.status)} AND ${op.eq(attr.postCount, thread.postCount)} AND ${op.eq(attr.categoryId, thread.categoryId)}`)
            .commit(),
          ...(sign !== 0 ? [forumCategory.patch({ categoryId: thread.categoryId }).add({ threadCount: sign, postCount: sign * thread.postCount }).commit()] : []),
          forumModLog.create(logEntry(actor, action, { threadId, categoryId: thread.categoryId, details: { reason, from: thread.status } })).commit(),
        ])
        .go(),
    );
    if (result.canceled) {
      if (conditionRefused(result)) continue;
      throw busy();
    }
    if (to === "visible") await bumpCategoryActivity(thread.categoryId, thread, thread.lastActivityAt, thread.lastAuthorName);
    else if ((await getCategory(thread.categoryId))?.lastThreadId === threadId) await refreshCategoryActivity(thread.categoryId);
    if (to === "deleted") {
      const { data: posts } = await db().entities.forumPost.query.byThread({ threadId }).go({ pages: "all", attributes: ["threadId", "postId"] });
      for (const post of posts) await unindexPost(post);
    }
    return;
  }
  throw busy();
}

const THREAD_ACTIONS = {
  pin: (a: ForumMember, id: string, r: string) => setPinned(a, id, true, r),
  unpin: (a: ForumMember, id: string, r: string) => setPinned(a, id, false, r),
  lock: (a: ForumMember, id: string, r: string) => setLocked(a, id, true, r),
  unlock: (a: ForumMember, id: string, r: string) => setLocked(a, id, false, r),
  hide: (a: ForumMember, id: string, r: string) => setThreadStatus(a, id, "hidden", "hide_thread", r),
  unhide: (a: ForumMember, id: string, r: string) => setThreadStatus(a, id, "visible", "unhide_thread", r),
  delete: (a: ForumMember, id: string, r: string) => setThreadStatus(a, id, "deleted", "delete_thread", r),
} as const;

async function currentView(actor: ForumMember, threadId: string): Promise<ThreadView> {
  const thread = await getThread(threadId);
  const category = thread && (await getCategory(thread.categoryId));
  if (!thread || !category) throw threadNotFound();
  return threadView(actor, thread, category);
}

/** A coordinator pins, locks, hides or deletes a thread (and the opposites); each is logged. */
export async function moderateThread(actor: ForumMember, threadId: string, input: ThreadModerationInput): Promise<ThreadView> {
  assertCoordinator(actor);
  await THREAD_ACTIONS[input.action](actor, threadId, input.reason ?? "");
  return currentView(actor, threadId);
}

/**
 * Moves a thread to another category (also into or out of a group); its counts move along, the
 * target's scope is copied on it, and `moveMark` tells the member's per-category read markers
 * written before the move apart from those written after (reads.ts).
 */
export async function moveThread(actor: ForumMember, threadId: string, categoryId: string, reason = ""): Promise<ThreadView> {
  assertCoordinator(actor);
  for (let attempt = 0; attempt < 10; attempt++) {
    const thread = await loadForModeration(threadId);
    const from = thread.categoryId;
    if (from === categoryId) return currentView(actor, threadId);
    const [source, target] = await Promise.all([getCategory(from), getCategory(categoryId)]);
    if (!target) throw categoryNotFound();
    const visible = thread.status === "visible";
    const n = thread.postCount;
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ forumThread, forumCategory, forumModLog }) => [
          forumThread
            .patch({ threadId })
            .set({ categoryId, scope: target.scope, moveMark: thread.lastPostId })
            .where((attr, op) => `${op.eq(attr.categoryId, from)} AND ${op.eq(attr.postCount, n)} AND ${op.eq(attr.status, thread.status)} AND ${op.eq(attr.lastPostId, thread.lastPostId)}`)
            .commit(),
          ...(visible
            ? [
                forumCategory.patch({ categoryId: from }).add({ threadCount: -1, postCount: -n }).commit(),
                forumCategory.patch({ categoryId }).add({ threadCount: 1, postCount: n }).commit(),
              ]
            : []),
          forumModLog.create(logEntry(actor, "move_thread", { threadId, categoryId, details: { reason, from, to: categoryId } })).commit(),
        ])
        .go(),
    );
    if (result.canceled) {
      if (conditionRefused(result)) continue;
      throw busy();
    }
    if (visible) await bumpCategoryActivity(categoryId, thread, thread.lastActivityAt, thread.lastAuthorName);
    if (source?.lastThreadId === threadId) await refreshCategoryActivity(from);
    return currentView(actor, threadId);
  }
  throw busy();
}

const POST_ACTIONS = {
  hide: { to: "hidden", log: "hide_post" },
  unhide: { to: "visible", log: "unhide_post" },
  delete: { to: "deleted", log: "delete_post" },
} as const;

/** A coordinator hides, shows again or deletes any post; each is logged. */
export async function moderatePost(actor: ForumMember, threadId: string, postId: string, input: PostModerationInput): Promise<PostView> {
  assertCoordinator(actor);
  const thread = await loadForModeration(threadId);
  const { to, log } = POST_ACTIONS[input.action];
  const post = await changePostStatus(actor, threadId, postId, to, { action: log, reason: input.reason });
  return await toPostView(actor, (await getThread(threadId)) ?? thread, post, { lastReadPostId: undefined, quoted: new Map() });
}

/** One report per member and post: the id is derived from both. */
const reportIdOf = (postId: string, userId: string) => `frp_${createHash("sha256").update(`${postId}#${userId}`).digest("hex").slice(0, 26)}`;

export interface ReportView {
  reportId: string;
  threadId: string;
  postId: string;
  reporterId: string;
  reporterName: string;
  reason: string;
  status: ForumReportItem["status"];
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  outcome: ForumReportItem["outcome"] | null;
  note: string | null;
}

export interface QueuedReport extends ReportView {
  threadTitle: string | null;
  post: { authorId: string; authorName: string; status: ContentStatus; excerpt: string | null } | null;
}

const toReportView = (r: ForumReportItem): ReportView => ({
  reportId: r.reportId,
  threadId: r.threadId,
  postId: r.postId,
  reporterId: r.reporterId,
  reporterName: r.reporterName,
  reason: r.reason,
  status: r.status,
  createdAt: r.createdAt,
  resolvedAt: r.resolvedAt ?? null,
  resolvedByName: r.resolvedByName ?? null,
  outcome: r.outcome ?? null,
  note: r.note ?? null,
});

/** A member reports someone else's visible post to the coordinators, with a reason. */
export async function reportPost(member: ForumMember, threadId: string, postId: string, reason: string): Promise<ReportView> {
  await loadThread(member, threadId);
  const post = await getPost(threadId, postId);
  if (!post || post.status !== "visible") throw postNotFound();
  if (post.authorId === member.userId) throw new VisibleError("invalid", "own_post", "You cannot report your own post.");
  const report: ForumReportItem = {
    reportId: reportIdOf(postId, member.userId),
    threadId,
    postId,
    reporterId: member.userId,
    reporterName: member.name,
    reason,
    status: "open",
    createdAt: nowIso(),
  };
  try {
    await db().entities.forumReport.create(report).go();
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "already_reported", "You have already reported this post.");
    throw err;
  }
  return toReportView(report);
}

/** The coordinators' queue: open reports oldest first (resolved ones newest first), with the post in question. */
export async function listReports(actor: ForumMember, status: ForumReportItem["status"], cursor?: string): Promise<{ reports: QueuedReport[]; cursor: string | null }> {
  assertCoordinator(actor);
  const page = await paged(() => db().entities.forumReport.query.byStatus({ status }).go({ order: status === "open" ? "asc" : "desc", count: 25, cursor: cursor || null }));
  const postKeys = [...new Map(page.data.map((r) => [r.postId, { threadId: r.threadId, postId: r.postId }])).values()];
  const threadKeys = [...new Set(page.data.map((r) => r.threadId))].map((threadId) => ({ threadId }));
  const [{ data: posts }, { data: threads }] = await Promise.all([
    postKeys.length ? db().entities.forumPost.get(postKeys).go() : { data: [] },
    threadKeys.length ? db().entities.forumThread.get(threadKeys).go() : { data: [] },
  ]);
  const postById = new Map(posts.map((p) => [p.postId, p]));
  const titleById = new Map(threads.map((t) => [t.threadId, t.title]));
  return {
    reports: await Promise.all(page.data.map(async (r) => {
      const post = postById.get(r.postId);
      return {
        ...toReportView(r),
        threadTitle: titleById.get(r.threadId) ?? null,
        post: post ? { authorId: post.authorId, authorName: post.authorName, status: post.status, excerpt: post.status === "deleted" ? null : await excerpt(post.body, 500) } : null,
      };
    })),
    cursor: page.cursor,
  };
}

/** Closes a report (after acting on the post, or dismissing it); logged with the outcome. */
export async function resolveReport(actor: ForumMember, reportId: string, input: { outcome: "dismissed" | "actioned"; note?: string }): Promise<ReportView> {
  assertCoordinator(actor);
  const { data: report } = await db().entities.forumReport.get({ reportId }).go();
  if (!report) throw new VisibleError("not_found", "report_not_found", "No such report.");
  const resolved = { status: "resolved" as const, resolvedAt: nowIso(), resolvedBy: actor.userId, resolvedByName: actor.name, outcome: input.outcome, note: input.note ?? "" };
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumReport, forumModLog }) => [
        forumReport
          .patch({ reportId })
          .set(resolved)
          .where((attr, op) => op.eq(attr.status, "open"))
          .commit(),
        forumModLog
          .create(logEntry(actor, "resolve_report", { reportId, threadId: report.threadId, postId: report.postId, details: { outcome: input.outcome, note: input.note ?? "" } }))
          .commit(),
      ])
      .go(),
  );
  if (result.canceled) throw conditionRefused(result) ? new VisibleError("conflict", "already_resolved", "This report was already resolved.") : busy();
  return toReportView({ ...report, ...resolved });
}

export interface ModLogView {
  logId: string;
  action: ModAction;
  actorId: string;
  actorName: string;
  threadId: string | null;
  postId: string | null;
  categoryId: string | null;
  groupId: string | null;
  memberId: string | null;
  reportId: string | null;
  details: Record<string, string>;
  createdAt: string;
}

const toLogView = (e: ForumModLogItem): ModLogView => ({
  logId: e.logId,
  action: e.action,
  actorId: e.actorId,
  actorName: e.actorName,
  threadId: e.threadId ?? null,
  postId: e.postId ?? null,
  categoryId: e.categoryId ?? null,
  groupId: e.groupId ?? null,
  memberId: e.memberId ?? null,
  reportId: e.reportId ?? null,
  details: (e.details ?? {}) as Record<string, string>,
  createdAt: e.createdAt,
});

/** Every moderation action, newest first. */
export async function listModLog(actor: ForumMember, cursor?: string): Promise<{ entries: ModLogView[]; cursor: string | null }> {
  assertCoordinator(actor);
  const page = await paged(() => db().entities.forumModLog.query.byTime({}).go({ order: "desc", count: 50, cursor: cursor || null }));
  return { entries: page.data.map(toLogView), cursor: page.cursor };
}
