import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import { hitAll } from "@vernetzt/core/auth/rate-limit";
import { threadReaderOps } from "@vernetzt/core/forum/access";
import * as Categories from "@vernetzt/core/forum/categories";
import * as Follow from "@vernetzt/core/forum/follow";
import * as Groups from "@vernetzt/core/forum/groups";
import { suggestMembers } from "@vernetzt/core/forum/mentions";
import * as Moderation from "@vernetzt/core/forum/moderation";
import * as Notify from "@vernetzt/core/forum/notify";
import * as Posts from "@vernetzt/core/forum/posts";
import { search } from "@vernetzt/core/forum/search";
import * as Threads from "@vernetzt/core/forum/threads";
import {
  CategoryId,
  CategoryInput,
  CategoryUpdate,
  FollowInput,
  GroupId,
  GroupInput,
  GroupRoleInput,
  GroupUpdate,
  InviteInput,
  ListQuery,
  MentionQuery,
  MoveInput,
  NotificationsReadInput,
  PostId,
  PostListQuery,
  PostModerationInput,
  PostUpdate,
  ReadInput,
  ReplyInput,
  ReportId,
  ReportInput,
  ReportListQuery,
  ResolveInput,
  SearchQuery,
  SettingsInput,
  ThreadId,
  ThreadInput,
  ThreadModerationInput,
  ThreadUpdate,
  UnsubscribeInput,
  UnsubscribeQuery,
  UserId,
} from "@vernetzt/core/forum/schema";
import { HOUR, MINUTE } from "@vernetzt/core/time";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import type { ReadAheadRule } from "../readahead";
import { invalidInput } from "../validate";

const CategoryParam = v.object({ categoryId: CategoryId });
const ThreadParam = v.object({ threadId: ThreadId });
const PostParam = v.object({ threadId: ThreadId, postId: PostId });
const GroupParam = v.object({ groupId: GroupId });
const GroupMemberParam = v.object({ groupId: GroupId, userId: UserId });
const ReportParam = v.object({ reportId: ReportId });

/**
 * Items the forum's reading pages fetch with the session (paths below "/forum"): the category
 * page its category and the member's read markers for it, the thread page and its posts the
 * thread with the member's follow and read marker. Malformed ids read nothing ahead; the route's
 * own validation answers them.
 */
export const forumReadAhead: ReadAheadRule[] = [
  { path: "/categories/:categoryId", keys: ({ categoryId }) => (v.is(CategoryId, categoryId) ? [Categories.categoryOp(categoryId)] : []) },
  { path: "/categories/:categoryId/threads", keys: ({ categoryId }, userId) => (v.is(CategoryId, categoryId) ? Categories.categoryPageOps(userId, categoryId) : []) },
  { path: "/threads/:threadId", keys: ({ threadId }, userId) => (v.is(ThreadId, threadId) ? threadReaderOps(userId, threadId) : []) },
  { path: "/threads/:threadId/posts", keys: ({ threadId }, userId) => (v.is(ThreadId, threadId) ? threadReaderOps(userId, threadId) : []) },
];

/** New threads and replies: enough for a lively discussion, too few for a flood. */
const postingLimit = (c: Context<AppEnv>) => hitAll([{ key: `forum:post:${currentUser(c).userId}`, max: 10, windowMs: 10 * MINUTE }]);
const reportingLimit = (c: Context<AppEnv>) => hitAll([{ key: `forum:report:${currentUser(c).userId}`, max: 20, windowMs: HOUR }]);

