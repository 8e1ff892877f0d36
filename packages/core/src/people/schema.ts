// People inputs (profiles, directory, organisations, messages), shared by the API and the web's forms.
import * as v from "valibot";
import {
  AVAILABILITY_MAX,
  BIO_MAX,
  LANGUAGES,
  MAX_AREAS,
  MAX_LANGUAGES,
  MAX_OTHER_PARTICIPANTS,
  MESSAGE_MAX,
  ORG_ROLES,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  STANDARD_AREAS,
  TOWN_MAX,
  VISIBILITIES,
} from "./constants";

const id = (prefix: string) => v.pipe(v.string(), v.regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), "invalid_id"));
export const UserId = id("usr");
export const OrgId = id("org");
export const AreaId = id("are");
export const ConversationId = id("cnv");
export const MessageId = id("msg");
export const MessageReportId = v.pipe(v.string(), v.regex(/^mrp_[A-Za-z0-9_-]{20,64}$/, "invalid_id"));
const Cursor = v.pipe(v.string(), v.maxLength(2048, "too_long"));
const Optional = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, "too_long"));
const Required = (min: number, max: number) =>
  v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.minLength(min, "too_short"), v.maxLength(max, "too_long"));

/** A standard area's key or a coordinator-defined area's id. */
export const Area = v.union([v.picklist(STANDARD_AREAS), AreaId], "invalid_choice");
export const Language = v.picklist(LANGUAGES, "invalid_choice");
const Vis = v.picklist(VISIBILITIES, "invalid_choice");

export const ProfileInput = v.strictObject(
  {
    bio: v.optional(Optional(BIO_MAX), ""),
    areas: v.optional(v.pipe(v.array(Area, "invalid_list"), v.maxLength(MAX_AREAS, "too_many")), []),
    languages: v.optional(v.pipe(v.array(Language, "invalid_list"), v.maxLength(MAX_LANGUAGES, "too_many")), []),
    town: v.optional(Optional(TOWN_MAX), ""),
    availability: v.optional(Optional(AVAILABILITY_MAX), ""),
    visibility: v.optional(
      v.strictObject(
        {
          photo: v.optional(Vis, "members"),
          bio: v.optional(Vis, "members"),
          areas: v.optional(Vis, "members"),
          languages: v.optional(Vis, "members"),
          town: v.optional(Vis, "members"),
          organisations: v.optional(Vis, "members"),
          availability: v.optional(Vis, "members"),
        },
        "unknown_field",
      ),
      {},
    ),
    listed: v.optional(v.boolean("invalid_choice"), true),
    messageNotices: v.optional(v.boolean("invalid_choice"), true),
  },
  "unknown_field",
);
export type ProfileInput = v.InferOutput<typeof ProfileInput>;

export const DirectoryQuery = v.strictObject(
  {
    area: v.optional(Area),
    language: v.optional(Language),
    town: v.optional(Optional(TOWN_MAX)),
    org: v.optional(OrgId),
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, "too_long"))),
    cursor: v.optional(Cursor),
  },
  "unknown_field",
);
export type DirectoryQuery = v.InferOutput<typeof DirectoryQuery>;

export const AreaInput = v.strictObject({ label: Required(2, 60) }, "unknown_field");

export const OrganisationInput = v.strictObject(
  {
    name: Required(2, 120),
    description: v.optional(Optional(2000), ""),
    areas: v.optional(v.pipe(v.array(Area, "invalid_list"), v.maxLength(MAX_AREAS, "too_many")), []),
    contact: v.optional(Optional(500), ""),
    website: v.optional(v.union([v.literal(""), v.pipe(v.string(), v.trim(), v.maxLength(300, "too_long"), v.url("invalid_url"), v.regex(/^https?:\/\//i, "invalid_url"))], "invalid_url"), ""),
  },
  "unknown_field",
);
export type OrganisationInput = v.InferOutput<typeof OrganisationInput>;

export const OrgRoleInput = v.strictObject({ role: v.picklist(ORG_ROLES, "invalid_choice") }, "unknown_field");

const Body = v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(MESSAGE_MAX, "too_long"));
export const StartConversationInput = v.strictObject(
  {
    participantIds: v.pipe(v.array(UserId, "invalid_list"), v.minLength(1, "required"), v.maxLength(MAX_OTHER_PARTICIPANTS, "too_many")),
    title: v.optional(Optional(100), ""),
    body: Body,
  },
  "unknown_field",
);
export type StartConversationInput = v.InferOutput<typeof StartConversationInput>;
export const MessageInput = v.strictObject({ body: Body }, "unknown_field");
export const MessageReportInput = v.strictObject({ reason: v.optional(Optional(500), "") }, "unknown_field");
export const ResolveMessageReportInput = v.strictObject({ note: v.optional(Optional(500), "") }, "unknown_field");
export const ListQuery = v.strictObject({ cursor: v.optional(Cursor) }, "unknown_field");

export const PhotoUploadInput = v.strictObject(
  {
    contentType: v.picklist(PHOTO_TYPES, "unsupported_type"),
    size: v.pipe(v.number("required"), v.integer("invalid_number"), v.minValue(1, "too_small"), v.maxValue(PHOTO_MAX_BYTES, "too_large")),
  },
  "unknown_field",
);
export const PhotoFinalizeInput = v.strictObject({ key: v.pipe(v.string(), v.maxLength(300, "too_long"), v.regex(/^uploads\/[a-z0-9/_-]+$/, "invalid_key")) }, "unknown_field");
