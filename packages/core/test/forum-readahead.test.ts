import { UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { describe, expect, it } from "vitest";
import { getItems } from "../src/batch";
import { config } from "../src/config";
import { db, dynamo } from "../src/db";
import { threadReaderOps } from "../src/forum/access";
import { categoryOp, categoryPageOps, getCategoryView, getCategoryWithThreads } from "../src/forum/categories";
import { markThreadRead } from "../src/forum/follow";
import { acceptInvitation, inviteMember } from "../src/forum/groups";
import { moderateThread, moveThread } from "../src/forum/moderation";
import { forumPrivacy } from "../src/forum/privacy";
import { listPosts, reply } from "../src/forum/posts";
import { KEPT_AFTER_TRIM, lastRead, MAX_CATEGORY_MARKERS } from "../src/forum/reads";
import { getThreadView, listThreads } from "../src/forum/threads";
import { withReadAhead, type KeyedOperation } from "../src/readahead";
import { createUser } from "../src/user/account";
import type { UserItem } from "../src/user/user.entity";
import { category, coordinator, group, member, storedMember, thread } from "./forum-fixtures";
import { uniqueEmail } from "./mail";

// Counts every command this worker's DynamoDB client sends (as the round-trip bench does).
const sent: string[] = [];
dynamo().middlewareStack.add(
  (next, context) => async (args) => {
    sent.push((context.commandName ?? "").replace(/Command$/, ""));
    return next(args);
  },
  { step: "initialize", name: "readAheadTestMeter" },
);

/**
 * Runs `fn` as the session middleware will for a GET request: one BatchGetItem of the session,
 * its member and the route's read-ahead keys, then the handler inside withReadAhead. Answers the
 * handler's result and every DynamoDB command the request sent, that batch included.
 */
async function asRequest<T>(userId: string, ops: KeyedOperation[], fn: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const { session, user } = db().entities;
  sent.length = 0;
  const [, , ...items] = await getItems([session.get({ tokenHash: "not-a-real-session" }), user.get({ userId }), ...ops]);
  const result = await withReadAhead(ops, items, fn);
  return { result, calls: [...sent] };
}

const categoryPage = (viewer: UserItem, categoryId: string) => asRequest(viewer.userId, categoryPageOps(viewer.userId, categoryId), () => getCategoryWithThreads(viewer, categoryId));
const threadPage = (viewer: UserItem, threadId: string) => asRequest(viewer.userId, threadReaderOps(viewer.userId, threadId), () => getThreadView(viewer, threadId));
const postsPage = (viewer: UserItem, threadId: string) => asRequest(viewer.userId, threadReaderOps(viewer.userId, threadId), () => listPosts(viewer, threadId));

async function categoryReads(userId: string, categoryId: string) {
  return (await db().entities.forumCategoryReads.get({ userId, categoryId }).go()).data;
}

/** Unread flags of every thread of a category for this member, page by page. */
async function unreadByThread(viewer: UserItem, categoryId: string): Promise<Map<string, boolean>> {
  const flags = new Map<string, boolean>();
  let cursor: string | undefined;
  do {
    const page = await listThreads(viewer, categoryId, cursor);
    for (const t of page.threads) flags.set(t.threadId, t.unread);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return flags;
}

/** The same flags from the forumRead items alone, as they were decided before the per-category items. */
async function unreadFromForumRead(viewer: UserItem, threads: { threadId: string }[]): Promise<Map<string, boolean>> {
  const { forumThread } = db().entities;
  const items = await getItems(threads.map(({ threadId }) => forumThread.get({ threadId })));
  const markers = await lastRead(viewer.userId, threads.map((t) => t.threadId));
  return new Map(
    items.map((item) => {
      const t = forumThread.parse({ Item: item! }).data!;
      const marker = markers.get(t.threadId);
      return [t.threadId, !marker || t.lastPostId > marker];
    }),
  );
}

/** A thread as stored before the category's scope was copied on threads. */
async function withoutScope(threadId: string) {
  const Key = marshall(db().entities.forumThread.get({ threadId }).params().Key!);
  await dynamo().send(new UpdateItemCommand({ TableName: config().tableName, Key, UpdateExpression: "REMOVE #s", ExpressionAttributeNames: { "#s": "scope" } }));
}

/** A reader who has read one thread of the category, so their markers are kept per category. */
async function readerOf(categoryId: string) {
  const reader = member();
  const { thread: t, post } = await thread(member(), categoryId);
  await markThreadRead(reader, t.threadId, post.postId);
  return { reader, read: t };
}

async function closedGroupCategory() {
  const coord = coordinator();
  const g = await group(coord);
  const { categoryId } = await category(coord, { groupId: g.groupId });
  const insider = await storedMember();
  await inviteMember(coord, g.groupId, insider.userId);
  await acceptInvitation(insider, g.groupId);
  return { coord, g, categoryId, insider };
}

describe("forum pages with read-ahead: DynamoDB calls per request", () => {
  it("everyone's category: the session batch and the Query of threads, with unread marks from the member's item", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const { reader, read } = await readerOf(categoryId);
    const { thread: fresh } = await thread(member(), categoryId);
    const { result, calls } = await categoryPage(reader, categoryId);
    expect(calls).toEqual(["BatchGetItem", "Query"]);
    expect(new Map(result.threads.map((t) => [t.threadId, t.unread]))).toEqual(new Map([[fresh.threadId, true], [read.threadId, false]]));
    expect(result.category).toMatchObject({ categoryId, group: null });
  });

  it("everyone's thread: the session batch (thread, follow, read marker) and the category; its posts: the session batch and the Query", async () => {
    const { categoryId } = await category(coordinator());
    const { reader, read } = await readerOf(categoryId);
    const answer = await reply(member(), read.threadId, { body: "Neu" });

    const page = await threadPage(reader, read.threadId);
    expect(page.calls).toEqual(["BatchGetItem", "GetItem"]);
    expect(page.result).toMatchObject({ category: { categoryId }, unread: true, canReply: true });

    const posts = await postsPage(reader, read.threadId);
    expect(posts.calls).toEqual(["BatchGetItem", "Query"]);
    expect(posts.result.posts.map((p) => p.isNew)).toEqual([false, true]);
    expect(posts.result.posts[1]?.postId).toBe(answer.postId);
  });

  it("a group's pages: one call more for the membership (beside the Query), none more for coordinators' threads", async () => {
    const { coord, g, categoryId, insider } = await closedGroupCategory();
    const { thread: t, post } = await thread(insider, categoryId);
    await markThreadRead(insider, t.threadId, post.postId);

    const cat = await categoryPage(insider, categoryId);
    expect(cat.calls.sort()).toEqual(["BatchGetItem", "BatchGetItem", "Query"]);
    expect(cat.result.category.group).toEqual({ groupId: g.groupId, name: g.name });
    expect(cat.result.threads.map((x) => x.unread)).toEqual([false]);

    const page = await threadPage(insider, t.threadId);
    expect(page.calls).toEqual(["BatchGetItem", "BatchGetItem"]);
    expect(page.result.category).toEqual({ categoryId, name: expect.any(String), groupId: g.groupId });

    const posts = await postsPage(insider, t.threadId);
    expect(posts.calls.sort()).toEqual(["BatchGetItem", "GetItem", "Query"]);

    await markThreadRead(coord, t.threadId, post.postId);
    expect((await categoryPage(coord, categoryId)).calls.sort()).toEqual(["BatchGetItem", "BatchGetItem", "Query"]);
    expect((await threadPage(coord, t.threadId)).calls).toEqual(["BatchGetItem", "GetItem"]);
    expect((await postsPage(coord, t.threadId)).calls).toEqual(["BatchGetItem", "Query"]);

    const outsider = member();
    await expect(categoryPage(outsider, categoryId)).rejects.toMatchObject({ code: "category_not_found" });
    await expect(threadPage(outsider, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    await expect(postsPage(outsider, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
  });

  it("the category alone (GET /categories/:id) is the session batch only", async () => {
    const { categoryId } = await category(coordinator());
    const viewer = member();
    const { result, calls } = await asRequest(viewer.userId, [categoryOp(categoryId)], () => getCategoryView(viewer, categoryId));
    expect(calls).toEqual(["BatchGetItem"]);
    expect(result.categoryId).toBe(categoryId);
  });

  it("threads written before the scope was copied on them read their category, and keep closed groups closed", async () => {
    const { categoryId, insider } = await closedGroupCategory();
    const { thread: t } = await thread(insider, categoryId);
    const { categoryId: open } = await category(coordinator());
    const { thread: old } = await thread(member(), open);
    for (const threadId of [t.threadId, old.threadId]) await withoutScope(threadId);
    expect((await db().entities.forumThread.get({ threadId: old.threadId }).go()).data?.scope).toBeUndefined();

    const viewer = member();
    expect((await postsPage(viewer, old.threadId)).calls.sort()).toEqual(["BatchGetItem", "GetItem", "Query"]);
    expect((await threadPage(viewer, old.threadId)).calls).toEqual(["BatchGetItem", "GetItem"]);
    await expect(postsPage(viewer, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    await expect(threadPage(viewer, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    expect((await postsPage(insider, t.threadId)).result.posts).toHaveLength(1);
  });

  it("moving a thread restates its scope: a thread moved into a group is closed to outsiders at once", async () => {
    const { coord, categoryId: closed } = await closedGroupCategory();
    const { categoryId: open } = await category(coord);
    const viewer = member();
    const { thread: t } = await thread(member(), open);
    expect((await postsPage(viewer, t.threadId)).result.posts).toHaveLength(1);
    await moveThread(coord, t.threadId, closed);
    expect((await db().entities.forumThread.get({ threadId: t.threadId }).go()).data?.scope).not.toBe("public");
    await expect(postsPage(viewer, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    await moveThread(coord, t.threadId, open);
    expect((await postsPage(viewer, t.threadId)).calls).toEqual(["BatchGetItem", "Query"]);
  });
});

describe("a member's read markers per category", () => {
  it("a new account needs no forumRead items even before its first read", async () => {
    const { categoryId } = await category(coordinator());
    const { thread: t } = await thread(member(), categoryId);
    const newcomer = (await createUser({ name: "Neu Hier", email: uniqueEmail("newcomer"), password: "Sonnenblumen im Garten", status: "approved", emailVerified: true }))!;
    const { result, calls } = await categoryPage(newcomer, categoryId);
    expect(calls).toEqual(["BatchGetItem", "Query"]);
    expect(result.threads.map((x) => [x.threadId, x.unread])).toEqual([[t.threadId, true]]);
  });

  it("an account from before the per-category items, until its first read since: the forumRead items decide (one BatchGet more), as before", async () => {
    const { categoryId } = await category(coordinator());
    const { thread: t } = await thread(member(), categoryId);
    const newcomer = member();
    const { result, calls } = await categoryPage(newcomer, categoryId);
    expect(calls).toEqual(["BatchGetItem", "Query", "BatchGetItem"]);
    expect(result.threads.map((x) => [x.threadId, x.unread])).toEqual([[t.threadId, true]]);
    expect(await categoryReads(newcomer.userId, categoryId)).toBeNull();
  });

  it("markers from before the items existed are copied into them at the member's next read, for every category", async () => {
    const coord = coordinator();
    const [a, b] = await Promise.all([category(coord), category(coord)]);
    const veteran = member();
    const { thread: inA, post: openingA } = await thread(member(), a.categoryId);
    const { thread: inB, post: openingB } = await thread(member(), b.categoryId);
    const { thread: unreadB } = await thread(member(), b.categoryId);
    // As written before: forumRead items only.
    for (const [threadId, lastReadPostId] of [[inA.threadId, openingA.postId], [inB.threadId, openingB.postId]] as const) {
      await db().entities.forumRead.put({ userId: veteran.userId, threadId, lastReadPostId, readAt: new Date().toISOString() }).go();
    }
    const before = await categoryPage(veteran, b.categoryId);
    expect(before.calls).toEqual(["BatchGetItem", "Query", "BatchGetItem"]);
    expect(new Map(before.result.threads.map((x) => [x.threadId, x.unread]))).toEqual(new Map([[inB.threadId, false], [unreadB.threadId, true]]));

    const answer = await reply(member(), inA.threadId, { body: "Neu in A" });
    await markThreadRead(veteran, inA.threadId, answer.postId);
    expect((await db().entities.forumProfile.get({ userId: veteran.userId }).go()).data).toMatchObject({ emailNotifications: true, readsByCategoryAt: expect.any(String) });
    expect((await categoryReads(veteran.userId, a.categoryId))?.markers).toEqual({ [inA.threadId]: answer.postId });
    expect((await categoryReads(veteran.userId, b.categoryId))?.markers).toEqual({ [inB.threadId]: openingB.postId });

    const after = await categoryPage(veteran, b.categoryId);
    expect(after.calls).toEqual(["BatchGetItem", "Query"]);
    expect(after.result.threads).toEqual(before.result.threads);
  });

  it("twenty reads at once, the first of a new member, all end up in the item", async () => {
    const { categoryId } = await category(coordinator());
    const author = member();
    const started = [];
    for (let i = 0; i < 20; i++) started.push(await thread(author, categoryId));
    const reader = member();
    await Promise.all(started.map(({ thread: t, post }) => markThreadRead(reader, t.threadId, post.postId)));
    expect((await categoryReads(reader.userId, categoryId))?.markers).toEqual(Object.fromEntries(started.map(({ thread: t, post }) => [t.threadId, post.postId])));
    const { result, calls } = await categoryPage(reader, categoryId);
    expect(calls).toEqual(["BatchGetItem", "Query"]);
    expect(result.threads.every((t) => !t.unread)).toBe(true);
  });

  it(`keeps at most ${MAX_CATEGORY_MARKERS} threads; older ones are decided by their forumRead items, exactly as before`, async () => {
    const { categoryId } = await category(coordinator());
    const author = member();
    const started = [];
    // Starting a thread marks it read for its author: 110 markers in one category.
    for (let i = 0; i < 110; i++) started.push((await thread(author, categoryId, `Thema ${i}`)).thread);
    const item = await categoryReads(author.userId, categoryId);
    const kept = Object.keys(item!.markers as object);
    expect(kept.length).toBeLessThanOrEqual(MAX_CATEGORY_MARKERS);
    expect(kept.length).toBe(KEPT_AFTER_TRIM + (110 - (MAX_CATEGORY_MARKERS + 1)));
    expect(kept).toContain(started.at(-1)!.threadId);
    expect(kept).not.toContain(started[0]!.threadId);
    expect(item!.watermark).toBeDefined();
    // About 60 bytes an entry: a full item stays near 6 KB, far below DynamoDB's 400 KB.
    expect(JSON.stringify(item).length).toBeLessThan(MAX_CATEGORY_MARKERS * 70);

    // New replies in the oldest (dropped) and the newest thread; the rest stay read.
    await reply(member(), started[0]!.threadId, { body: "Noch aktuell?" });
    await reply(member(), started.at(-1)!.threadId, { body: "Ja" });
    const flags = await unreadByThread(author, categoryId);
    expect(flags).toEqual(await unreadFromForumRead(author, started));
    expect([...flags].filter(([, unread]) => unread).map(([id]) => id).sort()).toEqual([started[0]!.threadId, started.at(-1)!.threadId].sort());

    // The first page (latest activity) is decided by the item alone; the last needs the forumRead items.
    expect((await categoryPage(author, categoryId)).calls).toEqual(["BatchGetItem", "Query"]);
    let cursor: string | null = null;
    let calls: string[] = [];
    do {
      const page: { result: { cursor: string | null }; calls: string[] } = await asRequest(author.userId, categoryPageOps(author.userId, categoryId), () => getCategoryWithThreads(author, categoryId, cursor ?? undefined));
      cursor = page.result.cursor;
      calls = page.calls;
    } while (cursor);
    expect(calls).toEqual(["BatchGetItem", "Query", "BatchGetItem"]);

    // Reading an old thread again still counts, though the item no longer lists it.
    const oldest = started[1]!;
    const later = await reply(member(), oldest.threadId, { body: "Nachtrag" });
    expect((await unreadByThread(author, categoryId)).get(oldest.threadId)).toBe(true);
    await markThreadRead(author, oldest.threadId, later.postId);
    expect((await unreadByThread(author, categoryId)).get(oldest.threadId)).toBe(false);
    expect(await unreadByThread(author, categoryId)).toEqual(await unreadFromForumRead(author, started));
  }, 60_000);

  it("a moved thread keeps its unread mark in the new category, and again after moving back", async () => {
    const coord = coordinator();
    const [a, b] = await Promise.all([category(coord), category(coord)]);
    const { reader } = await readerOf(a.categoryId);
    const { thread: t } = await thread(member(), a.categoryId);
    const first = await reply(member(), t.threadId, { body: "Eins" });
    await markThreadRead(reader, t.threadId, first.postId);

    await moveThread(coord, t.threadId, b.categoryId);
    const inB = await categoryPage(reader, b.categoryId);
    expect(inB.result.threads.find((x) => x.threadId === t.threadId)?.unread).toBe(false);
    // Its marker is in A's item: read from the forumRead item until the member reads it in B.
    expect(inB.calls).toEqual(["BatchGetItem", "Query", "BatchGetItem"]);

    const second = await reply(member(), t.threadId, { body: "Zwei" });
    expect((await categoryPage(reader, b.categoryId)).result.threads.find((x) => x.threadId === t.threadId)?.unread).toBe(true);
    await markThreadRead(reader, t.threadId, second.postId);
    const readInB = await categoryPage(reader, b.categoryId);
    expect(readInB.calls).toEqual(["BatchGetItem", "Query"]);
    expect(readInB.result.threads.find((x) => x.threadId === t.threadId)?.unread).toBe(false);

    // Back in A, whose item still holds the older marker (first): not trusted, so still read.
    await moveThread(coord, t.threadId, a.categoryId);
    expect((await categoryReads(reader.userId, a.categoryId))?.markers).toMatchObject({ [t.threadId]: first.postId });
    expect((await categoryPage(reader, a.categoryId)).result.threads.find((x) => x.threadId === t.threadId)?.unread).toBe(false);
  });

  it("hidden and deleted threads: coordinators see the hidden one's mark; deleting leaves the page's marks alone", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const { reader, read } = await readerOf(categoryId);
    const { thread: doomed, post } = await thread(member(), categoryId);
    await markThreadRead(reader, doomed.threadId, post.postId);
    await markThreadRead(coord, doomed.threadId, post.postId);
    await moderateThread(coord, doomed.threadId, { action: "hide" });
    expect((await categoryPage(coord, categoryId)).result.threads.map((x) => [x.threadId, x.status, x.unread])).toEqual([
      [doomed.threadId, "hidden", false],
      [read.threadId, "visible", true],
    ]);
    await moderateThread(coord, doomed.threadId, { action: "delete" });
    const page = await categoryPage(reader, categoryId);
    expect(page.calls).toEqual(["BatchGetItem", "Query"]);
    expect(page.result.threads.map((x) => [x.threadId, x.unread])).toEqual([[read.threadId, false]]);
  });

  it("are erased with the member", async () => {
    const coord = coordinator();
    const [a, b] = await Promise.all([category(coord), category(coord)]);
    const leaving = await storedMember();
    for (const { categoryId } of [a, b]) {
      const { thread: t, post } = await thread(member(), categoryId);
      await markThreadRead(leaving, t.threadId, post.postId);
    }
    expect((await db().entities.forumCategoryReads.query.byMember({ userId: leaving.userId }).go()).data).toHaveLength(2);
    await forumPrivacy.erase(leaving.userId, { removePosts: false });
    expect((await db().entities.forumCategoryReads.query.byMember({ userId: leaving.userId }).go()).data).toEqual([]);
    expect((await db().entities.forumProfile.get({ userId: leaving.userId }).go()).data).toBeNull();
  });
});
