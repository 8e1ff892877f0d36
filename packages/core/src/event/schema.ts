// Event inputs, shared by the API and the web's forms. Date-times are Berlin wall-clock values
// as an <input type="datetime-local"> gives them (YYYY-MM-DDTHH:mm).
import * as v from "valibot";
import { EVENT_KINDS, EVENT_STATUSES, VISIBILITIES } from "./constants";
import { PLAIN_SUMMARY_MAX } from "../i18n/locales";
import { LOCALES } from "../user/constants";
import { isLocalDateTime } from "../time";

const LocalDateTime = v.pipe(v.string("required"), v.check(isLocalDateTime, "invalid_datetime"));
const ShortText = (max: number) => v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(max, "too_long"));
const UserId = v.pipe(v.string(), v.regex(/^usr_[0-9a-z]{26}$/, "invalid_id"));

export const Question = v.strictObject(
  {
    id: v.optional(v.pipe(v.string(), v.regex(/^q[0-9a-z]{1,12}$/, "invalid_id"))),
    label: ShortText(200),
    kind: v.picklist(["text", "yes_no", "choice"], "invalid_choice"),
    options: v.optional(v.pipe(v.array(ShortText(100)), v.maxLength(10, "too_many"))),
    required: v.boolean("required"),
  },
  "unknown_field",
);

export const EventInput = v.strictObject(
  {
    kind: v.picklist(EVENT_KINDS, "invalid_choice"),
    title: v.pipe(ShortText(200), v.minLength(3, "too_short")),
    description: v.optional(v.pipe(v.string(), v.maxLength(20_000, "too_long")), ""),
    /** Optional summary in plain German, shown as plain text (never Markdown). */
    plainSummary: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(PLAIN_SUMMARY_MAX, "too_long"))),
    topics: v.optional(v.pipe(v.array(ShortText(40)), v.maxLength(10, "too_many")), []),
    speakers: v.optional(v.pipe(v.array(ShortText(100)), v.maxLength(10, "too_many")), []),
    organiser: v.pipe(ShortText(120), v.minLength(2, "too_short")),
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    address: v.optional(v.nullable(ShortText(300))),
    onlineUrl: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(500, "too_long"), v.url("invalid_url"), v.startsWith("https://", "https_required")))),
    capacity: v.optional(v.nullable(v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(1, "too_small"), v.maxValue(10_000, "too_large")))),
    registrationDeadline: v.optional(v.nullable(LocalDateTime)),
    visibility: v.picklist(VISIBILITIES, "invalid_choice"),
    status: v.optional(v.picklist(["draft", "published"], "invalid_choice"), "draft"),
    inviteeIds: v.optional(v.pipe(v.array(UserId), v.maxLength(200, "too_many")), []),
    questions: v.optional(v.pipe(v.array(Question), v.maxLength(5, "too_many")), []),
  },
  "unknown_field",
);
export type EventInput = v.InferOutput<typeof EventInput>;

export const SeriesInput = v.strictObject(
  {
    event: EventInput,
    /** How the first event repeats. */
    repeat: v.strictObject(
      {
        frequency: v.picklist(["weekly", "monthly"], "invalid_choice"),
        interval: v.pipe(v.number(), v.integer(), v.minValue(1, "too_small"), v.maxValue(12, "too_large")),
        /** For monthly series: the n-th weekday of the month (1–4, or -1 for the last), else the same date. */
        weekdayOfMonth: v.optional(v.picklist([1, 2, 3, 4, -1], "invalid_choice")),
        count: v.pipe(v.number(), v.integer(), v.minValue(2, "too_small"), v.maxValue(52, "too_large")),
      },
      "unknown_field",
    ),
  },
  "unknown_field",
);
export type SeriesInput = v.InferOutput<typeof SeriesInput>;

export const EventListQuery = v.strictObject(
  {
    when: v.optional(v.picklist(["upcoming", "past"], "invalid_choice"), "upcoming"),
    kind: v.optional(v.picklist(EVENT_KINDS, "invalid_choice")),
    topic: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, "too_long"))),
    organiser: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120, "too_long"))),
    status: v.optional(v.picklist(EVENT_STATUSES, "invalid_choice")),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "too_long"))),
  },
  "unknown_field",
);
export type EventListQuery = v.InferOutput<typeof EventListQuery>;

export const Answers = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^q[0-9a-z]{1,12}$/, "invalid_id")), v.pipe(v.string(), v.maxLength(1000, "too_long"))),
  v.check((r) => Object.keys(r).length <= 5, "too_many"),
);
export const RegisterInput = v.strictObject({ answers: v.optional(Answers, {}) }, "unknown_field");
export const GuestRegisterInput = v.strictObject(
  {
    name: v.pipe(ShortText(100), v.minLength(2, "too_short")),
    email: v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(254, "too_long"), v.email("invalid_email")),
    answers: v.optional(Answers, {}),
    /** Language of the e-mails the guest receives. */
    locale: v.optional(v.picklist(LOCALES, "invalid_choice"), "de"),
  },
  "unknown_field",
);
export const LinkTokenInput = v.strictObject({ token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, "invalid_token")) }, "unknown_field");
export const AttendanceInput = v.strictObject({ attendance: v.nullable(v.picklist(["attended", "no_show"], "invalid_choice")) }, "unknown_field");
export const AddParticipantInput = v.strictObject(
  {
    userId: v.optional(UserId),
    name: v.optional(v.pipe(ShortText(100), v.minLength(2, "too_short"))),
    email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254, "too_long"), v.email("invalid_email"))),
  },
  "unknown_field",
);
export const MessageInput = v.strictObject(
  {
    subject: v.pipe(ShortText(200), v.minLength(3, "too_short")),
    body: v.pipe(v.string("required"), v.trim(), v.minLength(3, "too_short"), v.maxLength(10_000, "too_long")),
    includeWaitlist: v.optional(v.boolean(), false),
  },
  "unknown_field",
);
export const EditScopeQuery = v.strictObject({ scope: v.optional(v.picklist(["one", "series"], "invalid_choice"), "one") }, "unknown_field");
