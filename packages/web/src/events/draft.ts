import { EventInput, SeriesInput } from "@vernetzt/core/event/schema";
import type { EventKind, Visibility } from "@vernetzt/core/event/constants";
import { ApiError } from "../api";
import { newQuestion, optionLines, type QuestionDraft } from "./QuestionsEditor";
import type { EventInputJson, RepeatJson } from "./types";

/** The event form as typed: text fields stay text until saving. Date-times are Berlin wall-clock values. */
export interface EventDraft {
  kind: EventKind;
  title: string;
  description: string;
  plainSummary: string;
  topics: string;
  speakers: string;
  organiser: string;
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  address: string;
  onlineUrl: string;
  capacity: string;
  visibility: Visibility;
  status: "draft" | "published";
  invitees: { userId: string; name: string | null }[];
}

export interface RepeatDraft {
  enabled: boolean;
  frequency: RepeatJson["frequency"];
  interval: string;
  /** "date": the same day of the month; otherwise the n-th (or last, -1) weekday. */
  monthly: "date" | "1" | "2" | "3" | "4" | "-1";
  count: string;
}

export const emptyDraft = (): EventDraft => ({
  kind: "exchange_meeting",
  title: "",
  description: "",
  plainSummary: "",
  topics: "",
  speakers: "",
  organiser: "",
  startsAt: "",
  endsAt: "",
  registrationDeadline: "",
  address: "",
  onlineUrl: "",
  capacity: "",
  visibility: "public",
  status: "draft",
  invitees: [],
});

export const emptyRepeat = (): RepeatDraft => ({ enabled: false, frequency: "monthly", interval: "1", monthly: "date", count: "6" });

export function draftFromInput(input: EventInputJson): EventDraft {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? "",
    plainSummary: input.plainSummary ?? "",
    topics: (input.topics ?? []).join(", "),
    speakers: (input.speakers ?? []).join("\n"),
    organiser: input.organiser,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    registrationDeadline: input.registrationDeadline ?? "",
    address: input.address ?? "",
    onlineUrl: input.onlineUrl ?? "",
    capacity: input.capacity == null ? "" : String(input.capacity),
    visibility: input.visibility,
    status: input.status ?? "draft",
    // The edit view has only the ids; see the report on invitee names.
    invitees: (input.inviteeIds ?? []).map((userId) => ({ userId, name: null })),
  };
}

export function questionsFromInput(input: EventInputJson): QuestionDraft[] {
  return (input.questions ?? []).map((q) => newQuestion({ id: q.id, label: q.label, kind: q.kind, options: (q.options ?? []).join("\n"), required: q.required }));
}

const list = (text: string, separator: string | RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
const optional = (text: string) => text.trim() || null;
// <input type="datetime-local"> may add seconds; the API takes minutes.
const minutes = (value: string) => value.slice(0, 16);

/** The draft as the API's EventInput. */
export function inputFromDraft(draft: EventDraft, questions: readonly QuestionDraft[]): EventInputJson {
  return {
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    plainSummary: draft.plainSummary,
    // Arabic and Farsi keyboards type "،" for a comma.
    topics: list(draft.topics, /[,،]/),
    speakers: list(draft.speakers, "\n"),
    organiser: draft.organiser,
    startsAt: minutes(draft.startsAt),
    endsAt: minutes(draft.endsAt),
    registrationDeadline: draft.registrationDeadline ? minutes(draft.registrationDeadline) : null,
    address: optional(draft.address),
    onlineUrl: optional(draft.onlineUrl),
    capacity: draft.capacity.trim() === "" ? null : Number(draft.capacity),
    visibility: draft.visibility,
    status: draft.status,
    inviteeIds: draft.visibility === "invited" ? draft.invitees.map((i) => i.userId) : [],
    questions: questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      label: q.label,
      kind: q.kind,
      ...(q.kind === "choice" ? { options: optionLines(q.options) } : {}),
      required: q.required,
    })),
  };
}

export function repeatFromDraft(repeat: RepeatDraft): RepeatJson {
  const weekday = repeat.frequency === "monthly" && repeat.monthly !== "date" ? Number(repeat.monthly) : undefined;
  return {
    frequency: repeat.frequency,
    interval: Number(repeat.interval),
    ...(weekday === 1 || weekday === 2 || weekday === 3 || weekday === 4 || weekday === -1 ? { weekdayOfMonth: weekday } : {}),
    count: Number(repeat.count),
  };
}

/** Which "n-th weekday of the month" choices a start date allows: its n (1–4), and -1 if it is the month's last. */
export function weekdayChoices(startsAt: string): { nth: 1 | 2 | 3 | 4 | null; last: boolean; weekdayDate: Date | null } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(startsAt);
  if (!match) return { nth: null, last: false, weekdayDate: null };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const n = Math.ceil(day / 7);
  return {
    nth: n === 1 || n === 2 || n === 3 || n === 4 ? n : null,
    last: day + 7 > daysInMonth,
    weekdayDate: new Date(Date.UTC(year, month - 1, day, 12)),
  };
}

type Schema = typeof EventInput | typeof SeriesInput;

/**
 * Checks the input with the API's own schema before sending, so mistakes show at once and with the
 * same codes the API would answer; plus one rule the schema cannot express per question.
 */
export async function checkInput(schema: Schema, value: unknown, questions: readonly QuestionDraft[]): Promise<void> {
  const fields: Record<string, string> = {};
  const result = await schema["~standard"].validate(value);
  for (const issue of result.issues ?? []) {
    const path = (issue.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".") || "_";
    fields[path] ??= issue.message;
  }
  questions.forEach((q, i) => {
    if (q.kind === "choice" && optionLines(q.options).length < 2) fields[`questions.${i}.options`] ??= "options_required";
  });
  if (Object.keys(fields).length > 0) throw new ApiError(400, "invalid_input", "Some fields are not valid.", fields);
}

/**
 * The API names fields by their path in the input (`event.topics.2`, `questions.0.options.1`);
 * the form has one control per list, so errors go to that control.
 */
export function formFields(error: ApiError): ApiError {
  const fields: Record<string, string> = {};
  for (const [path, code] of Object.entries(error.fields)) {
    const key = path
      .replace(/^event\./, "")
      .replace(/^(topics|speakers|inviteeIds)\.\d+$/, "$1")
      .replace(/^(questions\.\d+\.options)\.\d+$/, "$1");
    fields[key] ??= code;
  }
  return new ApiError(error.status, error.code, error.message, fields, { cause: error });
}
