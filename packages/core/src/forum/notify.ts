import { config } from "../config";
import { formatNumber } from "../i18n/format";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId, createSecret, digest } from "../id";
import { sendMail } from "../mail/send";
import { renderMail } from "../mail/templates";
import { DAY, HOUR, nowIso, ttlAfter } from "../time";
import { getUser } from "../user/account";
import type { UserItem } from "../user/user.entity";
import { assertMember, getCategory, getThread, whoCanSee, type ForumMember } from "./access";
import { getForumSettings, mailOptOuts, markThreadRead, setForumSettings } from "./follow";
import type { ForumNotificationItem, ForumThreadItem, NotificationKind } from "./forum.entity";
import { paged, retryConflicts, writeAll } from "./tx";

const NOTIFICATION_LIFETIME = 180 * DAY;
const LINK_LIFETIME = 90 * DAY;
/** At most one reply e-mail per member and thread in this time. */
export const MAIL_INTERVAL = HOUR;
const PAGE = 30;

export const threadUrl = (threadId: string, postId?: string) =>
  `${config().appOrigin}/forum/threads/${threadId}${postId ? `?post=${encodeURIComponent(postId)}` : ""}`;
const settingsUrl = () => `${config().appOrigin}/forum/settings`;
const unsubscribeUrl = (token: string) => `${config().appOrigin}/forum/unsubscribe?token=${encodeURIComponent(token)}`;

export interface NewNotification {
  kind: NotificationKind;
  actorId?: string;
  actorName: string;
  subject: string;
  threadId?: string;
  postId?: string;
  groupId?: string;
}

/** Puts one in-app notification in each member's list. */
export async function notify(userIds: string[], notification: NewNotification): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const createdAt = nowIso();
  const ttl = ttlAfter(NOTIFICATION_LIFETIME);
  const items = unique.map((userId) => ({ ...notification, userId, notificationId: createId("fnt"), read: false, createdAt, ttl }));
  await writeAll((batch) => db().entities.forumNotification.put(batch).go({ concurrent: 4 }), items);
}

export interface NotificationView {
  notificationId: string;
  kind: NotificationKind;
  actorName: string;
  subject: string;
  threadId: string | null;
  postId: string | null;
  groupId: string | null;
  read: boolean;
  createdAt: string;
}

const toView = (n: ForumNotificationItem): NotificationView => ({
  notificationId: n.notificationId,
  kind: n.kind,
  actorName: n.actorName,
  subject: n.subject,
  threadId: n.threadId ?? null,
  postId: n.postId ?? null,
  groupId: n.groupId ?? null,
  read: n.read,
  createdAt: n.createdAt,
});

const live = (n: { ttl: number }) => n.ttl * 1000 > Date.now();

/** Unread notifications are the only items in the sparse `unread` index, so counting is one Query. */
export async function unreadCount(userId: string): Promise<number> {
  const { data } = await db().entities.forumNotification.query.unread({ userId }).go({ pages: "all", attributes: ["notificationId", "ttl"] });
  return data.filter(live).length;
}

export async function listNotifications(member: ForumMember, cursor?: string): Promise<{ notifications: NotificationView[]; unreadCount: number; cursor: string | null }> {
  assertMember(member);
  const page = await paged(() => db().entities.forumNotification.query.byMember({ userId: member.userId }).go({ order: "desc", limit: PAGE, cursor: cursor || null }));
  return { notifications: page.data.filter(live).map(toView), unreadCount: await unreadCount(member.userId), cursor: page.cursor };
}

/** Marks the given notifications (or all unread ones) read; unknown ids are ignored. */
export async function markNotificationsRead(member: ForumMember, notificationIds?: string[]): Promise<number> {
  assertMember(member);
  const ids =
    notificationIds ??
    (await db().entities.forumNotification.query.unread({ userId: member.userId }).go({ pages: "all", attributes: ["notificationId"] })).data.map((n) => n.notificationId);
  await Promise.all(
    ids.map(async (notificationId) => {
      try {
        await db().entities.forumNotification.patch({ userId: member.userId, notificationId }).set({ read: true }).go();
      } catch (err) {
        if (!conditionFailed(err)) throw err;
      }
    }),
  );
  return unreadCount(member.userId);
}

