import { db } from "../db";
import type { PersonalDataContributor } from "../privacy/contributor";
import { FORMER_MEMBER_ID, FORMER_MEMBER_NAME, inBatches, scrub } from "../privacy/former";
import { getUser } from "../user/account";
import { PUBLIC_SCOPE, type ForumPostItem } from "./forum.entity";
import { changePostStatus, getPost } from "./posts";
import { eraseCategoryReads } from "./reads";
import { indexPost } from "./search";

const entities = () => db().entities;

async function postsOf(userId: string): Promise<ForumPostItem[]> {
  const { data } = await entities().forumPost.query.byAuthor({ authorId: userId }).go({ pages: "all" });
  return data;
}

/** Other members' posts that mention this member, found through the member's mention notifications. */
async function postsMentioning(userId: string): Promise<ForumPostItem[]> {
  const { data } = await entities().forumNotification.query.byMember({ userId }).where((attr, op) => op.eq(attr.kind, "mention")).go({ pages: "all" });
  const posts = await Promise.all(data.flatMap((n) => (n.threadId && n.postId ? [getPost(n.threadId, n.postId)] : [])));
  return posts.filter((p): p is ForumPostItem => !!p && p.mentions.some((m) => m.userId === userId));
}

async function threadTitle(threadId: string): Promise<string | undefined> {
  const { data } = await entities().forumThread.get({ threadId }).go();
  return data?.title;
}

