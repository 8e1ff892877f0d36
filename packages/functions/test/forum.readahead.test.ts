import { beforeAll, describe, expect, it } from "vitest";
import { getItems } from "@vernetzt/core/batch";
import { dynamo } from "@vernetzt/core/db";
import { markThreadRead } from "@vernetzt/core/forum/follow";
import { withReadAhead } from "@vernetzt/core/readahead";
import { category, member, thread } from "../../core/test/forum-fixtures";
import { forumReadAhead, forumRoutes } from "../src/routes/forum";
import { signedIn } from "./fixtures";

// The forum's read-ahead rules, through the whole app. Until the session middleware fetches a
// rule's keys itself, the test does it the same way: the keys read first (not counted), the
// request run inside withReadAhead. What the request then reads is the session's BatchGetItem
// plus whatever its handler still has to ask for.

const reads: string[] = [];
dynamo().middlewareStack.add(
  (next, context) => async (args) => {
    const command = (context.commandName ?? "").replace(/Command$/, "");
    // Only reads: the usage counters' occasional flush and the monthly active-member mark are writes.
    if (["GetItem", "BatchGetItem", "Query", "Scan"].includes(command)) reads.push(command);
    return next(args);
  },
  { step: "initialize", name: "forumReadAheadMeter" },
);

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

function ruleFor(path: string) {
  const rule = forumReadAhead.find((r) => r.path === path);
  if (!rule) throw new Error(`no read-ahead rule for ${path}`);
  return rule;
}

async function readsOf(rulePath: string, params: Record<string, string>, url: string) {
  const ops = ruleFor(rulePath).keys(params, viewer.user.userId);
  const items = await getItems(ops);
  reads.length = 0;
  const res = await withReadAhead(ops, items, () => viewer.browser.raw(url));
  expect(res.status).toBe(200);
  return { reads: [...reads], body: (await res.json()) as Record<string, unknown> };
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
    const page = await readsOf("/categories/:categoryId/threads", { categoryId }, `/api/forum/categories/${categoryId}/threads`);
    expect(page.reads).toEqual(["BatchGetItem", "Query"]);
    expect((page.body.threads as { threadId: string; unread: boolean }[]).map((t) => [t.threadId === threadId, t.unread])).toEqual([
      [false, true],
      [true, false],
    ]);

    const view = await readsOf("/threads/:threadId", { threadId }, `/api/forum/threads/${threadId}`);
    expect(view.reads).toEqual(["BatchGetItem", "GetItem"]);
    expect(view.body.thread).toMatchObject({ threadId, unread: false, category: { categoryId } });

    const posts = await readsOf("/threads/:threadId/posts", { threadId }, `/api/forum/threads/${threadId}/posts`);
    expect(posts.reads).toEqual(["BatchGetItem", "Query"]);
    expect(posts.body.posts).toHaveLength(1);

    const alone = await readsOf("/categories/:categoryId", { categoryId }, `/api/forum/categories/${categoryId}`);
    expect(alone.reads).toEqual(["BatchGetItem"]);
  });
});
