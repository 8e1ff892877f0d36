import { getItems } from "../batch";
import { conditionFailed, db, paged } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { renderMarkdown } from "../markdown";
import { berlinToUtc, nowIso, utcToBerlin } from "../time";
import { isStaff } from "../user/account";
import type { MemberStatus, Role } from "../user/user.entity";
import type { EventItem, EventKind, EventStatus, RegistrationItem, Visibility } from "./event.entity";
import type { EventInput, EventListQuery } from "./schema";

/** Who is looking: undefined for a guest. */
export type Viewer = { userId: string; role: Role; status: MemberStatus } | undefined;

export const isCoordinator = (viewer: Viewer): boolean =>
  !!viewer && viewer.status === "approved" && isStaff(viewer.role);
const isMember = (viewer: Viewer): viewer is NonNullable<Viewer> => !!viewer && viewer.status === "approved";

export function canSee(event: EventItem, viewer: Viewer): boolean {
  if (isCoordinator(viewer)) return true;
  if (event.status === "draft") return false;
  if (event.visibility === "public") return true;
  if (!isMember(viewer)) return false;
  return event.visibility === "members" || (event.inviteeIds ?? []).includes(viewer.userId);
}

export function assertCoordinator(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!isCoordinator(viewer)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

const notFound = () => new VisibleError("not_found", "event_not_found", "No such event.");

export async function getEvent(eventId: string): Promise<EventItem | undefined> {
  const { data } = await db().entities.event.get({ eventId }).go();
  return data ?? undefined;
}

/** The event if this viewer may see it; otherwise not found, so hidden events stay hidden. */
export async function loadVisibleEvent(eventId: string, viewer: Viewer): Promise<EventItem> {
  const event = await getEvent(eventId);
  if (!event || !canSee(event, viewer)) throw notFound();
  return event;
}

/** The event if this viewer may see it, with the viewer's own registration, in one round trip. */
export async function loadVisibleEventWithRegistration(eventId: string, viewer: Viewer): Promise<{ event: EventItem; registration: RegistrationItem | undefined }> {
  if (!viewer) return { event: await loadVisibleEvent(eventId, viewer), registration: undefined };
  const { event: events, registration: registrations } = db().entities;
  const [eventItem, registrationItem] = await getItems([events.get({ eventId }), registrations.get({ eventId, participantKey: viewer.userId })]);
  const event = eventItem ? events.parse({ Item: eventItem }).data : null;
  if (!event || !canSee(event, viewer)) throw notFound();
  return { event, registration: registrationItem ? (registrations.parse({ Item: registrationItem }).data ?? undefined) : undefined };
}

export interface EventView {
  eventId: string;
  kind: EventKind;
  title: string;
  descriptionHtml: string;
  /** Plain text in plain German, or null when the coordinators wrote none. */
  plainSummary: string | null;
  topics: string[];
  speakers: string[];
  organiser: string;
  startsAt: string;
  endsAt: string;
  address: string | null;
  isOnline: boolean;
  /** Only for confirmed participants and coordinators. */
  onlineUrl: string | null;
  capacity: number | null;
  confirmedCount: number;
  placesLeft: number | null;
  waitlistCount: number;
  registrationDeadline: string | null;
  registrationOpen: boolean;
  /** Why registration is closed (event_cancelled, event_not_published, event_started, deadline_passed), or null. */
  registrationClosedReason: string | null;
  visibility: Visibility;
  status: EventStatus;
  seriesId: string | null;
  questions: { id: string; label: string; kind: "text" | "yes_no" | "choice"; options: string[]; required: boolean }[];
  myRegistration: { status: RegistrationItem["status"]; waitlistPosition: number | null; attendance: string | null } | null;
}

/** Why registration is closed, or null while it is open. */
export function registrationClosedReason(event: EventItem, now = Date.now()): string | null {
  if (event.status !== "published") return event.status === "cancelled" ? "event_cancelled" : "event_not_published";
  if (Date.parse(event.startsAt) <= now) return "event_started";
  if (event.registrationDeadline && Date.parse(event.registrationDeadline) <= now) return "deadline_passed";
  return null;
}

export async function toEventView(event: EventItem, viewer: Viewer, registration?: RegistrationItem, waitingAhead?: number): Promise<EventView> {
  const confirmed = registration?.status === "confirmed";
  const capacity = event.capacity ?? null;
  return {
    eventId: event.eventId,
    kind: event.kind,
    title: event.title,
    descriptionHtml: await renderMarkdown(event.description),
    plainSummary: event.plainSummary || null,
    topics: event.topics,
    speakers: event.speakers,
    organiser: event.organiser,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    address: event.address ?? null,
    isOnline: !!event.onlineUrl,
    onlineUrl: confirmed || isCoordinator(viewer) ? (event.onlineUrl ?? null) : null,
    capacity,
    confirmedCount: event.confirmedCount,
    placesLeft: capacity === null ? null : Math.max(0, capacity - event.confirmedCount),
    waitlistCount: event.waitlistCount,
    registrationDeadline: event.registrationDeadline ?? null,
    registrationOpen: registrationClosedReason(event) === null,
    registrationClosedReason: registrationClosedReason(event),
    visibility: event.visibility,
    status: event.status,
    seriesId: event.seriesId === event.eventId ? null : event.seriesId,
    questions: event.questions.map((q) => ({ ...q, options: q.options ?? [] })),
    myRegistration:
      registration && registration.status !== "cancelled"
        ? { status: registration.status, waitlistPosition: waitingAhead ?? null, attendance: registration.attendance ?? null }
        : null,
  };
}

/** What a coordinator edits: the stored event in the form's terms (Berlin wall-clock times). */
export function toEventInput(event: EventItem): EventInput {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    plainSummary: event.plainSummary,
    topics: event.topics,
    speakers: event.speakers,
    organiser: event.organiser,
    startsAt: utcToBerlin(event.startsAt),
    endsAt: utcToBerlin(event.endsAt),
    address: event.address ?? null,
    onlineUrl: event.onlineUrl ?? null,
    capacity: event.capacity ?? null,
    registrationDeadline: event.registrationDeadline ? utcToBerlin(event.registrationDeadline) : null,
    visibility: event.visibility,
    status: event.status === "published" ? "published" : "draft",
    inviteeIds: [...(event.inviteeIds ?? [])],
    questions: event.questions.map((q) => ({ ...q, options: q.options ?? [] })),
  };
}

