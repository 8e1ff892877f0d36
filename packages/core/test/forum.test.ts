import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getCategory, getThread } from "../src/forum/access";
import { deleteCategory, listCategories, updateCategory } from "../src/forum/categories";
import { markThreadRead } from "../src/forum/follow";
import { listModLog, listReports, moderatePost, moderateThread, moveThread, reportPost, resolveReport } from "../src/forum/moderation";
import { deleteOwnPost, editPost, listPosts, reply } from "../src/forum/posts";
import { editThreadTitle, listThreads } from "../src/forum/threads";
import { category, coordinator, member, thread } from "./forum-fixtures";

async function allPosts(viewer: ReturnType<typeof member>, threadId: string) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listPosts(viewer, threadId, { cursor });
    pages.push(page.posts.map((p) => p.postId));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return pages;
}

describe("threads and posts", () => {
  it("pages through 250 replies by cursor: each post exactly once, in the order written", async () => {
    const author = member();
    const { categoryId } = await category(coordinator());
    const { thread: t, post: opening } = await thread(author, categoryId);
    const batches: string[][] = [];
    for (let b = 0; b < 10; b++) {
      const posted = await Promise.all(Array.from({ length: 25 }, (_, i) => reply(author, t.threadId, { body: `Beitrag ${b}-${i}` })));
      batches.push(posted.map((p) => p.postId));
    }
    const pages = await allPosts(member(), t.threadId);
    const seen = pages.flat();
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(seen).toHaveLength(251);
    expect(new Set(seen).size).toBe(251);
    expect(seen[0]).toBe(opening.postId);
    expect(seen).toEqual([...seen].sort());
    // Every post of a batch comes after every post of the batch before it.
    const position = new Map(seen.map((id, i) => [id, i]));
    for (let b = 1; b < batches.length; b++) {
      expect(Math.min(...batches[b]!.map((id) => position.get(id)!))).toBeGreaterThan(Math.max(...batches[b - 1]!.map((id) => position.get(id)!)));
    }
    expect((await getThread(t.threadId))?.postCount).toBe(251);
  }, 60_000);

  it("30 simultaneous replies raise the thread's and the category's post counts by exactly 30", async () => {
    const { categoryId } = await category(coordinator());
    const { thread: t } = await thread(member(), categoryId);
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => reply(member(), t.threadId, { body: `Gleichzeitig ${i}` })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await getThread(t.threadId))?.postCount).toBe(31);
    expect(await getCategory(categoryId)).toMatchObject({ threadCount: 1, postCount: 31 });
    const replies = results.map((r) => (r as PromiseFulfilledResult<{ postId: string }>).value.postId).sort();
    expect((await getThread(t.threadId))?.lastPostId).toBe(replies.at(-1));
  }, 30_000);

  it("lists categories with counts and latest activity, and threads pinned first, then by activity", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const alice = member();
    const first = await thread(alice, categoryId, "Erstes Thema");
    const second = await thread(alice, categoryId, "Zweites Thema");
    const third = await thread(alice, categoryId, "Drittes Thema");
    await reply(member(), first.thread.threadId, { body: "Jetzt ist das erste wieder oben" });
    await moderateThread(coord, third.thread.threadId, { action: "pin" });
    const { threads } = await listThreads(alice, categoryId);
    expect(threads.map((t) => t.title)).toEqual(["Drittes Thema", "Erstes Thema", "Zweites Thema"]);
    expect(threads[0]).toMatchObject({ pinned: true });
    const listed = (await listCategories(alice)).find((c) => c.categoryId === categoryId);
    expect(listed).toMatchObject({ threadCount: 3, postCount: 4, lastActivity: { threadId: first.thread.threadId, threadTitle: "Erstes Thema" } });
  });

  it("marks threads and posts new since the member last read them", async () => {
    const { categoryId } = await category(coordinator());
    const reader = member();
    const { thread: t, post: opening } = await thread(member(), categoryId);
    expect((await listThreads(reader, categoryId)).threads[0]?.unread).toBe(true);
    await markThreadRead(reader, t.threadId, opening.postId);
    expect((await listThreads(reader, categoryId)).threads[0]?.unread).toBe(false);
    const answer = await reply(member(), t.threadId, { body: "Neu" });
    expect((await listThreads(reader, categoryId)).threads[0]?.unread).toBe(true);
    const { posts, lastReadPostId } = await listPosts(reader, t.threadId);
    expect(lastReadPostId).toBe(opening.postId);
    expect(posts.map((p) => [p.postId, p.isNew])).toEqual([
      [opening.postId, false],
      [answer.postId, true],
    ]);
    // Jumping to what is new starts after the marker; the marker never moves back.
    expect((await listPosts(reader, t.threadId, { after: opening.postId })).posts.map((p) => p.postId)).toEqual([answer.postId]);
    await markThreadRead(reader, t.threadId, answer.postId);
    expect(await markThreadRead(reader, t.threadId, opening.postId)).toBe(answer.postId);
  });

  it("quotes a reply by reference and shows the quote as a placeholder once it is deleted", async () => {
    const { categoryId } = await category(coordinator());
    const [ana, ben] = [member(), member()];
    const { thread: t } = await thread(ana, categoryId);
    const original = await reply(ana, t.threadId, { body: "Kennt jemand eine **Dolmetscherin**?" });
    const answer = await reply(ben, t.threadId, { body: "Ja, ich!", quotedPostId: original.postId });
    expect(answer.quote).toEqual({ postId: original.postId, authorName: ana.name, createdAt: original.createdAt, excerpt: "Kennt jemand eine Dolmetscherin?" });
    await deleteOwnPost(ana, t.threadId, original.postId);
    const { posts } = await listPosts(ben, t.threadId);
    expect(posts.find((p) => p.postId === answer.postId)?.quote).toMatchObject({ postId: original.postId, excerpt: null });
    await expect(reply(ben, t.threadId, { body: "x", quotedPostId: original.postId })).rejects.toMatchObject({ code: "quote_not_found" });
  });

  it("authors edit their posts (marked edited) and delete them (a placeholder stays, counts drop)", async () => {
    const { categoryId } = await category(coordinator());
    const [ana, ben] = [member(), member()];
    const { thread: t } = await thread(ana, categoryId);
    const post = await reply(ana, t.threadId, { body: "Tippfeler" });
    await expect(editPost(ben, t.threadId, post.postId, "fremd")).rejects.toMatchObject({ code: "not_author" });
    const edited = await editPost(ana, t.threadId, post.postId, "Tippfehler");
    expect(edited).toMatchObject({ bodyHtml: "<p>Tippfehler</p>\n", body: "Tippfehler" });
    expect(edited.editedAt).not.toBeNull();
    await expect(deleteOwnPost(ben, t.threadId, post.postId)).rejects.toMatchObject({ code: "not_author" });
    await deleteOwnPost(ana, t.threadId, post.postId);
    const shown = (await listPosts(ben, t.threadId)).posts.find((p) => p.postId === post.postId);
    expect(shown).toMatchObject({ status: "deleted", bodyHtml: null, body: null, canReport: false });
    expect((await getThread(t.threadId))?.postCount).toBe(1);
    expect((await getCategory(categoryId))?.postCount).toBe(1);
    await expect(editPost(ana, t.threadId, post.postId, "wieder da?")).rejects.toMatchObject({ kind: "not_found" });
    const renamed = await editThreadTitle(ana, t.threadId, "Besserer Titel");
    expect(renamed).toMatchObject({ title: "Besserer Titel" });
    await expect(editThreadTitle(ben, t.threadId, "Fremder Titel")).rejects.toMatchObject({ code: "not_author" });
  });

  it("only coordinators post in a coordinators-only category (announcements)", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord, { postingPolicy: "coordinators" });
    await expect(thread(member(), categoryId)).rejects.toMatchObject({ code: "posting_restricted" });
    const { thread: t } = await thread(coord, categoryId, "Neue Termine");
    await expect(reply(member(), t.threadId, { body: "Danke" })).rejects.toMatchObject({ code: "posting_restricted" });
  });

  it("keeps pending members out", async () => {
    const { categoryId } = await category(coordinator());
    await expect(listThreads(member("volunteer", "pending"), categoryId)).rejects.toMatchObject({ code: "membership_pending" });
    await expect(listCategories(member("volunteer", "pending"))).rejects.toMatchObject({ code: "membership_pending" });
  });
});

