import { Entity, type EntityItem } from "electrodb";

/** Who may start threads and reply in a category. */
export const POSTING_POLICIES = ["members", "coordinators"] as const;
export type PostingPolicy = (typeof POSTING_POLICIES)[number];
/** The scope of categories outside any group. */
export const PUBLIC_SCOPE = "public";
/** Threads and posts are never erased: hidden ones wait for a coordinator, deleted ones keep their place. */
export const CONTENT_STATUSES = ["visible", "hidden", "deleted"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const MEMBERSHIP_STATUSES = ["invited", "requested", "member"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const GROUP_ROLES = ["member", "moderator"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const NOTIFICATION_KINDS = ["mention", "reply", "quote", "group_invitation", "group_request", "group_approved"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const REPORT_STATUSES = ["open", "resolved"] as const;
export const REPORT_OUTCOMES = ["dismissed", "actioned"] as const;
export const MOD_ACTIONS = [
  "create_category",
  "update_category",
  "delete_category",
  "create_group",
  "update_group",
  "pin_thread",
  "unpin_thread",
  "lock_thread",
  "unlock_thread",
  "hide_thread",
  "unhide_thread",
  "delete_thread",
  "move_thread",
  "hide_post",
  "unhide_post",
  "delete_post",
  "resolve_report",
  "invite_member",
  "approve_member",
  "remove_member",
  "set_group_role",
] as const;
export type ModAction = (typeof MOD_ACTIONS)[number];

export const ForumCategoryEntity = new Entity({
  model: { service: "vernetzt", entity: "forumCategory", version: "1" },
  attributes: {
    categoryId: { type: "string", required: true, readOnly: true },
    /** "public", or the id of the closed group the category belongs to. */
    scope: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    position: { type: "number", required: true, default: 0 },
    postingPolicy: { type: POSTING_POLICIES, required: true, default: "members" },
    /** Visible threads and the visible posts in them; changed only by ADD in the transaction that changes them. */
    threadCount: { type: "number", required: true, default: 0 },
    postCount: { type: "number", required: true, default: 0 },
    lastActivityAt: { type: "string" },
    lastThreadId: { type: "string" },
    lastThreadTitle: { type: "string" },
    lastAuthorName: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["categoryId"] },
      sk: { field: "sk", composite: [] },
    },
    byScope: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["scope"] },
      sk: { field: "gsi1sk", composite: ["categoryId"] },
    },
  },
});
export type ForumCategoryItem = EntityItem<typeof ForumCategoryEntity>;

export const ForumThreadEntity = new Entity({
  model: { service: "vernetzt", entity: "forumThread", version: "1" },
  attributes: {
    threadId: { type: "string", required: true, readOnly: true },
    categoryId: { type: "string", required: true },
    title: { type: "string", required: true },
    authorId: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true },
    openingPostId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    editedAt: { type: "string" },
    lastActivityAt: { type: "string", required: true },
    lastPostId: { type: "string", required: true },
    lastAuthorName: { type: "string", required: true },
    /** Visible posts, the opening post included. */
    postCount: { type: "number", required: true, default: 0 },
    pinned: { type: "boolean", required: true, default: false },
    locked: { type: "boolean", required: true, default: false },
    status: { type: CONTENT_STATUSES, required: true, default: "visible" },
    /**
     * The category's scope, copied so that reading the thread's posts needs no category item.
     * A category's scope never changes; a move restates it. Threads written before the copy lack it.
     */
    scope: { type: "string" },
    /**
     * The thread's last post when it last moved. A member's read marker kept in the new category's
     * item (forumCategoryReads) counts only from here on; older ones may be in the old category's.
     */
    moveMark: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["threadId"] },
      sk: { field: "sk", composite: [] },
    },
    /** Read newest first: pinned ("true") before the rest, each by latest activity. */
    byCategoryActivity: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["categoryId"] },
      sk: { field: "gsi1sk", composite: ["pinned", "lastActivityAt", "threadId"] },
    },
  },
});
export type ForumThreadItem = EntityItem<typeof ForumThreadEntity>;