const invalid = (field: string, code: string, message: string) => new VisibleError("invalid", code, message, { [field]: code });

/** Checks what the schema cannot: order of times, a place, answers to questions; and converts to UTC. */
export function normaliseEventInput(input: EventInput) {
  const startsAt = berlinToUtc(input.startsAt);
  const endsAt = berlinToUtc(input.endsAt);
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw invalid("endsAt", "ends_before_start", "The event must end after it starts.");
  const registrationDeadline = input.registrationDeadline ? berlinToUtc(input.registrationDeadline) : undefined;
  if (registrationDeadline && Date.parse(registrationDeadline) > Date.parse(startsAt)) {
    throw invalid("registrationDeadline", "deadline_after_start", "The registration deadline must not be after the start.");
  }
  if (!input.address && !input.onlineUrl) throw invalid("address", "place_required", "Give an address or an online link.");
  const questions = input.questions.map((q) => {
    if (q.kind === "choice" && (q.options?.length ?? 0) < 2) {
      throw invalid("questions", "options_required", "A choice question needs at least two options.");
    }
    return { id: q.id ?? `q${Math.random().toString(36).slice(2, 10)}`, label: q.label, kind: q.kind, required: q.required, options: q.kind === "choice" ? q.options : undefined };
  });
  if (input.visibility !== "invited" && input.inviteeIds.length > 0) {
    throw invalid("inviteeIds", "invitees_only_for_invited", "Only invited-only events have invitees.");
  }
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    plainSummary: input.plainSummary ?? "",
    topics: [...new Set(input.topics)],
    speakers: input.speakers,
    organiser: input.organiser,
    startsAt,
    endsAt,
    address: input.address ?? undefined,
    onlineUrl: input.onlineUrl ?? undefined,
    capacity: input.capacity ?? undefined,
    registrationDeadline,
    visibility: input.visibility,
    inviteeIds: input.inviteeIds.length > 0 ? input.inviteeIds : undefined,
    questions,
  };
}

export async function createEvent(viewer: Viewer, input: EventInput, seriesId?: string): Promise<EventItem> {
  assertCoordinator(viewer);
  const now = nowIso();
  const fields = normaliseEventInput(input);
  const eventId = createId("evt");
  const { data } = await db()
    .entities.event.create({
      ...fields,
      eventId,
      status: input.status,
      seriesId: seriesId ?? eventId,
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
      updatedBy: viewer.userId,
    })
    .go();
  return data;
}

/** Fields of an update that make registered people want to know. */
export function noticeableChanges(before: EventItem, after: Pick<EventItem, "startsAt" | "endsAt" | "address" | "onlineUrl" | "title">): string[] {
  const changed: string[] = [];
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) changed.push("time");
  if ((before.address ?? "") !== (after.address ?? "") || (before.onlineUrl ?? "") !== (after.onlineUrl ?? "")) changed.push("place");
  if (before.title !== after.title) changed.push("title");
  return changed;
}

/**
 * Replaces the editable fields of one event. Capacity may not drop below the confirmed count:
 * the condition makes that hold even against a registration arriving at the same moment.
 */
