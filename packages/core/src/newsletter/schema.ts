import * as v from "valibot";
import { LOCALES } from "../user/constants";
import { PLAIN_SUMMARY_MAX } from "../i18n/locales";
import { NEWS_CATEGORIES } from "./constants";

const Text = (max: number) => v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(max, "too_long"));

export const NewsInput = v.strictObject(
  {
    title: v.pipe(Text(200), v.minLength(3, "too_short")),
    summary: v.pipe(Text(5000), v.minLength(10, "too_short")),
    sourceUrl: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"), v.url("invalid_url"), v.regex(/^https?:\/\//, "invalid_url")))),
    category: v.picklist(NEWS_CATEGORIES, "invalid_choice"),
    status: v.optional(v.picklist(["draft", "published"], "invalid_choice"), "published"),
  },
  "unknown_field",
);
export type NewsInput = v.InferOutput<typeof NewsInput>;

export const NewsListQuery = v.strictObject(
  {
    status: v.optional(v.picklist(["draft", "published"], "invalid_choice"), "published"),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "too_long"))),
  },
  "unknown_field",
);

export const IssueEditInput = v.strictObject(
  {
    subject: v.optional(v.pipe(Text(200), v.minLength(3, "too_short"))),
    intro: v.optional(v.pipe(v.string(), v.maxLength(5000, "too_long"))),
    /** The news to include, in this order; others published since the last issue are dropped. */
    newsIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^nws_[0-9a-z]{26}$/, "invalid_id"))), v.maxLength(100, "too_many"))),
    eventIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^evt_[0-9a-z]{26}$/, "invalid_id"))), v.maxLength(50, "too_many"))),
  },
  "unknown_field",
);
export type IssueEditInput = v.InferOutput<typeof IssueEditInput>;

export const SubscribeInput = v.strictObject(
  {
    email: v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(254, "too_long"), v.email("invalid_email")),
    /** The box must be ticked: consent is recorded with the text shown. */
    consent: v.literal(true, "consent_required"),
    /** Language of the e-mails the subscriber receives: the one the page was read in. */
    locale: v.optional(v.picklist(LOCALES, "invalid_choice"), "de"),
  },
  "unknown_field",
);

export const MemberSubscriptionInput = v.strictObject({ subscribed: v.boolean("required") }, "unknown_field");

export const SettingsInput = v.strictObject(
  {
    sendWeekday: v.pipe(v.number(), v.integer(), v.minValue(1, "too_small"), v.maxValue(7, "too_large")),
    sendTime: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_time")),
    archiveVisibility: v.picklist(["public", "members"], "invalid_choice"),
    /** The sign-up page's summary in plain German, plain text; empty for none. */
    plainSummary: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(PLAIN_SUMMARY_MAX, "too_long")), ""),
  },
  "unknown_field",
);
export type SettingsInput = v.InferOutput<typeof SettingsInput>;

export const NewsPermissionInput = v.strictObject({ allowed: v.boolean("required") }, "unknown_field");

export { CONSENT_TEXT_DE } from "./constants";