/** The forum, for approved members; its unsubscribe links work without signing in. */
export const forumRoutes = new Hono<AppEnv>()
  .get("/unsubscribe", sValidator("query", UnsubscribeQuery, invalidInput), async (c) => c.json(await Notify.describeUnsubscribe(c.req.valid("query").token), 200))
  .post("/unsubscribe", sValidator("json", UnsubscribeInput, invalidInput), async (c) => {
    const { token, all } = c.req.valid("json");
    return c.json(await Notify.unsubscribe(token, all), 200);
  })
  .use(requireMember)

  // Categories and threads
  .get("/categories", async (c) => c.json({ categories: await Categories.listCategories(currentUser(c)) }, 200))
  .post("/categories", requireStaff, sValidator("json", CategoryInput, invalidInput), async (c) => {
    return c.json({ category: await Categories.createCategory(currentUser(c), c.req.valid("json")) }, 201);
  })
  .get("/categories/:categoryId", sValidator("param", CategoryParam, invalidInput), async (c) => {
    return c.json({ category: await Categories.getCategoryView(currentUser(c), c.req.valid("param").categoryId) }, 200);
  })
  .patch("/categories/:categoryId", requireStaff, sValidator("param", CategoryParam, invalidInput), sValidator("json", CategoryUpdate, invalidInput), async (c) => {
    return c.json({ category: await Categories.updateCategory(currentUser(c), c.req.valid("param").categoryId, c.req.valid("json")) }, 200);
  })
  .delete("/categories/:categoryId", requireStaff, sValidator("param", CategoryParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await Categories.deleteCategory(currentUser(c), c.req.valid("param").categoryId);
    return c.json({ deleted: true as const }, 200);
  })
  .get("/categories/:categoryId/threads", sValidator("param", CategoryParam, invalidInput), sValidator("query", ListQuery, invalidInput), async (c) => {
    return c.json(await Categories.getCategoryWithThreads(currentUser(c), c.req.valid("param").categoryId, c.req.valid("query").cursor), 200);
  })
  .post("/categories/:categoryId/threads", sValidator("param", CategoryParam, invalidInput), sValidator("json", ThreadInput, invalidInput), async (c) => {
    await postingLimit(c);
    return c.json(await Threads.createThread(currentUser(c), c.req.valid("param").categoryId, c.req.valid("json")), 201);
  })
  .get("/threads/:threadId", sValidator("param", ThreadParam, invalidInput), async (c) => {
    return c.json({ thread: await Threads.getThreadView(currentUser(c), c.req.valid("param").threadId) }, 200);
  })
  .patch("/threads/:threadId", sValidator("param", ThreadParam, invalidInput), sValidator("json", ThreadUpdate, invalidInput), async (c) => {
    return c.json({ thread: await Threads.editThreadTitle(currentUser(c), c.req.valid("param").threadId, c.req.valid("json").title) }, 200);
  })
  .get("/threads/:threadId/posts", sValidator("param", ThreadParam, invalidInput), sValidator("query", PostListQuery, invalidInput), async (c) => {
    return c.json(await Posts.listPosts(currentUser(c), c.req.valid("param").threadId, c.req.valid("query")), 200);
  })
  .post("/threads/:threadId/posts", sValidator("param", ThreadParam, invalidInput), sValidator("json", ReplyInput, invalidInput), async (c) => {
    await postingLimit(c);
    return c.json({ post: await Posts.reply(currentUser(c), c.req.valid("param").threadId, c.req.valid("json")) }, 201);
  })
  .patch("/threads/:threadId/posts/:postId", sValidator("param", PostParam, invalidInput), sValidator("json", PostUpdate, invalidInput), async (c) => {
    const { threadId, postId } = c.req.valid("param");
    return c.json({ post: await Posts.editPost(currentUser(c), threadId, postId, c.req.valid("json").body) }, 200);
  })
  .delete("/threads/:threadId/posts/:postId", sValidator("param", PostParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { threadId, postId } = c.req.valid("param");
    return c.json({ post: await Posts.deleteOwnPost(currentUser(c), threadId, postId) }, 200);
  })
  .post("/threads/:threadId/read", sValidator("param", ThreadParam, invalidInput), sValidator("json", ReadInput, invalidInput), async (c) => {
    return c.json(await Notify.readThread(currentUser(c), c.req.valid("param").threadId, c.req.valid("json").postId), 200);
  })
  .put("/threads/:threadId/follow", sValidator("param", ThreadParam, invalidInput), sValidator("json", FollowInput, invalidInput), async (c) => {
    return c.json({ following: await Follow.setFollowing(currentUser(c), c.req.valid("param").threadId, c.req.valid("json").following) }, 200);
  })
  .post("/threads/:threadId/posts/:postId/report", sValidator("param", PostParam, invalidInput), sValidator("json", ReportInput, invalidInput), async (c) => {
    await reportingLimit(c);
    const { threadId, postId } = c.req.valid("param");
    return c.json({ report: await Moderation.reportPost(currentUser(c), threadId, postId, c.req.valid("json").reason) }, 201);
  })

  // Moderation (coordinators)
  .post("/threads/:threadId/moderate", requireStaff, sValidator("param", ThreadParam, invalidInput), sValidator("json", ThreadModerationInput, invalidInput), async (c) => {
    return c.json({ thread: await Moderation.moderateThread(currentUser(c), c.req.valid("param").threadId, c.req.valid("json")) }, 200);
  })
  .post("/threads/:threadId/move", requireStaff, sValidator("param", ThreadParam, invalidInput), sValidator("json", MoveInput, invalidInput), async (c) => {
    const { categoryId, reason } = c.req.valid("json");
    return c.json({ thread: await Moderation.moveThread(currentUser(c), c.req.valid("param").threadId, categoryId, reason) }, 200);
  })
  .post("/threads/:threadId/posts/:postId/moderate", requireStaff, sValidator("param", PostParam, invalidInput), sValidator("json", PostModerationInput, invalidInput), async (c) => {
    const { threadId, postId } = c.req.valid("param");
    return c.json({ post: await Moderation.moderatePost(currentUser(c), threadId, postId, c.req.valid("json")) }, 200);
  })
  .get("/reports", requireStaff, sValidator("query", ReportListQuery, invalidInput), async (c) => {
    const { status, cursor } = c.req.valid("query");
    return c.json(await Moderation.listReports(currentUser(c), status, cursor), 200);
  })
  .post("/reports/:reportId/resolve", requireStaff, sValidator("param", ReportParam, invalidInput), sValidator("json", ResolveInput, invalidInput), async (c) => {
    return c.json({ report: await Moderation.resolveReport(currentUser(c), c.req.valid("param").reportId, c.req.valid("json")) }, 200);
  })
  .get("/moderation-log", requireStaff, sValidator("query", ListQuery, invalidInput), async (c) => {
    return c.json(await Moderation.listModLog(currentUser(c), c.req.valid("query").cursor), 200);
  })

  // Search, mentions, notifications, settings
  .get("/search", sValidator("query", SearchQuery, invalidInput), async (c) => {
    const { q, cursor } = c.req.valid("query");
    return c.json(await search(currentUser(c), q, cursor), 200);
  })
  .get("/mentions", sValidator("query", MentionQuery, invalidInput), async (c) => c.json({ members: await suggestMembers(currentUser(c), c.req.valid("query").q) }, 200))
  .get("/notifications", sValidator("query", ListQuery, invalidInput), async (c) => {
    return c.json(await Notify.listNotifications(currentUser(c), c.req.valid("query").cursor), 200);
  })
  .get("/notifications/unread-count", async (c) => c.json({ unreadCount: await Notify.unreadCount(currentUser(c).userId) }, 200))
  .post("/notifications/read", sValidator("json", NotificationsReadInput, invalidInput), async (c) => {
    return c.json({ unreadCount: await Notify.markNotificationsRead(currentUser(c), c.req.valid("json").notificationIds) }, 200);
  })
  .get("/settings", async (c) => c.json({ settings: await Follow.getForumSettings(currentUser(c).userId) }, 200))
  .put("/settings", sValidator("json", SettingsInput, invalidInput), async (c) => {
    return c.json({ settings: await Follow.setForumSettings(currentUser(c).userId, c.req.valid("json")) }, 200);
  })

  // Closed groups
  .get("/groups", async (c) => c.json({ groups: await Groups.listGroups(currentUser(c)) }, 200))
  .post("/groups", requireStaff, sValidator("json", GroupInput, invalidInput), async (c) => {
    return c.json({ group: await Groups.createGroup(currentUser(c), c.req.valid("json")) }, 201);
  })
  .get("/groups/:groupId", sValidator("param", GroupParam, invalidInput), async (c) => {
    return c.json({ group: await Groups.getGroupView(currentUser(c), c.req.valid("param").groupId) }, 200);
  })
  .patch("/groups/:groupId", requireStaff, sValidator("param", GroupParam, invalidInput), sValidator("json", GroupUpdate, invalidInput), async (c) => {
    return c.json({ group: await Groups.updateGroup(currentUser(c), c.req.valid("param").groupId, c.req.valid("json")) }, 200);
  })
  .get("/groups/:groupId/members", sValidator("param", GroupParam, invalidInput), async (c) => {
    return c.json({ members: await Groups.listGroupMembers(currentUser(c), c.req.valid("param").groupId) }, 200);
  })
  .post("/groups/:groupId/request", sValidator("param", GroupParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    return c.json({ group: await Groups.requestMembership(currentUser(c), c.req.valid("param").groupId) }, 200);
  })
  .post("/groups/:groupId/accept", sValidator("param", GroupParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    return c.json({ group: await Groups.acceptInvitation(currentUser(c), c.req.valid("param").groupId) }, 200);
  })
  .post("/groups/:groupId/leave", sValidator("param", GroupParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    return c.json({ group: await Groups.leaveGroup(currentUser(c), c.req.valid("param").groupId) }, 200);
  })
  .post("/groups/:groupId/invitations", sValidator("param", GroupParam, invalidInput), sValidator("json", InviteInput, invalidInput), async (c) => {
    return c.json({ member: await Groups.inviteMember(currentUser(c), c.req.valid("param").groupId, c.req.valid("json").userId) }, 201);
  })
  .post("/groups/:groupId/members/:userId/approve", sValidator("param", GroupMemberParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { groupId, userId } = c.req.valid("param");
    return c.json({ member: await Groups.approveRequest(currentUser(c), groupId, userId) }, 200);
  })
  .delete("/groups/:groupId/members/:userId", sValidator("param", GroupMemberParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { groupId, userId } = c.req.valid("param");
    await Groups.removeMember(currentUser(c), groupId, userId);
    return c.json({ removed: true as const }, 200);
  })
  .put("/groups/:groupId/members/:userId/role", requireStaff, sValidator("param", GroupMemberParam, invalidInput), sValidator("json", GroupRoleInput, invalidInput), async (c) => {
    const { groupId, userId } = c.req.valid("param");
    return c.json({ member: await Groups.setGroupRole(currentUser(c), groupId, userId, c.req.valid("json").role) }, 200);
  });
