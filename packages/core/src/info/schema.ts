import * as v from "valibot";
import { PLAIN_SUMMARY_MAX } from "../i18n/locales";
import { DOCUMENT_MAX_BYTES, PAGE_VISIBILITIES, RESERVED_SLUGS, SLUG_PATTERN } from "./constants";

const Text = (max: number) => v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(max, "too_long"));
const Optional = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, "too_long")), "");

export const Slug = v.pipe(
  v.string("required"),
  v.trim(),
  v.toLowerCase(),
  v.minLength(2, "too_short"),
  v.maxLength(60, "too_long"),
  v.regex(SLUG_PATTERN, "invalid_slug"),
  v.check((s) => !RESERVED_SLUGS.includes(s), "reserved_slug"),
);

export const PageInput = v.strictObject(
  {
    title: v.pipe(Text(120), v.minLength(2, "too_short")),
    body: v.pipe(v.string("required"), v.maxLength(50_000, "too_long")),
    visibility: v.picklist(PAGE_VISIBILITIES, "invalid_choice"),
    position: v.optional(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(0, "too_small"), v.maxValue(999, "too_large")), 0),
    inMenu: v.optional(v.boolean("invalid_choice"), true),
    /** The revision the editor started from; absent when creating a page. */
    revision: v.optional(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(1, "too_small"))),
  },
  "unknown_field",
);
export type PageInput = v.InferOutput<typeof PageInput>;

export const ContactInput = v.strictObject(
  {
    name: v.pipe(Text(100), v.minLength(2, "too_short")),
    role: Optional(120),
    phone: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, "too_long"), v.regex(/^[0-9+()\/ -]*$/, "invalid_phone")), ""),
    email: v.optional(v.union([v.literal(""), v.pipe(v.string(), v.trim(), v.maxLength(254, "too_long"), v.email("invalid_email"))], "invalid_email"), ""),
    address: Optional(300),
    officeHours: Optional(300),
    position: v.optional(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(0, "too_small"), v.maxValue(999, "too_large")), 0),
  },
  "unknown_field",
);
export type ContactInput = v.InferOutput<typeof ContactInput>;

/** The contact page's summary in einfacher Sprache; empty removes it. */
export const ContactSummaryInput = v.strictObject(
  { plainSummary: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(PLAIN_SUMMARY_MAX, "too_long")), "") },
  "unknown_field",
);
export type ContactSummaryInput = v.InferOutput<typeof ContactSummaryInput>;

const Visibility = v.picklist(PAGE_VISIBILITIES, "invalid_choice");

export const FolderInput = v.strictObject(
  {
    name: v.pipe(Text(100), v.minLength(2, "too_short")),
    description: Optional(1000),
    visibility: Visibility,
    position: v.optional(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(0, "too_small"), v.maxValue(999, "too_large")), 0),
  },
  "unknown_field",
);
export type FolderInput = v.InferOutput<typeof FolderInput>;

export const UploadRequestInput = v.strictObject(
  {
    folderId: v.pipe(v.string("required"), v.regex(/^fld_[0-9a-z]{26}$/, "invalid_id")),
    filename: v.pipe(v.string("required"), v.nonEmpty("required"), v.maxLength(255, "too_long")),
    size: v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(1, "empty_file"), v.maxValue(DOCUMENT_MAX_BYTES, "file_too_large")),
    contentType: v.pipe(v.string("required"), v.maxLength(200, "too_long")),
    title: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, "too_long")), ""),
    description: Optional(1000),
    visibility: Visibility,
  },
  "unknown_field",
);
export type UploadRequestInput = v.InferOutput<typeof UploadRequestInput>;

export const DocumentEditInput = v.strictObject(
  {
    folderId: v.pipe(v.string("required"), v.regex(/^fld_[0-9a-z]{26}$/, "invalid_id")),
    title: v.pipe(Text(200), v.minLength(2, "too_short")),
    description: Optional(1000),
    visibility: Visibility,
  },
  "unknown_field",
);
export type DocumentEditInput = v.InferOutput<typeof DocumentEditInput>;
