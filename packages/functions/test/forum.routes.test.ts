import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, inviteMember } from "@vernetzt/core/forum/groups";
import { POST_MAX, TITLE_MAX } from "@vernetzt/core/forum/schema";
import { reply } from "@vernetzt/core/forum/posts";
import { sendReplyDigests } from "@vernetzt/core/forum/notify";
import { category, group, member, storedMember, thread } from "../../core/test/forum-fixtures";
import { lastMailTo, tokenFrom } from "../../core/test/mail";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

let coordinator: Awaited<ReturnType<typeof signedIn>>;
let volunteer: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  [coordinator, volunteer] = await Promise.all([signedIn("coordinator"), signedIn("volunteer")]);
});

describe("forum through the API", () => {
  it("a coordinator opens a category; members start threads, reply and page through the posts", async () => {
    const created = await coordinator.browser.api.forum.categories.$post({ json: { name: "Wohnen", description: "Wohnungssuche und Mietrecht", postingPolicy: "members" } });
    expect(created.status).toBe(201);
    const { category: cat } = await created.json();
    const started = await volunteer.browser.api.forum.categories[":categoryId"].threads.$post({ param: { categoryId: cat.categoryId }, json: { title: "Wer kennt sich mit Mietrecht aus?", body: "Familie aus **Syrien** sucht Rat." } });
    expect(started.status).toBe(201);
    const { thread: t, post: opening } = await started.json();
    expect(opening.bodyHtml).toBe("<p>Familie aus <strong>Syrien</strong> sucht Rat.</p>\n");
    const answered = await coordinator.browser.api.forum.threads[":threadId"].posts.$post({ param: { threadId: t.threadId }, json: { body: "Die Beratungsstelle hilft.", quotedPostId: opening.postId } });
    expect(answered.status).toBe(201);
    const { post: answer } = await answered.json();
    expect(answer.quote).toMatchObject({ postId: opening.postId, excerpt: "Familie aus Syrien sucht Rat." });

    const listed = await volunteer.browser.api.forum.categories[":categoryId"].threads.$get({ param: { categoryId: cat.categoryId }, query: {} });
    const { category: listedCategory, threads } = await listed.json();
    expect(listedCategory).toMatchObject({ threadCount: 1, postCount: 2 });
    expect(threads.map((x) => [x.threadId, x.replyCount, x.unread])).toEqual([[t.threadId, 1, true]]);
    const posts = await volunteer.browser.api.forum.threads[":threadId"].posts.$get({ param: { threadId: t.threadId }, query: {} });
    const page = await posts.json();
    expect(page.posts.map((p) => [p.postId, p.isNew])).toEqual([
      [opening.postId, false],
      [answer.postId, true],
    ]);
    const read = await volunteer.browser.api.forum.threads[":threadId"].read.$post({ param: { threadId: t.threadId }, json: { postId: answer.postId } });
    expect(await read.json()).toEqual({ lastReadPostId: answer.postId, unreadCount: 0 });
  });

  it("limits posting to 10 posts in 10 minutes per member", async () => {
    const { browser, user } = await signedIn("volunteer");
    const { categoryId } = await category(coordinator.user);
    const { thread: t } = await thread(user, categoryId);
    for (let i = 0; i < 10; i++) {
      const res = await browser.api.forum.threads[":threadId"].posts.$post({ param: { threadId: t.threadId }, json: { body: `Beitrag ${i}` } });
      expect(res.status).toBe(201);
    }
    const refused = await browser.api.forum.threads[":threadId"].posts.$post({ param: { threadId: t.threadId }, json: { body: "Einer zu viel" } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    const newThread = await browser.api.forum.categories[":categoryId"].threads.$post({ param: { categoryId }, json: { title: "Noch ein Thema", body: "x" } });
    expect(newThread.status).toBe(429);
  });

  it("rejects bad input with 4xx and the fields named", async () => {
    const { categoryId } = await category(coordinator.user);
    const { thread: t } = await thread(volunteer.user, categoryId);
    const b = volunteer.browser;
    const cases: [string, RequestInit & { json?: unknown }, number, Record<string, string> | string][] = [
      [`/api/forum/categories/${categoryId}/threads`, { json: { title: "x".repeat(TITLE_MAX + 1), body: "ok" } }, 400, { title: "too_long" }],
      [`/api/forum/categories/${categoryId}/threads`, { json: { title: "Titel", body: "x".repeat(POST_MAX + 1) } }, 400, { body: "too_long" }],
      [`/api/forum/categories/${categoryId}/threads`, { json: { title: "  ", body: "" } }, 400, { title: "required", body: "required" }],
      [`/api/forum/categories/${categoryId}/threads`, { json: { title: "Titel", body: "x", pinned: true } }, 400, { pinned: "unknown_field" }],
      [`/api/forum/threads/${t.threadId}/posts`, { json: { body: "x", quotedPostId: "pst_nope" } }, 400, { quotedPostId: "invalid_id" }],
      [`/api/forum/threads/${t.threadId}/posts`, { json: { body: "x", quotedPostId: `pst_${"0".repeat(26)}` } }, 400, { quotedPostId: "not_found" }],
      [`/api/forum/threads/thr_nope/posts`, {}, 400, { threadId: "invalid_id" }],
      [`/api/forum/threads/${t.threadId}/posts?cursor=nonsense`, {}, 400, { cursor: "invalid_cursor" }],
      [`/api/forum/threads/${t.threadId}/posts?limit=5`, {}, 400, { limit: "unknown_field" }],
      [`/api/forum/search?q=x`, {}, 400, { q: "too_short" }],
      [`/api/forum/search?q=wohnung&cursor=bm9wZQ`, {}, 400, { cursor: "invalid_cursor" }],
      [`/api/forum/threads/thr_${"0".repeat(26)}`, {}, 404, "thread_not_found"],
      [`/api/forum/unsubscribe?token=short`, {}, 400, { token: "invalid_token" }],
    ];
    for (const [path, init, status, expected] of cases) {
      const res = await b.raw(path, init);
      expect(res.status, path).toBe(status);
      const { error } = (await res.json()) as { error: { code: string; fields?: Record<string, string> } };
      if (typeof expected === "string") expect(error.code, path).toBe(expected);
      else expect(error.fields, path).toEqual(expected);
    }
    const notJson = await b.raw(`/api/forum/threads/${t.threadId}/posts`, { method: "POST", body: "body=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(400);
  });

  it("refuses replies to locked threads", async () => {
    const { categoryId } = await category(coordinator.user);
    const { thread: t } = await thread(volunteer.user, categoryId);
    const locked = await coordinator.browser.api.forum.threads[":threadId"].moderate.$post({ param: { threadId: t.threadId }, json: { action: "lock", reason: "Erledigt" } });
    expect(await locked.json()).toMatchObject({ thread: { locked: true, canReply: true } });
    const res = await volunteer.browser.api.forum.threads[":threadId"].posts.$post({ param: { threadId: t.threadId }, json: { body: "Noch was" } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "thread_locked" } });
    const view = await volunteer.browser.api.forum.threads[":threadId"].$get({ param: { threadId: t.threadId } });
    expect(await view.json()).toMatchObject({ thread: { locked: true, canReply: false } });
    const log = await coordinator.browser.api.forum["moderation-log"].$get({ query: {} });
    expect((await log.json()).entries.find((e) => e.threadId === t.threadId)).toMatchObject({ action: "lock_thread", actorId: coordinator.user.userId, details: { reason: "Erledigt" } });
  });

  it("keeps a closed group's category, threads and search hits from non-members", async () => {
    const g = await group(coordinator.user);
    const { categoryId } = await category(coordinator.user, { groupId: g.groupId });
    const insider = await storedMember();
    await inviteMember(coordinator.user, g.groupId, insider.userId);
    await acceptInvitation(insider, g.groupId);
    const word = `zq${Math.random().toString(36).slice(2, 8).replace(/\d/g, "k")}`;
    const { thread: t } = await thread(insider, categoryId, `Supervision ${word}`);
    const b = volunteer.browser;
    expect((await b.api.forum.categories[":categoryId"].$get({ param: { categoryId } })).status).toBe(404);
    expect((await b.api.forum.categories[":categoryId"].threads.$get({ param: { categoryId }, query: {} })).status).toBe(404);
    expect((await b.api.forum.threads[":threadId"].$get({ param: { threadId: t.threadId } })).status).toBe(404);
    expect((await b.api.forum.threads[":threadId"].posts.$get({ param: { threadId: t.threadId }, query: {} })).status).toBe(404);
    expect((await (await b.api.forum.categories.$get()).json()).categories.map((c) => c.categoryId)).not.toContain(categoryId);
    expect((await (await b.api.forum.search.$get({ query: { q: word } })).json()).results).toEqual([]);
    const coordinatorSearch = await (await coordinator.browser.api.forum.search.$get({ query: { q: word } })).json();
    expect(coordinatorSearch.results.map((r) => r.threadId)).toEqual([t.threadId]);
  });

  it("unsubscribes from a thread by the e-mailed link, without a session", async () => {
    const { categoryId } = await category(coordinator.user);
    const follower = await storedMember();
    const { thread: t } = await thread(follower, categoryId, "Sprachcafé");
    await reply(member(), t.threadId, { body: "Neue Termine" });
    await sendReplyDigests();
    const token = tokenFrom(await lastMailTo(follower.email, /Neue Beiträge/), "/forum/unsubscribe");
    const stranger = new BrowserSession();
    const described = await stranger.api.forum.unsubscribe.$get({ query: { token } });
    expect(await described.json()).toEqual({ threadId: t.threadId, threadTitle: "Sprachcafé", following: true });
    const done = await stranger.api.forum.unsubscribe.$post({ json: { token } });
    expect(await done.json()).toMatchObject({ threadId: t.threadId, following: false, emailNotifications: true });
    expect(stranger.cookies.size).toBe(0);
    expect(await (await stranger.api.forum.unsubscribe.$get({ query: { token } })).json()).toMatchObject({ following: false });
  });

  it("shows mentions in the notification list with an unread count until marked read; shared names notify nobody", async () => {
    const { browser, user } = await signedIn("volunteer");
    const { categoryId } = await category(coordinator.user);
    const { thread: t } = await thread(volunteer.user, categoryId);
    const post = (body: string) => volunteer.browser.api.forum.threads[":threadId"].posts.$post({ param: { threadId: t.threadId }, json: { body } });
    // Every fixture member is called "Test volunteer": a name several members share is not resolved.
    expect((await (await post(`Frag @[${user.name}]!`)).json()).post.mentions).toEqual([]);
    const name = `Nour Haddad ${Math.random().toString(36).slice(2, 6)}`;
    await browser.api.account.$patch({ json: { name } });
    expect((await (await post(`Frag @[${name}]!`)).json()).post.mentions).toEqual([{ userId: user.userId, name }]);
    expect(await (await browser.api.forum.notifications["unread-count"].$get()).json()).toEqual({ unreadCount: 1 });
    const { notifications } = await (await browser.api.forum.notifications.$get({ query: {} })).json();
    expect(notifications[0]).toMatchObject({ kind: "mention", threadId: t.threadId, read: false });
    const marked = await browser.api.forum.notifications.read.$post({ json: { notificationIds: [notifications[0]!.notificationId] } });
    expect(await marked.json()).toEqual({ unreadCount: 0 });
  });
});