export const ForumPostEntity = new Entity({
  model: { service: "vernetzt", entity: "forumPost", version: "1" },
  attributes: {
    threadId: { type: "string", required: true, readOnly: true },
    /** Time-ordered (ULID): the thread reads in key order. */
    postId: { type: "string", required: true, readOnly: true },
    authorId: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true },
    /** Markdown as written; emptied when the post is deleted. */
    body: { type: "string", required: true },
    status: { type: CONTENT_STATUSES, required: true, default: "visible" },
    isOpening: { type: "boolean", required: true, default: false },
    quotedPostId: { type: "string" },
    /** Members the post mentions, resolved when it was written (see mentions.ts). */
    mentions: { type: "list", items: { type: "map", properties: { userId: { type: "string", required: true }, name: { type: "string", required: true } } }, required: true, default: () => [] },
    createdAt: { type: "string", required: true, readOnly: true },
    editedAt: { type: "string" },
    moderatedBy: { type: "string" },
    moderatedAt: { type: "string" },
  },
  indexes: {
    byThread: {
      pk: { field: "pk", composite: ["threadId"] },
      sk: { field: "sk", composite: ["postId"] },
    },
    /** A member's posts (GDPR export and erasure); posts of erased members leave the index. */
    byAuthor: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["authorId"] },
      sk: { field: "gsi2sk", composite: ["postId"] },
      condition: (attr) => typeof attr.authorId === "string" && attr.authorId.startsWith("usr_"),
    },
  },
});
export type ForumPostItem = EntityItem<typeof ForumPostEntity>;

export const ForumGroupEntity = new Entity({
  model: { service: "vernetzt", entity: "forumGroup", version: "1" },
  attributes: {
    groupId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    createdAt: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["groupId"] },
      sk: { field: "sk", composite: [] },
    },
    allGroups: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["groupId"] },
    },
  },
});
export type ForumGroupItem = EntityItem<typeof ForumGroupEntity>;

/** One member's relation to one closed group: invited, asked to join, or in. */
export const ForumMembershipEntity = new Entity({
  model: { service: "vernetzt", entity: "forumMembership", version: "1" },
  attributes: {
    groupId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    userName: { type: "string", required: true },
    status: { type: MEMBERSHIP_STATUSES, required: true },
    role: { type: GROUP_ROLES, required: true, default: "member" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byGroup: {
      pk: { field: "pk", composite: ["groupId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    byMember: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["groupId"] },
    },
  },
});
export type ForumMembershipItem = EntityItem<typeof ForumMembershipEntity>;

/** Whether a member gets e-mail about new replies in a thread; an explicit unfollow is kept. */
export const ForumFollowEntity = new Entity({
  model: { service: "vernetzt", entity: "forumFollow", version: "1" },
  attributes: {
    threadId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    following: { type: "boolean", required: true },
    /** When the last reply digest for this thread went out: at most one an hour. */
    lastMailedAt: { type: "string" },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byThread: {
      pk: { field: "pk", composite: ["threadId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    /** A member's follows (GDPR export and erasure). */
    byMember: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["threadId"] },
    },
  },
});
export type ForumFollowItem = EntityItem<typeof ForumFollowEntity>;

/** Replies waiting to be mailed to one follower of one thread; the scheduled job claims it by deleting it. */
export const ForumMailQueueEntity = new Entity({
  model: { service: "vernetzt", entity: "forumMailQueue", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    pendingCount: { type: "number", required: true, default: 0 },
    /** The first reply not yet mailed: the mail links to it. */
    firstPostId: { type: "string", required: true },
    /** Not before an hour after the previous mail about this thread. */
    dueAt: { type: "string", required: true },
  },
  indexes: {
    byRecipient: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["threadId"] },
    },
    byDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: [] },
      sk: { field: "gsi2sk", composite: ["dueAt", "userId", "threadId"] },
    },
  },
});
export type ForumMailQueueItem = EntityItem<typeof ForumMailQueueEntity>;

/** How far a member has read a thread: posts after this one are "new". */
export const ForumReadEntity = new Entity({
  model: { service: "vernetzt", entity: "forumRead", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    lastReadPostId: { type: "string", required: true },
    readAt: { type: "string", required: true },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["threadId"] },
    },
  },
});

/**
 * A member's read markers for the threads of one category, in one item, so that a category page
 * knows them before it has listed its threads (the key needs only member and category). Written
 * beside each forumRead item when it moves forward (reads.ts). At most MAX_CATEGORY_MARKERS
 * entries: beyond that the oldest go and `watermark` rises to the newest of them, so a thread
 * missing here whose last post is at or below the watermark may still have a forumRead item.
 */
export const ForumCategoryReadsEntity = new Entity({
  model: { service: "vernetzt", entity: "forumCategoryReads", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    categoryId: { type: "string", required: true, readOnly: true },
    /** threadId → lastReadPostId, the same value as the thread's forumRead item. */
    markers: { type: "any", required: true },
    watermark: { type: "string" },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["categoryId"] },
    },
  },
});
export type ForumCategoryReadsItem = EntityItem<typeof ForumCategoryReadsEntity>;