/**
 * Reading a thread up to a post also settles the notifications about that thread up to that post:
 * the bell should not keep counting a mention the member has just read.
 */
export async function readThread(member: ForumMember, threadId: string, postId: string): Promise<{ lastReadPostId: string; unreadCount: number }> {
  const lastReadPostId = await markThreadRead(member, threadId, postId);
  const { data } = await db()
    .entities.forumNotification.query.unread({ userId: member.userId })
    .where((a, op) => op.eq(a.threadId, threadId))
    .go({ pages: "all" });
  const seen = data.filter((n) => !n.postId || n.postId <= lastReadPostId).map((n) => n.notificationId);
  const remaining = seen.length > 0 ? await markNotificationsRead(member, seen) : await unreadCount(member.userId);
  return { lastReadPostId, unreadCount: remaining };
}

/** Mentions are mailed at once (not batched): someone asked for this member by name. */
export async function mailMentions(recipients: UserItem[], thread: Pick<ForumThreadItem, "threadId" | "title">, postId: string, authorName: string): Promise<void> {
  const optedOut = await mailOptOuts(recipients.map((u) => u.userId));
  for (const user of recipients) {
    if (optedOut.has(user.userId)) continue;
    await sendMail({
      to: user.email,
      ...renderMail("forumMention", user.locale, { name: user.name, author: authorName, title: thread.title }, threadUrl(thread.threadId, postId), { label: "forumSettings", url: settingsUrl() }),
    });
  }
}

/**
 * Notes a new reply for each follower's next digest. A member who was mailed about this thread
 * less than an hour ago waits until the hour is over; further replies join the waiting item.
 */
export async function queueReplyMails(followers: { userId: string; lastMailedAt?: string }[], threadId: string, postId: string): Promise<void> {
  const now = Date.now();
  await Promise.all(
    followers.map(async ({ userId, lastMailedAt }) => {
      const dueAt = new Date(Math.max(now, lastMailedAt ? Date.parse(lastMailedAt) + MAIL_INTERVAL : 0)).toISOString();
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await db().entities.forumMailQueue.create({ userId, threadId, pendingCount: 1, firstPostId: postId, dueAt }).go();
          return;
        } catch (err) {
          if (!conditionFailed(err)) throw err;
        }
        try {
          await db().entities.forumMailQueue.patch({ userId, threadId }).add({ pendingCount: 1 }).go();
          return;
        } catch (err) {
          // Claimed by the job between our two writes: start a new item.
          if (!conditionFailed(err)) throw err;
        }
      }
    }),
  );
}

/**
 * The scheduled job: mails each follower whose replies are due one digest per thread. A digest is
 * claimed by one transaction that deletes the waiting item (unchanged since read) and stamps
 * lastMailedAt (only if the last mail is an hour old), so overlapping runs cannot both send it and
 * no thread is mailed twice within the hour. A claimed mail that then fails to send is lost, never doubled.
 */