describe("moderation", () => {
  it("locked threads refuse replies from members; coordinators may still answer", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const { thread: t } = await thread(member(), categoryId);
    await moderateThread(coord, t.threadId, { action: "lock", reason: "Erledigt" });
    await expect(reply(member(), t.threadId, { body: "Noch was" })).rejects.toMatchObject({ kind: "conflict", code: "thread_locked" });
    await reply(coord, t.threadId, { body: "Geschlossen, weil erledigt." });
    await moderateThread(coord, t.threadId, { action: "unlock" });
    await reply(member(), t.threadId, { body: "Wieder offen" });
    expect((await getThread(t.threadId))?.postCount).toBe(3);
  });

  it("hiding a thread takes it and its posts out of the category for members; moving carries the counts", async () => {
    const coord = coordinator();
    const from = await category(coord);
    const to = await category(coord);
    const viewer = member();
    const { thread: t } = await thread(member(), from.categoryId, "Heikles Thema");
    await reply(member(), t.threadId, { body: "Antwort" });
    await moderateThread(coord, t.threadId, { action: "hide", reason: "Personenbezogene Daten" });
    expect(await getCategory(from.categoryId)).toMatchObject({ threadCount: 0, postCount: 0 });
    expect((await listThreads(viewer, from.categoryId)).threads).toEqual([]);
    expect((await listThreads(coord, from.categoryId)).threads.map((x) => x.status)).toEqual(["hidden"]);
    await expect(listPosts(viewer, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    expect((await listCategories(viewer)).find((c) => c.categoryId === from.categoryId)?.lastActivity).toBeNull();
    await moderateThread(coord, t.threadId, { action: "unhide" });
    await moveThread(coord, t.threadId, to.categoryId, "Passt besser");
    expect(await getCategory(from.categoryId)).toMatchObject({ threadCount: 0, postCount: 0 });
    expect(await getCategory(to.categoryId)).toMatchObject({ threadCount: 1, postCount: 2, lastThreadId: t.threadId });
    expect((await listThreads(viewer, to.categoryId)).threads.map((x) => x.threadId)).toEqual([t.threadId]);
    await expect(deleteCategory(coord, to.categoryId)).rejects.toMatchObject({ code: "category_not_empty" });
    await moderateThread(coord, t.threadId, { action: "delete" });
    expect(await getCategory(to.categoryId)).toMatchObject({ threadCount: 0, postCount: 0 });
    await expect(listPosts(coord, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
  });

  it("hidden posts show as placeholders to members and in full to coordinators", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const { thread: t } = await thread(member(), categoryId);
    const post = await reply(member(), t.threadId, { body: "Beleidigung" });
    const hidden = await moderatePost(coord, t.threadId, post.postId, { action: "hide", reason: "Ton" });
    expect(hidden).toMatchObject({ status: "hidden", bodyHtml: "<p>Beleidigung</p>\n" });
    expect((await listPosts(member(), t.threadId)).posts[1]).toMatchObject({ status: "hidden", bodyHtml: null });
    expect(await getCategory(categoryId)).toMatchObject({ postCount: 1 });
    await moderatePost(coord, t.threadId, post.postId, { action: "unhide" });
    expect(await getCategory(categoryId)).toMatchObject({ postCount: 2 });
    await expect(moderatePost(member(), t.threadId, post.postId, { action: "delete" })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("records every moderation action with who, when, what and the target", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const { thread: t } = await thread(member(), categoryId);
    const post = await reply(member(), t.threadId, { body: "Spam" });
    await updateCategory(coord, categoryId, { description: "Neu beschrieben" });
    await moderateThread(coord, t.threadId, { action: "pin", reason: "Wichtig" });
    await moderateThread(coord, t.threadId, { action: "lock" });
    await moderatePost(coord, t.threadId, post.postId, { action: "delete", reason: "Spam" });
    const { entries } = await listModLog(coord);
    const mine = entries.filter((e) => e.actorId === coord.userId);
    expect(mine.map((e) => e.action)).toEqual(["delete_post", "lock_thread", "pin_thread", "update_category", "create_category"]);
    expect(mine[0]).toMatchObject({ actorName: coord.name, threadId: t.threadId, postId: post.postId, details: { reason: "Spam", from: "visible" } });
    expect(Date.parse(mine[0]!.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    await expect(listModLog(member())).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("members report posts once; coordinators see the open queue and resolve reports", async () => {
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const [author, reporter] = [member(), member()];
    const { thread: t } = await thread(author, categoryId);
    const post = await reply(author, t.threadId, { body: "Fragwürdige **Aussage**" });
    await expect(reportPost(author, t.threadId, post.postId, "eigener Beitrag")).rejects.toMatchObject({ code: "own_post" });
    const report = await reportPost(reporter, t.threadId, post.postId, "Beleidigend");
    await expect(reportPost(reporter, t.threadId, post.postId, "nochmal")).rejects.toMatchObject({ code: "already_reported" });
    await expect(listReports(reporter, "open")).rejects.toMatchObject({ kind: "forbidden" });
    let open: Awaited<ReturnType<typeof listReports>>["reports"] = [];
    for (let cursor: string | null | undefined = undefined; ; ) {
      const page = await listReports(coord, "open", cursor ?? undefined);
      open = open.concat(page.reports);
      if (!page.cursor) break;
      cursor = page.cursor;
    }
    expect(open.find((r) => r.reportId === report.reportId)).toMatchObject({
      reason: "Beleidigend",
      reporterName: reporter.name,
      threadTitle: t.title,
      post: { authorName: author.name, excerpt: "Fragwürdige Aussage", status: "visible" },
    });
    await resolveReport(coord, report.reportId, { outcome: "dismissed", note: "Sachlich" });
    await expect(resolveReport(coord, report.reportId, { outcome: "actioned" })).rejects.toMatchObject({ code: "already_resolved" });
    const stillOpen = (await listReports(coord, "open")).reports.map((r) => r.reportId);
    expect(stillOpen).not.toContain(report.reportId);
    expect((await listReports(coord, "resolved")).reports.find((r) => r.reportId === report.reportId)).toMatchObject({ outcome: "dismissed", resolvedByName: coord.name });
    expect((await listModLog(coord)).entries.find((e) => e.reportId === report.reportId)).toMatchObject({ action: "resolve_report", details: { outcome: "dismissed" } });
  });
});

describe("the forum's code", () => {
  it("never scans the table", () => {
    const dir = join(import.meta.dirname, "../src/forum");
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file), "utf8"), file).not.toMatch(/\.scan\b|ScanCommand/);
    }
  });
});