export async function updateEvent(viewer: Viewer, eventId: string, input: EventInput): Promise<{ before: EventItem; after: EventItem }> {
  assertCoordinator(viewer);
  const before = await getEvent(eventId);
  if (!before) throw notFound();
  if (before.status === "cancelled") throw new VisibleError("conflict", "event_cancelled", "A cancelled event cannot be edited.");
  const fields = normaliseEventInput(input);
  if (before.status === "published" && input.status === "draft" && before.confirmedCount + before.waitlistCount > 0) {
    throw new VisibleError("conflict", "has_registrations", "People have registered: cancel the event instead of unpublishing it.");
  }
  const removed = (["address", "onlineUrl", "capacity", "registrationDeadline", "inviteeIds"] as const).filter((k) => fields[k] === undefined);
  try {
    const { data } = await db()
      .entities.event.patch({ eventId })
      .set({ ...withoutUndefined(fields), seriesId: before.seriesId, status: input.status, updatedAt: nowIso(), updatedBy: viewer.userId })
      .add({ revision: 1 })
      .remove(removed)
      .where((attr, op) =>
        fields.capacity === undefined
          ? op.ne(attr.status, "cancelled")
          : `${op.ne(attr.status, "cancelled")} AND ${op.lte(attr.confirmedCount, fields.capacity)}`,
      )
      .go({ response: "all_new" });
    return { before, after: data as EventItem };
  } catch (err) {
    if (conditionFailed(err)) {
      throw new VisibleError("conflict", "capacity_below_confirmed", "More people are confirmed than the new capacity allows.", { capacity: "capacity_below_confirmed" });
    }
    throw err;
  }
}

export function withoutUndefined<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export async function setEventStatus(viewer: Viewer, eventId: string, status: "published" | "cancelled"): Promise<{ before: EventItem; after: EventItem }> {
  assertCoordinator(viewer);
  const before = await getEvent(eventId);
  if (!before) throw notFound();
  const allowedFrom: EventStatus[] = status === "published" ? ["draft"] : ["draft", "published"];
  try {
    const { data } = await db()
      .entities.event.patch({ eventId })
      .set({ status, updatedAt: nowIso(), updatedBy: viewer.userId })
      .add({ revision: 1 })
      .where((attr, op) => allowedFrom.map((s) => op.eq(attr.status, s)).join(" OR "))
      .go({ response: "all_new" });
    return { before, after: data as EventItem };
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "invalid_transition", `The event cannot become ${status} from ${before.status}.`);
    throw err;
  }
}

const PAGE = 20;
const DAY_MS = 86_400_000;

/**
 * Events by date, newest last (upcoming) or first (past), with what this viewer may see.
 * One Query on the date index; filters narrow it, and the cursor pages on.
 */
export async function listEvents(viewer: Viewer, query: EventListQuery): Promise<{ events: EventView[]; cursor: string | null }> {
  const now = new Date().toISOString();
  // Events that started up to a week ago may still be running; endsAt decides below.
  const pivot = new Date(Date.now() - 7 * DAY_MS).toISOString();
  const byDate = db().entities.event.query.byDate;
  const range = query.when === "upcoming" ? byDate({}).gte({ startsAt: pivot }) : byDate({}).lt({ startsAt: now });
  const coordinator = isCoordinator(viewer);
  if (query.status && !coordinator) throw new VisibleError("forbidden", "forbidden", "Only coordinators filter by status.");
  const filtered = range.where((attr, op) => {
    const clauses: string[] = [];
    clauses.push(query.when === "upcoming" ? op.gt(attr.endsAt, now) : op.lte(attr.endsAt, now));
    if (query.status) clauses.push(op.eq(attr.status, query.status));
    else if (!coordinator) clauses.push(op.ne(attr.status, "draft"));
    if (!coordinator) {
      if (!isMember(viewer)) clauses.push(op.eq(attr.visibility, "public"));
      else clauses.push(`(${op.ne(attr.visibility, "invited")} OR ${op.contains(attr.inviteeIds, viewer.userId)})`);
    }
    if (query.kind) clauses.push(op.eq(attr.kind, query.kind));
    if (query.topic) clauses.push(op.contains(attr.topics, query.topic));
    if (query.organiser) clauses.push(op.eq(attr.organiser, query.organiser));
    return clauses.join(" AND ");
  });
  // `count` fills the page after filtering (DynamoDB's Limit counts items before the filter).
  const { data, cursor } = await paged(() =>
    filtered.go({ cursor: query.cursor || null, count: PAGE, order: query.when === "upcoming" ? "asc" : "desc" }),
  );
  return { events: await Promise.all(data.map((e) => toEventView(e, viewer))), cursor };
}

/** Topics and organisers of upcoming (or past) events, for the list's filters. */
export async function listFacets(viewer: Viewer, when: "upcoming" | "past" = "upcoming"): Promise<{ topics: string[]; organisers: string[] }> {
  const topics = new Set<string>();
  const organisers = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await listEvents(viewer, { when, cursor: cursor ?? undefined });
    for (const e of page.events) {
      e.topics.forEach((t) => topics.add(t));
      organisers.add(e.organiser);
    }
    cursor = page.cursor;
  } while (cursor);
  const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b, "de"));
  return { topics: sort(topics), organisers: sort(organisers) };
}