export const forumPrivacy: PersonalDataContributor = {
  section: "forum",
  async export(userId) {
    const e = entities();
    const [posts, follows, reads, notifications, memberships, reports, profile, queue] = await Promise.all([
      postsOf(userId),
      e.forumFollow.query.byMember({ userId }).go({ pages: "all" }),
      e.forumRead.query.byMember({ userId }).go({ pages: "all" }),
      e.forumNotification.query.byMember({ userId }).go({ pages: "all" }),
      e.forumMembership.query.byMember({ userId }).go({ pages: "all" }),
      e.forumReport.query.byReporter({ reporterId: userId }).go({ pages: "all" }),
      e.forumProfile.get({ userId }).go(),
      e.forumMailQueue.query.byRecipient({ userId }).go({ pages: "all" }),
    ]);
    const titles = new Map<string, string | undefined>();
    for (const threadId of new Set(posts.map((p) => p.threadId))) titles.set(threadId, await threadTitle(threadId));
    return {
      posts: posts.map((p) => ({
        threadId: p.threadId,
        threadTitle: titles.get(p.threadId) ?? null,
        postId: p.postId,
        startedThread: p.isOpening,
        body: p.body,
        status: p.status,
        createdAt: p.createdAt,
        editedAt: p.editedAt ?? null,
      })),
      follows: follows.data.map((f) => ({ threadId: f.threadId, following: f.following, updatedAt: f.updatedAt })),
      // The per-category copies of these markers (forumCategoryReads) hold nothing more.
      reads: reads.data.map((r) => ({ threadId: r.threadId, lastReadPostId: r.lastReadPostId, readAt: r.readAt })),
      // Without who caused them: that is the other member's data.
      notifications: notifications.data.map((n) => ({ kind: n.kind, subject: n.subject, threadId: n.threadId ?? null, read: n.read, createdAt: n.createdAt })),
      groupMemberships: memberships.data.map((m) => ({ groupId: m.groupId, status: m.status, role: m.role, since: m.createdAt })),
      reports: reports.data.map((r) => ({ postId: r.postId, reason: r.reason, status: r.status, createdAt: r.createdAt })),
      settings: { emailNotifications: profile.data?.emailNotifications ?? true },
      pendingReplyMails: queue.data.length,
    };
  },

  async erase(userId, { removePosts }) {
    const e = entities();
    const user = await getUser(userId);
    const person = { userId, name: user?.name, email: user?.email };

    // Others' posts naming the member: the mention becomes "former member" (before the notifications that lead there go).
    for (const post of await postsMentioning(userId)) {
      const changed = scrub({ body: post.body, mentions: post.mentions }, person);
      await e.forumPost.patch({ threadId: post.threadId, postId: post.postId }).set(changed).where((attr, op) => op.eq(attr.body, post.body)).go();
      await indexPost({ ...post, ...changed }, await threadTitle(post.threadId));
    }

    // The member's posts: removed on request, in any case no longer theirs.
    const posts = await postsOf(userId);
    const threadIds = new Set(posts.map((p) => p.threadId));
    for (const post of posts) {
      if (removePosts && post.status !== "deleted") {
        await changePostStatus({ userId, name: FORMER_MEMBER_NAME, role: "volunteer", status: "approved" }, post.threadId, post.postId, "deleted");
      }
      const fresh = await getPost(post.threadId, post.postId);
      if (!fresh) continue;
      await e.forumPost
        .put({ ...fresh, authorId: FORMER_MEMBER_ID, authorName: FORMER_MEMBER_NAME })
        .where((attr, op) => op.eq(attr.body, fresh.body))
        .go();
    }

    // Threads they started or answered last, and the categories showing them as latest author.
    const categoryIds = new Set<string>();
    for (const threadId of threadIds) {
      const { data: thread } = await e.forumThread.get({ threadId }).go();
      if (!thread) continue;
      categoryIds.add(thread.categoryId);
      if (thread.authorId === userId) {
        await e.forumThread.put(scrub(thread, person)).where((attr, op) => op.eq(attr.lastPostId, thread.lastPostId)).go();
      } else if (thread.lastAuthorName === person.name) {
        await e.forumThread.patch({ threadId }).set({ lastAuthorName: FORMER_MEMBER_NAME }).go();
      }
    }
    for (const categoryId of categoryIds) {
      const { data: category } = await e.forumCategory.get({ categoryId }).go();
      if (category?.lastAuthorName === person.name) await e.forumCategory.patch({ categoryId }).set({ lastAuthorName: FORMER_MEMBER_NAME }).go();
    }

    // Notifications others received about the member's actions lose the name; their own go.
    const { data: caused } = await e.forumNotification.query.byActor({ actorId: userId }).go({ pages: "all" });
    await inBatches(caused, 10, (n) => e.forumNotification.put({ ...n, actorId: FORMER_MEMBER_ID, actorName: FORMER_MEMBER_NAME }).go());
    const { data: received } = await e.forumNotification.query.byMember({ userId }).go({ pages: "all", attributes: ["notificationId"] });
    if (received.length > 0) await e.forumNotification.delete(received.map(({ notificationId }) => ({ userId, notificationId }))).go();

    // The member's own state: follows, read markers, queued mails, unsubscribe links, settings, memberships, reports.
    const [follows, reads, queue, links, memberships, reports] = await Promise.all([
      e.forumFollow.query.byMember({ userId }).go({ pages: "all" }),
      e.forumRead.query.byMember({ userId }).go({ pages: "all" }),
      e.forumMailQueue.query.byRecipient({ userId }).go({ pages: "all" }),
      e.forumLink.query.byMember({ userId }).go({ pages: "all" }),
      e.forumMembership.query.byMember({ userId }).go({ pages: "all" }),
      e.forumReport.query.byReporter({ reporterId: userId }).go({ pages: "all" }),
    ]);
    if (follows.data.length > 0) await e.forumFollow.delete(follows.data.map(({ threadId }) => ({ threadId, userId }))).go();
    if (reads.data.length > 0) await e.forumRead.delete(reads.data.map(({ threadId }) => ({ userId, threadId }))).go();
    await eraseCategoryReads(userId);
    if (queue.data.length > 0) await e.forumMailQueue.delete(queue.data.map(({ threadId }) => ({ userId, threadId }))).go();
    if (links.data.length > 0) await e.forumLink.delete(links.data.map(({ tokenHash }) => ({ tokenHash }))).go();
    if (memberships.data.length > 0) await e.forumMembership.delete(memberships.data.map(({ groupId }) => ({ groupId, userId }))).go();
    if (reports.data.length > 0) await e.forumReport.delete(reports.data.map(({ reportId }) => ({ reportId }))).go();
    await e.forumProfile.delete({ userId }).go();

    // Staff traces: the moderation log, reports they resolved, groups and categories they created.
    const { data: log } = await e.forumModLog.query
      .byTime({})
      .where((attr, op) => `${op.eq(attr.actorId, userId)} OR ${op.eq(attr.memberId, userId)}`)
      .go({ pages: "all" });
    await inBatches(log, 10, (entry) => e.forumModLog.put(scrub(entry, person)).go());
    for (const status of ["open", "resolved"] as const) {
      const { data } = await e.forumReport.query.byStatus({ status }).where((attr, op) => op.eq(attr.resolvedBy, userId)).go({ pages: "all" });
      await inBatches(data, 10, (r) => e.forumReport.patch({ reportId: r.reportId }).set({ resolvedBy: FORMER_MEMBER_ID, resolvedByName: FORMER_MEMBER_NAME }).go());
    }
    const { data: groups } = await e.forumGroup.query.allGroups({}).go({ pages: "all" });
    await inBatches(groups.filter((g) => g.createdBy === userId), 5, (g) => e.forumGroup.put(scrub(g, person)).go());
    for (const scope of [PUBLIC_SCOPE, ...groups.map((g) => g.groupId)]) {
      const { data } = await e.forumCategory.query.byScope({ scope }).go({ pages: "all" });
      await inBatches(data.filter((c) => c.createdBy === userId), 5, (c) => e.forumCategory.put(scrub(c, person)).go());
    }
  },
};