export async function sendReplyDigests(now = Date.now()): Promise<{ sent: number; skipped: number }> {
  const nowAt = new Date(now).toISOString();
  const hourAgo = new Date(now - MAIL_INTERVAL).toISOString();
  const { data: due } = await db().entities.forumMailQueue.query.byDue({}).lte({ dueAt: nowAt }).go({ pages: "all" });
  let sent = 0;
  let skipped = 0;
  for (const item of due) {
    const key = { userId: item.userId, threadId: item.threadId };
    const { data: follow } = await db().entities.forumFollow.get({ threadId: item.threadId, userId: item.userId }).go();
    if (follow?.following && follow.lastMailedAt && follow.lastMailedAt > hourAgo) {
      const later = new Date(Date.parse(follow.lastMailedAt) + MAIL_INTERVAL).toISOString();
      try {
        await db().entities.forumMailQueue.patch(key).set({ dueAt: later }).go();
      } catch (err) {
        if (!conditionFailed(err)) throw err;
      }
      continue;
    }
    const claim = await retryConflicts(() =>
      db()
        .transaction.write(({ forumMailQueue, forumFollow }) => [
          forumMailQueue
            .delete(key)
            .where((attr, op) => op.eq(attr.pendingCount, item.pendingCount))
            .commit(),
          forumFollow
            .patch({ threadId: item.threadId, userId: item.userId })
            .set({ lastMailedAt: nowAt })
            .where((attr, op) => `${op.eq(attr.following, true)} AND (${op.notExists(attr.lastMailedAt)} OR ${op.lte(attr.lastMailedAt, hourAgo)})`)
            .commit(),
        ])
        .go(),
    );
    if (claim.canceled) {
      // Unfollowed meanwhile: nothing is owed. Otherwise another run has it, or a reply just arrived.
      if (follow && !follow.following) await db().entities.forumMailQueue.delete(key).go();
      skipped += 1;
      continue;
    }
    if (await mailDigest(item.userId, item.threadId, item.firstPostId, item.pendingCount)) sent += 1;
    else skipped += 1;
  }
  return { sent, skipped };
}

async function mailDigest(userId: string, threadId: string, firstPostId: string, count: number): Promise<boolean> {
  const [user, thread, optedOut] = await Promise.all([getUser(userId), getThread(threadId), mailOptOuts([userId])]);
  if (!user || !thread || thread.status !== "visible" || optedOut.has(userId)) return false;
  const category = await getCategory(thread.categoryId);
  if (!category || (await whoCanSee(category.scope, [userId])).length === 0) return false;
  const token = createSecret();
  await db().entities.forumLink.create({ tokenHash: digest(token), userId, threadId, ttl: ttlAfter(LINK_LIFETIME) }).go();
  await sendMail({
    to: user.email,
    ...renderMail(
      "forumReplies",
      user.locale,
      { name: user.name, title: thread.title, count: formatNumber(count, user.locale), author: thread.lastAuthorName },
      threadUrl(threadId, firstPostId),
      { label: "forumThread", url: unsubscribeUrl(token) },
    ),
    headers: { "List-Unsubscribe": `<${unsubscribeUrl(token)}>` },
  });
  return true;
}

async function resolveLink(token: string) {
  const { data } = await db().entities.forumLink.get({ tokenHash: digest(token) }).go();
  if (!data || data.ttl * 1000 <= Date.now()) throw new VisibleError("invalid", "invalid_token", "This link is invalid or has expired.");
  return data;
}

/** What an unsubscribe link would do, so the page can ask first (mail scanners open links too). */
export async function describeUnsubscribe(token: string): Promise<{ threadId: string; threadTitle: string; following: boolean }> {
  const link = await resolveLink(token);
  const [thread, follow] = await Promise.all([getThread(link.threadId), db().entities.forumFollow.get({ threadId: link.threadId, userId: link.userId }).go()]);
  return { threadId: link.threadId, threadTitle: thread?.title ?? "", following: follow.data?.following ?? false };
}

/** Unfollows the thread from the e-mail's link, no sign-in needed; `all` also turns forum e-mail off. */
export async function unsubscribe(token: string, all: boolean): Promise<{ threadId: string; threadTitle: string; following: false; emailNotifications: boolean }> {
  const link = await resolveLink(token);
  await db().entities.forumFollow.upsert({ threadId: link.threadId, userId: link.userId, following: false, updatedAt: nowIso() }).go();
  await db().entities.forumMailQueue.delete({ userId: link.userId, threadId: link.threadId }).go();
  if (all) await setForumSettings(link.userId, { emailNotifications: false });
  const [thread, settings] = await Promise.all([getThread(link.threadId), getForumSettings(link.userId)]);
  return { threadId: link.threadId, threadTitle: thread?.title ?? "", following: false, emailNotifications: settings.emailNotifications };
}
