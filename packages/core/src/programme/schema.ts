// Programme inputs, shared by the API and the web's forms. Dates are calendar days (YYYY-MM-DD),
// as an <input type="date"> gives them.
import * as v from "valibot";
import { CONTACT_KINDS, MAX_COORDINATORS, MAX_MENTORS, MAX_STAGES, MILESTONE_STATUSES } from "./constants";

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
export const CalendarDate = v.pipe(v.string("required"), v.check(isDate, "invalid_date"));
const ShortText = (max: number) => v.pipe(v.string("required"), v.trim(), v.nonEmpty("required"), v.maxLength(max, "too_long"));
const OptionalText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, "too_long")), "");
const UserId = v.pipe(v.string(), v.regex(/^usr_[0-9a-z]{26}$/, "invalid_id"));

export const StageInput = v.strictObject(
  {
    title: ShortText(200),
    offsetDays: v.pipe(v.number("invalid_number"), v.integer("invalid_number"), v.minValue(-365, "too_small"), v.maxValue(1095, "too_large")),
  },
  "unknown_field",
);

export const ProgrammeInput = v.strictObject(
  {
    name: v.pipe(ShortText(200), v.minLength(3, "too_short")),
    description: OptionalText(5000),
    courseStart: CalendarDate,
    stages: v.pipe(v.array(StageInput), v.minLength(1, "too_few"), v.maxLength(MAX_STAGES, "too_many")),
    /** Further coordinators besides the creator. */
    coordinatorIds: v.optional(v.pipe(v.array(UserId), v.maxLength(MAX_COORDINATORS, "too_many")), []),
  },
  "unknown_field",
);
export type ProgrammeInput = v.InferOutput<typeof ProgrammeInput>;

export const ParticipantInput = v.strictObject(
  {
    name: v.pipe(ShortText(120), v.minLength(2, "too_short")),
    email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254, "too_long"), v.check((s) => s === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), "invalid_email")), ""),
    phone: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, "too_long"), v.regex(/^[0-9+()/ -]*$/, "invalid_phone")), ""),
    languages: v.optional(v.pipe(v.array(ShortText(40)), v.maxLength(10, "too_many")), []),
    coordinatorId: UserId,
    mentorIds: v.optional(v.pipe(v.array(UserId), v.maxLength(MAX_MENTORS, "too_many")), []),
    consentDate: CalendarDate,
    /** The consent text as the participant agreed to it, stored verbatim. */
    consentText: v.pipe(v.string("required"), v.nonEmpty("required"), v.maxLength(10_000, "too_long")),
    notes: OptionalText(5000),
  },
  "unknown_field",
);
export type ParticipantInput = v.InferOutput<typeof ParticipantInput>;

export const MilestoneInput = v.strictObject(
  {
    status: v.picklist(MILESTONE_STATUSES, "invalid_choice"),
    dueDate: v.nullable(CalendarDate),
    doneDate: v.optional(v.nullable(CalendarDate), null),
    note: OptionalText(2000),
  },
  "unknown_field",
);
export type MilestoneInput = v.InferOutput<typeof MilestoneInput>;

export const ContactInput = v.strictObject(
  {
    date: CalendarDate,
    kind: v.picklist(CONTACT_KINDS, "invalid_choice"),
    note: v.pipe(ShortText(1000)),
  },
  "unknown_field",
);
export type ContactInput = v.InferOutput<typeof ContactInput>;
