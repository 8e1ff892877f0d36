// Forum inputs, shared by the API (validation at the edge) and the web's forms.
import * as v from "valibot";
import { GROUP_ROLES, POSTING_POLICIES, REPORT_OUTCOMES, REPORT_STATUSES } from "./forum.entity";

export const TITLE_MAX = 200;
export const POST_MAX = 20_000;

const Text = (min: number, max: number) =>
  v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.minLength(min, "too_short"), v.maxLength(max, "too_long"));
const id = (prefix: string) => v.pipe(v.string(), v.regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), "invalid_id"));

export const CategoryId = id("fca");
export const ThreadId = id("thr");
export const PostId = id("pst");
export const GroupId = id("fgr");
export const ReportId = id("frp");
export const NotificationId = id("fnt");
export const UserId = id("usr");
const Cursor = v.pipe(v.string(), v.maxLength(2048, "too_long"));

export const CategoryInput = v.strictObject(
  {
    name: Text(2, 80),
    description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long")), ""),
    position: v.optional(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(0, "too_small"), v.maxValue(999, "too_large")), 0),
    postingPolicy: v.optional(v.picklist(POSTING_POLICIES, "invalid_choice"), "members"),
    /** A closed group's category; absent or null for everyone's. Fixed once created. */
    groupId: v.optional(v.nullable(GroupId)),
  },
  "unknown_field",
);
export type CategoryInput = v.InferOutput<typeof CategoryInput>;

export const CategoryUpdate = v.strictObject(
  {
    name: v.optional(CategoryInput.entries.name),
    description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"))),
    position: v.optional(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(0, "too_small"), v.maxValue(999, "too_large"))),
    postingPolicy: v.optional(v.picklist(POSTING_POLICIES, "invalid_choice")),
  },
  "unknown_field",
);
export type CategoryUpdate = v.InferOutput<typeof CategoryUpdate>;

const Body = v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(POST_MAX, "too_long"));
const Title = Text(3, TITLE_MAX);

export const ThreadInput = v.strictObject({ title: Title, body: Body }, "unknown_field");
export type ThreadInput = v.InferOutput<typeof ThreadInput>;
export const ThreadUpdate = v.strictObject({ title: Title }, "unknown_field");
export const ReplyInput = v.strictObject({ body: Body, quotedPostId: v.optional(v.nullable(PostId)) }, "unknown_field");
export type ReplyInput = v.InferOutput<typeof ReplyInput>;
export const PostUpdate = v.strictObject({ body: Body }, "unknown_field");

export const ListQuery = v.strictObject({ cursor: v.optional(Cursor) }, "unknown_field");
export const PostListQuery = v.strictObject(
  {
    cursor: v.optional(Cursor),
    /** Start after this post, e.g. the last one read: jumps to what is new. */
    after: v.optional(PostId),
  },
  "unknown_field",
);
export const SearchQuery = v.strictObject(
  { q: v.pipe(v.string("required"), v.trim(), v.minLength(2, "too_short"), v.maxLength(200, "too_long")), cursor: v.optional(Cursor) },
  "unknown_field",
);
export const MentionQuery = v.strictObject({ q: v.pipe(v.string("required"), v.trim(), v.minLength(1, "too_short"), v.maxLength(100, "too_long")) }, "unknown_field");

export const ReadInput = v.strictObject({ postId: PostId }, "unknown_field");
export const FollowInput = v.strictObject({ following: v.boolean("required") }, "unknown_field");
export const ThreadModerationInput = v.strictObject(
  {
    action: v.picklist(["pin", "unpin", "lock", "unlock", "hide", "unhide", "delete"], "invalid_choice"),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"))),
  },
  "unknown_field",
);
export type ThreadModerationInput = v.InferOutput<typeof ThreadModerationInput>;
export const MoveInput = v.strictObject({ categoryId: CategoryId, reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"))) }, "unknown_field");
export const PostModerationInput = v.strictObject(
  {
    action: v.picklist(["hide", "unhide", "delete"], "invalid_choice"),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"))),
  },
  "unknown_field",
);
export type PostModerationInput = v.InferOutput<typeof PostModerationInput>;
export const ReportInput = v.strictObject({ reason: Text(3, 1000) }, "unknown_field");
export const ReportListQuery = v.strictObject(
  { status: v.optional(v.picklist(REPORT_STATUSES, "invalid_choice"), "open"), cursor: v.optional(Cursor) },
  "unknown_field",
);
export const ResolveInput = v.strictObject(
  { outcome: v.picklist(REPORT_OUTCOMES, "invalid_choice"), note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000, "too_long"))) },
  "unknown_field",
);

export const GroupInput = v.strictObject({ name: Text(2, 80), description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long")), "") }, "unknown_field");
export type GroupInput = v.InferOutput<typeof GroupInput>;
export const GroupUpdate = v.strictObject(
  { name: v.optional(GroupInput.entries.name), description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"))) },
  "unknown_field",
);
export const InviteInput = v.strictObject({ userId: UserId }, "unknown_field");
export const GroupRoleInput = v.strictObject({ role: v.picklist(GROUP_ROLES, "invalid_choice") }, "unknown_field");

export const NotificationsReadInput = v.strictObject(
  {
    /** The notifications to mark read; absent marks all. */
    notificationIds: v.optional(v.pipe(v.array(NotificationId), v.maxLength(100, "too_many"))),
  },
  "unknown_field",
);
export const SettingsInput = v.strictObject({ emailNotifications: v.boolean("required") }, "unknown_field");
const Token = v.pipe(v.string("required"), v.regex(/^[A-Za-z0-9_-]{43}$/, "invalid_token"));
export const UnsubscribeQuery = v.strictObject({ token: Token }, "unknown_field");
export const UnsubscribeInput = v.strictObject(
  {
    token: Token,
    /** Also stop every other forum e-mail (the member's global setting). */
    all: v.optional(v.boolean(), false),
  },
  "unknown_field",
);
