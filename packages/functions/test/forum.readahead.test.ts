import { beforeAll, describe, expect, it } from "vitest";
import { dynamo } from "@vernetzt/core/db";
import { markThreadRead } from "@vernetzt/core/forum/follow";
import { category, member, thread } from "../../core/test/forum-fixtures";
import { forumReadAhead, forumRoutes } from "../src/routes/forum";
import { meterDynamo } from "../bench/roundtrips";
import { signedIn } from "./fixtures";

// The forum's read-ahead rules, through the whole app: the session middleware fetches a rule's
// keys in the session's BatchGetItem, so what a request reads is that one BatchGetItem plus
// whatever its handler still has to ask for.

const meter = meterDynamo(dynamo());
/** Only reads: the usage counters' occasional flush and the monthly active-member mark are writes. */
const READS = new Set(["GetItem", "BatchGetItem", "Query", "Scan"]);

let viewer: Awaited<ReturnType<typeof signedIn>>;
let categoryId: string;
let threadId: string;

beforeAll(async () => {
  viewer = await signedIn("volunteer");
  const coordinator = await signedIn("coordinator");
  ({ categoryId } = await category(coordinator.user));
  const started = await thread(member(), categoryId);
  threadId = started.thread.threadId;
  await thread(member(), categoryId);
  await markThreadRead(viewer.user, threadId, started.post.postId);
});

async function readsOf(url: string) {
  meter.calls = [];
  const res = await viewer.browser.raw(url);
  expect(res.status).toBe(200);
  return { reads: meter.calls.map((c) => c.command).filter((command) => READS.has(command)), body: (await res.json()) as Record<string, unknown> };
}

describe("forum read-ahead rules", () => {
  it("name GET routes of the forum, below its prefix", () => {
    const gets = new Set(forumRoutes.routes.filter((r) => r.method === "GET").map((r) => r.path));
    expect(forumReadAhead.map((r) => r.path).sort()).toEqual(["/categories/:categoryId", "/categories/:categoryId/threads", "/threads/:threadId", "/threads/:threadId/posts"]);
    for (const rule of forumReadAhead) expect(gets).toContain(rule.path);
  });

  it("read nothing ahead for malformed ids", () => {
    for (const rule of forumReadAhead) expect(rule.keys({ categoryId: "x", threadId: "../usr_1" }, "usr_1")).toEqual([]);
  });

  it("leave the category page, the thread and its posts one read each beside the session", async () => {
    const page = await readsOf(`/api/forum/categories/${categoryId}/threads`);
    expect(page.reads).toEqual(["BatchGetItem", "Query"]);
    expect((page.body.threads as { threadId: string; unread: boolean }[]).map((t) => [t.threadId === threadId, t.unread])).toEqual([
      [false, true],
      [true, false],
    ]);

    const view = await readsOf(`/api/forum/threads/${threadId}`);
    expect(view.reads).toEqual(["BatchGetItem", "GetItem"]);
    expect(view.body.thread).toMatchObject({ threadId, unread: false, category: { categoryId } });

    const posts = await readsOf(`/api/forum/threads/${threadId}/posts`);
    expect(posts.reads).toEqual(["BatchGetItem", "Query"]);
    expect(posts.body.posts).toHaveLength(1);

    const alone = await readsOf(`/api/forum/categories/${categoryId}`);
    expect(alone.reads).toEqual(["BatchGetItem"]);
  });
});
