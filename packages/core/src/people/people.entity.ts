import { Entity, type EntityItem } from "electrodb";
import { ORG_LINK_STATUSES, ORG_ROLES, VISIBILITIES } from "./constants";

const visibility = { type: VISIBILITIES, required: true, default: "members" } as const;

/** A member's profile. The name is the account's name (user entity), so the forum shows the same one. */
export const PersonProfileEntity = new Entity({
  model: { service: "vernetzt", entity: "personProfile", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    bio: { type: "string", required: true, default: "" },
    areas: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    languages: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    town: { type: "string", required: true, default: "" },
    availability: { type: "string", required: true, default: "" },
    photoKey: { type: "string" },
    visibility: {
      type: "map",
      required: true,
      default: () => ({}),
      properties: {
        photo: visibility,
        bio: visibility,
        areas: visibility,
        languages: visibility,
        town: visibility,
        organisations: visibility,
        availability: visibility,
      },
    },
    /** Off: the member is not listed in the directory (profile still reachable from the forum). */
    listed: { type: "boolean", required: true, default: true },
    /** Off: no e-mail notices about new private messages. */
    messageNotices: { type: "boolean", required: true, default: true },
    /** Bumped by every write that changes the directory facets: they are rewritten in the same transaction. */
    version: { type: "number", required: true, default: 0 },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
export type PersonProfileItem = EntityItem<typeof PersonProfileEntity>;

/** A directory card as stored on facet items; `photo` is the image id (cache-busting part of its URL). */
const directoryCard = () =>
  ({
    type: "map",
    properties: {
      name: { type: "string", required: true },
      photo: { type: "string" },
      town: { type: "string" },
      areas: { type: "list", items: { type: "string" } },
      languages: { type: "list", items: { type: "string" } },
    },
  }) as const;

/**
 * One small item per member and directory facet (all, area, language, town, organisation, name
 * word), holding only what the member lets every member see: the facet itself and the member's
 * directory card, so a directory page is answered by the Query alone. Filters query facets and
 * intersect. Nothing a member keeps to herself is ever stored here. What she shows coordinators
 * only is in `staffCard`, which members' directory queries never ask for (their Query's
 * projection leaves it out), so a coordinator's page is answered by the Query alone too.
 */
export const DirectoryFacetEntity = new Entity({
  model: { service: "vernetzt", entity: "directoryFacet", version: "1" },
  attributes: {
    facet: { type: "string", required: true, readOnly: true },
    /** `nameKey#userId` (listing order), or `word#userId` for name-word facets (prefix search). */
    sortKey: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    nameKey: { type: "string", required: true },
    /**
     * The directory card as every member may see it, the same on all of the member's facets and
     * rewritten with them. Absent on items written before cards were denormalised: those pages
     * fall back to reading the profile (see README, "Directory cards").
     */
    card: directoryCard(),
    /**
     * The card as coordinators see it, only where that is more than `card` (the member shows
     * coordinators a card field, with a value, that members do not see); absent otherwise. Read
     * only by coordinators' directory queries; members' queries project it away.
     */
    staffCard: directoryCard(),
  },
  indexes: {
    byFacet: {
      pk: { field: "pk", composite: ["facet"] },
      sk: { field: "sk", composite: ["sortKey"] },
    },
    byMember: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["facet", "sortKey"] },
    },
  },
});
export type DirectoryFacetItem = EntityItem<typeof DirectoryFacetEntity>;

/** Towns members chose to show, for the directory's town filter (label as first written). */
export const DirectoryTownEntity = new Entity({
  model: { service: "vernetzt", entity: "directoryTown", version: "1" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true, default: "towns" },
    townKey: { type: "string", required: true, readOnly: true },
    label: { type: "string", required: true },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["townKey"] },
    },
  },
});

/** Areas of engagement a coordinator added beside the standard ones. */
export const CustomAreaEntity = new Entity({
  model: { service: "vernetzt", entity: "customArea", version: "1" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true, default: "areas" },
    areaId: { type: "string", required: true, readOnly: true },
    label: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["areaId"] },
    },
  },
});

export const OrganisationEntity = new Entity({
  model: { service: "vernetzt", entity: "organisation", version: "1" },
  attributes: {
    orgId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    nameKey: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    areas: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** Free text: contact person, phone, office hours. */
    contact: { type: "string", required: true, default: "" },
    website: { type: "string", required: true, default: "" },
    logoKey: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    scope: { type: "string", required: true, readOnly: true, default: "orgs" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["orgId"] },
      sk: { field: "sk", composite: [] },
    },
    byName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["scope"] },
      sk: { field: "gsi1sk", composite: ["nameKey", "orgId"] },
    },
  },
});
export type OrganisationItem = EntityItem<typeof OrganisationEntity>;