export const ForumNotificationEntity = new Entity({
  model: { service: "vernetzt", entity: "forumNotification", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    notificationId: { type: "string", required: true, readOnly: true },
    kind: { type: NOTIFICATION_KINDS, required: true, readOnly: true },
    actorName: { type: "string", required: true },
    /** Who caused it; lets an erased member's name be removed from others' notifications. */
    actorId: { type: "string", readOnly: true },
    /** The thread title or group name, as it was. */
    subject: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", readOnly: true },
    postId: { type: "string", readOnly: true },
    groupId: { type: "string", readOnly: true },
    read: { type: "boolean", required: true, default: false },
    createdAt: { type: "string", required: true, readOnly: true },
    ttl: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["notificationId"] },
    },
    /** Only unread ones: marking read (which always states `read`) takes an item out. */
    unread: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["notificationId"] },
      condition: (attr) => attr.read === false,
    },
    byActor: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["actorId"] },
      sk: { field: "gsi2sk", composite: ["notificationId"] },
      condition: (attr) => typeof attr.actorId === "string" && attr.actorId.startsWith("usr_"),
    },
  },
});
export type ForumNotificationItem = EntityItem<typeof ForumNotificationEntity>;

/** A member's forum settings. */
export const ForumProfileEntity = new Entity({
  model: { service: "vernetzt", entity: "forumProfile", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    /** Off: no forum e-mail at all (replies, mentions); in-app notifications stay. */
    emailNotifications: { type: "boolean", required: true, default: true },
    updatedAt: { type: "string", required: true },
    /**
     * Since when every read marker of the member is mirrored in forumCategoryReads items: from
     * then on a category without such an item has no markers (see reads.ts). Unset for members
     * who have not read a thread since the per-category items were introduced.
     */
    readsByCategoryAt: { type: "string" },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const ForumReportEntity = new Entity({
  model: { service: "vernetzt", entity: "forumReport", version: "1" },
  attributes: {
    /** Derived from post and reporter: one report per member and post. */
    reportId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    postId: { type: "string", required: true, readOnly: true },
    reporterId: { type: "string", required: true, readOnly: true },
    reporterName: { type: "string", required: true, readOnly: true },
    reason: { type: "string", required: true, readOnly: true },
    status: { type: REPORT_STATUSES, required: true, default: "open" },
    createdAt: { type: "string", required: true, readOnly: true },
    resolvedAt: { type: "string" },
    resolvedBy: { type: "string" },
    resolvedByName: { type: "string" },
    outcome: { type: REPORT_OUTCOMES },
    note: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["reportId"] },
      sk: { field: "sk", composite: [] },
    },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "reportId"] },
    },
    /** A member's own reports (GDPR export and erasure). */
    byReporter: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["reporterId"] },
      sk: { field: "gsi2sk", composite: ["reportId"] },
    },
  },
});
export type ForumReportItem = EntityItem<typeof ForumReportEntity>;

/** Who did what to which thread, post, category, group or membership, and when. */
export const ForumModLogEntity = new Entity({
  model: { service: "vernetzt", entity: "forumModLog", version: "1" },
  attributes: {
    logId: { type: "string", required: true, readOnly: true },
    action: { type: MOD_ACTIONS, required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", readOnly: true },
    postId: { type: "string", readOnly: true },
    categoryId: { type: "string", readOnly: true },
    groupId: { type: "string", readOnly: true },
    memberId: { type: "string", readOnly: true },
    reportId: { type: "string", readOnly: true },
    /** Action-specific facts (reason, from/to category, new role); free-form. */
    details: { type: "any", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTime: {
      pk: { field: "pk", composite: [] },
      sk: { field: "sk", composite: ["logId"] },
    },
  },
});
export type ForumModLogItem = EntityItem<typeof ForumModLogEntity>;

/** One search term of one post (title terms belong to the opening post). */
export const ForumTermEntity = new Entity({
  model: { service: "vernetzt", entity: "forumTerm", version: "1" },
  attributes: {
    term: { type: "string", required: true, readOnly: true },
    postId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    /** The term's first two letters: prefix queries stay within one partition. */
    prefix: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTerm: {
      pk: { field: "pk", composite: ["term"] },
      sk: { field: "sk", composite: ["postId"] },
    },
    byPost: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["postId"] },
      sk: { field: "gsi1sk", composite: ["term"] },
    },
    byPrefix: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["prefix"] },
      sk: { field: "gsi2sk", composite: ["term", "postId"] },
    },
  },
});
export type ForumTermItem = EntityItem<typeof ForumTermEntity>;

/** The secret behind an e-mailed unsubscribe link; works without signing in. */
export const ForumLinkEntity = new Entity({
  model: { service: "vernetzt", entity: "forumLink", version: "1" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    threadId: { type: "string", required: true, readOnly: true },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    byMember: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["tokenHash"] },
    },
  },
});
