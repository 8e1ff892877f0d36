import { it } from "vitest";
import { db } from "../src/db";

it("scratch", async () => {
  const t = db().entities.forumThread;
  const base = { categoryId: "cat_x", title: "T", authorId: "usr_a", authorName: "A", openingPostId: "p1", createdAt: "2026-01-01T00:00:00.000Z", lastActivityAt: "2026-01-01T00:00:00.000Z", lastPostId: "p1", lastAuthorName: "A" };
  await t.create({ ...base, threadId: "thr_1" }).go();
  await t.create({ ...base, threadId: "thr_2", pinned: true }).go();
  await t.create({ ...base, threadId: "thr_3", lastActivityAt: "2026-01-02T00:00:00.000Z" }).go();
  const q = await t.query.byCategoryActivity({ categoryId: "cat_x" }).go({ order: "desc" });
  console.log(q.data.map((x) => x.threadId));
  try {
    await t.patch({ threadId: "thr_1" }).set({ lastActivityAt: "2026-01-03T00:00:00.000Z" }).go();
  } catch (e) { console.log("ERR1", (e as Error).message); }
  const p = t.patch({ threadId: "thr_1" }).set({ lastActivityAt: "2026-01-03T00:00:00.000Z", pinned: false }).where((a, op) => `${op.eq(a.pinned, false)} AND ${op.lt(a.lastActivityAt, "2026-01-03")}`).params();
  console.log(JSON.stringify(p));
  const mv = t.patch({ threadId: "thr_1" }).set({ categoryId: "cat_y" }).params();
  console.log(JSON.stringify(mv));
  // terms
  const term = db().entities.forumTerm;
  await term.put([{ term: "muller", postId: "p1", threadId: "t1", prefix: "mu" }, { term: "mullerin", postId: "p2", threadId: "t1", prefix: "mu" }, { term: "mus", postId: "p3", threadId: "t1", prefix: "mu" }]).go();
  console.log(JSON.stringify(term.query.byPrefix({ prefix: "mu" }).begins({ term: "mull" }).params()));
  console.log((await term.query.byPrefix({ prefix: "mu" }).begins({ term: "mull" }).go()).data.map((x) => x.postId));
  console.log((await term.query.byPrefix({ prefix: "mu" }).begins({ term: "muller" }).go()).data.map((x) => x.postId));
  // notifications condition index
  const n = db().entities.forumNotification;
  await n.create({ userId: "usr_n", notificationId: "n1", kind: "mention", actorName: "A", subject: "S", createdAt: "x", ttl: 9999999999 }).go();
  await n.create({ userId: "usr_n", notificationId: "n2", kind: "mention", actorName: "A", subject: "S", createdAt: "x", ttl: 9999999999 }).go();
  console.log("unread", (await n.query.unread({ userId: "usr_n" }).go()).data.map((x) => x.notificationId));
  console.log(JSON.stringify(n.patch({ userId: "usr_n", notificationId: "n1" }).set({ read: true }).params()));
  await n.patch({ userId: "usr_n", notificationId: "n1" }).set({ read: true }).go();
  console.log("unread", (await n.query.unread({ userId: "usr_n" }).go()).data.map((x) => x.notificationId));
  // tx result codes
  const r = await db().transaction.write(({ forumThread }) => [
    forumThread.patch({ threadId: "thr_1" }).add({ postCount: 1 }).where((a, op) => op.eq(a.locked, true)).commit(),
    forumThread.patch({ threadId: "thr_2" }).add({ postCount: 1 }).commit(),
  ]).go();
  console.log(JSON.stringify(r));
  // queue
  const mq = db().entities.forumMailQueue;
  await mq.create({ userId: "u1", threadId: "t1", pendingCount: 1, firstPostId: "p", dueAt: "2026-01-01T00:00:00.000Z" }).go();
  console.log(JSON.stringify(mq.query.byDue({}).lte({ dueAt: "2026-01-01T00:00:00.000Z" }).params()));
  console.log((await mq.query.byDue({}).lte({ dueAt: "2026-01-01T00:00:00.000Z" }).go()).data.length);
  console.log(JSON.stringify(mq.patch({ userId: "u1", threadId: "t1" }).set({ dueAt: "2026-02-01T00:00:00.000Z" }).params()));
  const del = await mq.delete({ userId: "u1", threadId: "t1" }).where((a, op) => op.exists(a.pendingCount)).go({ response: "all_old" });
  console.log(JSON.stringify(del));
  const up = await db().entities.forumRead.update({ userId: "u1", threadId: "t1" }).set({ lastReadPostId: "p5", readAt: "x" }).where((a, op) => `${op.notExists(a.lastReadPostId)} OR ${op.lt(a.lastReadPostId, "p5")}`).go({ response: "all_new" });
  console.log(JSON.stringify(up));
});
