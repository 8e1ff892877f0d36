import { Entity, type EntityItem } from "electrodb";

import { LOCALES } from "../user/constants";
import { NEWS_CATEGORIES } from "./constants";
export { NEWS_CATEGORIES, type NewsCategory } from "./constants";

export const NewsEntity = new Entity({
  model: { service: "vernetzt", entity: "news", version: "1" },
  attributes: {
    newsId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    summary: { type: "string", required: true },
    sourceUrl: { type: "string" },
    category: { type: NEWS_CATEGORIES, required: true },
    status: { type: ["draft", "published"] as const, required: true },
    authorId: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    /** publishedAt for published items, createdAt for drafts: the order lists use. */
    sortAt: { type: "string", required: true },
    publishedAt: { type: "string" },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["newsId"] }, sk: { field: "sk", composite: [] } },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["sortAt", "newsId"] },
    },
  },
});
export type NewsItem = EntityItem<typeof NewsEntity>;

export const ISSUE_STATUSES = ["draft", "approved", "sending", "sent"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/**
 * One newsletter issue. The next issue, while it is prepared, is the single item with id
 * OPEN_ISSUE_ID; when sending starts it becomes a numbered issue with an id of its own.
 */
export const IssueEntity = new Entity({
  model: { service: "vernetzt", entity: "issue", version: "1" },
  attributes: {
    issueId: { type: "string", required: true, readOnly: true },
    number: { type: "number", required: true, default: 0, padding: { length: 6, char: "0" } },
    status: { type: ISSUE_STATUSES, required: true },
    subject: { type: "string", required: true },
    intro: { type: "string", required: true, default: "" },
    /** News in the coordinator's order; dropped items are listed in droppedIds. */
    newsIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    droppedIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    eventIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** True once a coordinator picked the events (possibly none); until then the next weeks' are proposed. */
    eventsChosen: { type: "boolean", required: true, default: false },
    /** Frozen content of a sent issue, so the archive shows what was sent. */
    snapshot: { type: "any" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    approvedAt: { type: "string" },
    approvedBy: { type: "string" },
    /** When the send job may start (the next send slot, or "now" for send-now). */
    sendAfter: { type: "string" },
    sendStartedAt: { type: "string" },
    sentAt: { type: "string" },
    /** Subscribers were walked up to here (by e-mail key); a resumed run continues after it. */
    cursorEmailKey: { type: "string" },
    /** Progress, counted atomically as each delivery ends. */
    sentCount: { type: "number", required: true, default: 0 },
    failedCount: { type: "number", required: true, default: 0 },
    unknownCount: { type: "number", required: true, default: 0 },
    /** Active subscribers when sending started. */
    recipientCount: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["issueId"] }, sk: { field: "sk", composite: [] } },
    /** The archive by number, and the one open (unsent) issue under number 0. */
    byNumber: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["number", "issueId"] },
    },
  },
});
export type IssueItem = EntityItem<typeof IssueEntity>;
export const OPEN_ISSUE_ID = "iss_open";

export const SUBSCRIBER_STATUSES = ["pending", "active", "unsubscribed", "suppressed"] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const SubscriberEntity = new Entity({
  model: { service: "vernetzt", entity: "subscriber", version: "1" },
  attributes: {
    emailKey: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    name: { type: "string" },
    userId: { type: "string" },
    locale: { type: LOCALES, required: true, default: "de" },
    status: { type: SUBSCRIBER_STATUSES, required: true },
    /** Secret in confirmation and unsubscribe links; its digest is indexed for lookup. */
    token: { type: "string", required: true },
    tokenHash: { type: "string", required: true },
    /** Proof of consent (German law: who agreed, when, how, to which text). */
    consent: {
      type: "map",
      properties: {
        at: { type: "string", required: true },
        method: { type: ["double_opt_in", "member_settings"] as const, required: true },
        text: { type: "string", required: true },
        ip: { type: "string" },
        confirmedAt: { type: "string" },
      },
    },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    unsubscribedAt: { type: "string" },
    suppressedAt: { type: "string" },
    suppressedReason: { type: "string" },
  },
  indexes: {
    byEmail: { pk: { field: "pk", composite: ["emailKey"] }, sk: { field: "sk", composite: [] } },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["emailKey"] },
    },
    byToken: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["tokenHash"] },
      sk: { field: "gsi2sk", composite: [] },
    },
  },
});
export type SubscriberItem = EntityItem<typeof SubscriberEntity>;

/**
 * One recipient of one issue. Created (conditionally) right before the e-mail goes out, so each
 * address is claimed by exactly one sender, however many runs overlap.
 */
export const DeliveryEntity = new Entity({
  model: { service: "vernetzt", entity: "delivery", version: "1" },
  attributes: {
    issueId: { type: "string", required: true, readOnly: true },
    emailKey: { type: "string", required: true, readOnly: true },
    status: { type: ["sending", "sent", "failed", "unknown"] as const, required: true },
    claimedAt: { type: "string", required: true },
    /** A claim older than this whose run died is "unknown": the mail may or may not have left. */
    leaseUntil: { type: "number", required: true },
    sentAt: { type: "string" },
    error: { type: "string" },
  },
  indexes: {
    byIssue: {
      pk: { field: "pk", composite: ["issueId"] },
      sk: { field: "sk", composite: ["emailKey"] },
    },
  },
});
export type DeliveryItem = EntityItem<typeof DeliveryEntity>;

/** Newsletter settings, one item, editable by admins. */
export const NewsletterSettingsEntity = new Entity({
  model: { service: "vernetzt", entity: "newsletterSettings", version: "1" },
  attributes: {
    id: { type: "string", required: true, readOnly: true, default: "settings" },
    /** ISO weekday, 1 = Monday. */
    sendWeekday: { type: "number", required: true, default: 1 },
    sendTime: { type: "string", required: true, default: "07:00" },
    archiveVisibility: { type: ["public", "members"] as const, required: true, default: "public" },
    plainSummary: { type: "string", required: true, default: "" },
    updatedAt: { type: "string" },
    updatedBy: { type: "string" },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["id"] }, sk: { field: "sk", composite: [] } },
  },
});

/** A named counter for sequence numbers (issue numbers). */
export const CounterEntity = new Entity({
  model: { service: "vernetzt", entity: "counter", version: "1" },
  attributes: {
    name: { type: "string", required: true, readOnly: true },
    value: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byName: { pk: { field: "pk", composite: ["name"] }, sk: { field: "sk", composite: [] } },
  },
});