/** A member's link to an organisation: requested by the member, confirmed by its admins or a coordinator. */
export const OrgLinkEntity = new Entity({
  model: { service: "vernetzt", entity: "orgLink", version: "1" },
  attributes: {
    orgId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    status: { type: ORG_LINK_STATUSES, required: true, default: "requested" },
    role: { type: ORG_ROLES, required: true, default: "member" },
    createdAt: { type: "string", required: true, readOnly: true },
    confirmedAt: { type: "string" },
    confirmedBy: { type: "string" },
  },
  indexes: {
    byOrg: {
      pk: { field: "pk", composite: ["orgId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    byMember: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["orgId"] },
    },
  },
});
export type OrgLinkItem = EntityItem<typeof OrgLinkEntity>;

export const ConversationEntity = new Entity({
  model: { service: "vernetzt", entity: "conversation", version: "1" },
  attributes: {
    conversationId: { type: "string", required: true, readOnly: true },
    /** Rewritten only by erasure, where an erased member becomes FORMER_MEMBER_ID. */
    participantIds: { type: "list", items: { type: "string" }, required: true },
    title: { type: "string", required: true, default: "" },
    createdBy: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    lastMessageAt: { type: "string", required: true },
    messageCount: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["conversationId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
export type ConversationItem = EntityItem<typeof ConversationEntity>;

/** A member's place in a conversation: the access check, the unread count and the inbox order. */
export const ConversationMemberEntity = new Entity({
  model: { service: "vernetzt", entity: "conversationMember", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    conversationId: { type: "string", required: true, readOnly: true },
    /** Rewritten only by erasure, where an erased member becomes FORMER_MEMBER_ID. */
    participantIds: { type: "list", items: { type: "string" }, required: true },
    title: { type: "string", required: true, default: "" },
    unreadCount: { type: "number", required: true, default: 0 },
    lastMessageAt: { type: "string", required: true },
    lastPreview: { type: "string", required: true, default: "" },
    lastAuthorId: { type: "string" },
    lastReadAt: { type: "string" },
    /** When this member was last mailed about this conversation: at most one notice an hour. */
    lastNoticedAt: { type: "string" },
    joinedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["conversationId"] },
    },
    recent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["lastMessageAt", "conversationId"] },
    },
  },
});
export type ParticipantItem = EntityItem<typeof ConversationMemberEntity>;

/** Two members have at most one direct conversation: this item, keyed by both ids in order, owns it. */
export const DirectPairEntity = new Entity({
  model: { service: "vernetzt", entity: "directPair", version: "1" },
  attributes: {
    pairKey: { type: "string", required: true, readOnly: true },
    conversationId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byPair: {
      pk: { field: "pk", composite: ["pairKey"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const MessageEntity = new Entity({
  model: { service: "vernetzt", entity: "message", version: "1" },
  attributes: {
    conversationId: { type: "string", required: true, readOnly: true },
    /** Time-ordered (ULID). */
    messageId: { type: "string", required: true, readOnly: true },
    /** Rewritten only by erasure, where an erased member becomes FORMER_MEMBER_ID. */
    authorId: { type: "string", required: true },
    body: { type: "string", required: true },
    deleted: { type: "boolean", required: true, default: false },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byConversation: {
      pk: { field: "pk", composite: ["conversationId"] },
      sk: { field: "sk", composite: ["messageId"] },
    },
    /** A member's own messages (GDPR export and erasure). */
    byAuthor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["authorId"] },
      sk: { field: "gsi1sk", composite: ["messageId"] },
    },
  },
});
export type MessageItem = EntityItem<typeof MessageEntity>;

/** The blocker sees nothing from, and cannot be messaged by, the blocked member (and vice versa). */
export const BlockEntity = new Entity({
  model: { service: "vernetzt", entity: "block", version: "1" },
  attributes: {
    blockerId: { type: "string", required: true, readOnly: true },
    blockedId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byBlocker: {
      pk: { field: "pk", composite: ["blockerId"] },
      sk: { field: "sk", composite: ["blockedId"] },
    },
  },
});

export const MESSAGE_REPORT_STATUSES = ["open", "resolved"] as const;

export const MessageReportEntity = new Entity({
  model: { service: "vernetzt", entity: "messageReport", version: "1" },
  attributes: {
    /** Derived from message and reporter: one report per member and message. */
    reportId: { type: "string", required: true, readOnly: true },
    conversationId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    reporterId: { type: "string", required: true, readOnly: true },
    authorId: { type: "string", required: true, readOnly: true },
    /** The message as it was reported: coordinators judge what was reported. */
    body: { type: "string", required: true },
    reason: { type: "string", required: true, default: "" },
    status: { type: MESSAGE_REPORT_STATUSES, required: true, default: "open" },
    createdAt: { type: "string", required: true, readOnly: true },
    resolvedBy: { type: "string" },
    resolvedAt: { type: "string" },
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
    /** Reports a member made (GDPR export and erasure). */
    byReporter: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["reporterId"] },
      sk: { field: "gsi2sk", composite: ["reportId"] },
    },
  },
});
export type MessageReportItem = EntityItem<typeof MessageReportEntity>;

/** New messages a member has not been mailed about yet, one item per member and conversation. */
export const MessageNoticeEntity = new Entity({
  model: { service: "vernetzt", entity: "messageNotice", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    conversationId: { type: "string", required: true, readOnly: true },
    pendingCount: { type: "number", required: true, default: 1 },
    dueAt: { type: "string", required: true },
    queue: { type: "string", required: true, readOnly: true, default: "msgnotice" },
  },
  indexes: {
    byRecipient: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["conversationId"] },
    },
    byDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["queue"] },
      sk: { field: "gsi2sk", composite: ["dueAt", "userId", "conversationId"] },
    },
  },
});
