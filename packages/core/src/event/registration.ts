import { db, retryConflicts, type Tx } from "../db";
import { formatNumber } from "../i18n/format";
import { VisibleError } from "../errors";
import { createId, createSecret, digest } from "../id";
import { normalizeEmail } from "../text";
import { DAY, nowIso } from "../time";
import type { Locale, UserItem } from "../user/user.entity";
import type { EventItem, RegistrationItem, RegistrationStatus } from "./event.entity";
import { getEvent, loadVisibleEvent, registrationClosedReason, type Viewer } from "./events";
import { eventUrl, mailParticipant } from "./notify";

export interface Participant {
  participantKey: string;
  userId?: string;
  name: string;
  email: string;
  locale: Locale;
}

export const memberParticipant = (user: Pick<UserItem, "userId" | "name" | "email" | "locale">): Participant => ({
  participantKey: user.userId,
  userId: user.userId,
  name: user.name,
  email: user.email,
  locale: user.locale,
});

export const guestParticipant = (name: string, email: string, locale: Locale = "de"): Participant => ({
  participantKey: `guest#${normalizeEmail(email)}`,
  name,
  email: email.trim(),
  locale,
});

const closed = (reason: string) => new VisibleError("conflict", "registration_closed", `Registration is closed (${reason}).`, { reason });
const duplicate = () => new VisibleError("conflict", "already_registered", "You are already registered for this event.");
const noRegistration = () => new VisibleError("not_found", "registration_not_found", "No such registration.");

/** Checks answers against the event's questions: required ones given, choices valid, nothing extra. */
export function checkAnswers(event: EventItem, answers: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  const known = new Map(event.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!known.has(id)) fields[`answers.${id}`] = "unknown_question";
  for (const q of event.questions) {
    const answer = answers[q.id]?.trim() ?? "";
    if (q.required && !answer) fields[`answers.${q.id}`] = "required";
    else if (answer && q.kind === "yes_no" && answer !== "yes" && answer !== "no") fields[`answers.${q.id}`] = "invalid_choice";
    else if (answer && q.kind === "choice" && !q.options?.includes(answer)) fields[`answers.${q.id}`] = "invalid_choice";
  }
  if (Object.keys(fields).length > 0) throw new VisibleError("invalid", "invalid_answers", "Some answers are missing or not valid.", fields);
  return Object.fromEntries(Object.entries(answers).map(([k, val]) => [k, val.trim()]));
}

/** How an attempt to take a seat ended. */
type SeatOutcome = "confirmed" | "waitlisted";

const linkTtl = (event: EventItem) => Math.floor((Date.parse(event.endsAt) + 60 * DAY) / 1000);

/**
 * The seat condition every confirmation carries: published, not started, before the deadline,
 * and (for limited events) fewer confirmed than seats. DynamoDB evaluates it atomically with the
 * counter increment, so no number of simultaneous registrations can overbook an event.
 */
function seatCondition(now: string, withCapacity: boolean, ignoreDeadline = false) {
  return (attr: any, op: any) => {
    const parts = [op.eq(attr.status, "published"), op.gt(attr.startsAt, now)];
    if (!ignoreDeadline) parts.push(`(${op.notExists(attr.registrationDeadline)} OR ${op.gt(attr.registrationDeadline, now)})`);
    if (withCapacity) parts.push(`(${op.notExists(attr.capacity)} OR ${`${op.name(attr.confirmedCount)} < ${op.name(attr.capacity)}`})`);
    return parts.join(" AND ");
  };
}

/**
 * Places a registration: a seat if one is free, else the next place on the waitlist.
 * `from` is the status the registration must currently have (absent/cancelled for new ones,
 * unconfirmed for a guest opening their link); that condition makes a second registration a 409.
 */
async function place(event: EventItem, person: Participant, answers: Record<string, string>, from: "new" | "unconfirmed", addedBy?: string): Promise<{ outcome: SeatOutcome; registration: RegistrationItem }> {
  const ignoreDeadline = addedBy !== undefined;
  const now = nowIso();
  const existing = from === "unconfirmed" ? await getRegistration(event.eventId, person.participantKey) : undefined;
  const cancelToken = existing?.cancelToken ?? createSecret();
  const base = {
    eventId: event.eventId,
    participantKey: person.participantKey,
    registrationId: existing?.registrationId ?? createId("reg"),
    userId: person.userId,
    name: person.name,
    email: person.email,
    locale: person.locale,
    answers: existing?.answers ?? answers,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    eventStartsAt: event.startsAt,
    cancelToken,
    addedBy,
  };
  const writeRegistration = (tx: Tx, status: RegistrationStatus, waitlistPosition = 0) => {
    const item = { ...base, status, waitlistPosition };
    return from === "new"
      ? tx.registration
          .put(item)
          .where((attr, op) => `${op.notExists(attr.status)} OR ${op.eq(attr.status, "cancelled")}`)
          .commit()
      : tx.registration
          .put(item)
          .where((attr, op) => op.eq(attr.status, "unconfirmed"))
          .commit();
  };
  const cancelLink = (tx: Tx) =>
    tx.registrationLink
      .put({ tokenHash: digest(cancelToken), purpose: "cancel", eventId: event.eventId, participantKey: person.participantKey, ttl: linkTtl(event) })
      .commit();

  const seat = await retryConflicts(() =>
    db()
      .transaction.write((tx) => [
        tx.event.patch({ eventId: event.eventId }).add({ confirmedCount: 1 }).where(seatCondition(now, true, ignoreDeadline)).commit(),
        writeRegistration(tx, "confirmed"),
        cancelLink(tx),
      ])
      .go(),
  );
  if (!seat.canceled) return { outcome: "confirmed", registration: { ...base, status: "confirmed" } as RegistrationItem };
  if (seat.data[1]?.code === "ConditionalCheckFailed") throw duplicate();

  const fresh = await getEvent(event.eventId);
  const reason = fresh ? registrationClosedReason(fresh) : "event_not_found";
  if (reason && !(ignoreDeadline && reason === "deadline_passed")) throw closed(reason);

  // Full: take a waitlist number first, then join. A number lost to a crash only leaves a gap.
  const { data: numbered } = await db()
    .entities.event.patch({ eventId: event.eventId })
    .add({ waitlistSeq: 1 })
    .go({ response: "updated_new" });
  const position = numbered.waitlistSeq ?? 0;
  const wait = await retryConflicts(() =>
    db()
      .transaction.write((tx) => [
        tx.event.patch({ eventId: event.eventId }).add({ waitlistCount: 1 }).where(seatCondition(now, false, ignoreDeadline)).commit(),
        writeRegistration(tx, "waitlisted", position),
        cancelLink(tx),
      ])
      .go(),
  );
  if (wait.canceled) {
    if (wait.data[1]?.code === "ConditionalCheckFailed") throw duplicate();
    throw closed("changed_meanwhile");
  }
  // A seat may have been freed between our two attempts: let the waitlist move up.
  await fillFromWaitlist(event.eventId);
  const after = await getRegistration(event.eventId, person.participantKey);
  const outcome: SeatOutcome = after?.status === "confirmed" ? "confirmed" : "waitlisted";
  return { outcome, registration: after ?? ({ ...base, status: "waitlisted", waitlistPosition: position } as RegistrationItem) };
}

export async function getRegistration(eventId: string, participantKey: string): Promise<RegistrationItem | undefined> {
  const { data } = await db().entities.registration.get({ eventId, participantKey }).go();
  return data ?? undefined;
}

/** How many are ahead of this registration on the waitlist (1 = next in line). */
export async function waitlistPlace(registration: RegistrationItem): Promise<number | undefined> {
  if (registration.status !== "waitlisted") return undefined;
  const { data } = await db()
    .entities.registration.query.waitlist({ eventId: registration.eventId })
    .lte({ waitlistPosition: registration.waitlistPosition })
    .go({ pages: "all", attributes: ["participantKey"] });
  return data.length;
}

async function announce(event: EventItem, registration: RegistrationItem, outcome: SeatOutcome) {
  if (outcome === "confirmed") {
    await mailParticipant("registrationConfirmed", event, registration, { attachIcs: true });
  } else {
    const position = (await waitlistPlace(registration)) ?? 0;
    await mailParticipant("registrationWaitlisted", event, registration, { vars: { position: formatNumber(position, registration.locale) } });
  }
}

/** A coordinator adds someone by hand: past the deadline if need be, but never past capacity. */
export async function placeByCoordinator(event: EventItem, person: Participant, coordinatorId: string) {
  const reason = registrationClosedReason(event);
  if (reason && reason !== "deadline_passed") throw closed(reason);
  const result = await place(event, person, {}, "new", coordinatorId);
  await announce(event, result.registration, result.outcome);
  return result;
}

/** A member registers with one click. */
export async function registerMember(user: UserItem, eventId: string, answers: Record<string, string>): Promise<{ outcome: SeatOutcome; registration: RegistrationItem }> {
  const viewer: Viewer = { userId: user.userId, role: user.role, status: user.status };
  if (user.status !== "approved") throw new VisibleError("forbidden", "membership_pending", "Your membership has not been approved yet.");
  const event = await loadVisibleEvent(eventId, viewer);
  const reason = registrationClosedReason(event);
  if (reason) throw closed(reason);
  const result = await place(event, memberParticipant(user), checkAnswers(event, answers), "new");
  await announce(event, result.registration, result.outcome);
  return result;
}

/**
 * A guest registers for a public event: nothing counts until they open the link we mail them.
 * Asking again before confirming sends a fresh link instead of failing.
 */
export async function registerGuest(eventId: string, input: { name: string; email: string; answers: Record<string, string> }, locale: Locale = "de"): Promise<void> {
  const event = await getEvent(eventId);
  if (!event || event.status === "draft" || event.visibility !== "public") throw new VisibleError("not_found", "event_not_found", "No such event.");
  const reason = registrationClosedReason(event);
  if (reason) throw closed(reason);
  const answers = checkAnswers(event, input.answers);
  const person = guestParticipant(input.name, input.email, locale);
  const now = nowIso();
  const confirmToken = createSecret();
  const cancelToken = createSecret();
  const result = await db()
    .transaction.write(({ registration, registrationLink }) => [
      registration
        .put({
          eventId,
          participantKey: person.participantKey,
          registrationId: createId("reg"),
          name: person.name,
          email: person.email,
          locale,
          status: "unconfirmed",
          answers,
          createdAt: now,
          updatedAt: now,
          eventStartsAt: event.startsAt,
          cancelToken,
        })
        .where((attr, op) => `${op.notExists(attr.status)} OR ${op.eq(attr.status, "cancelled")} OR ${op.eq(attr.status, "unconfirmed")}`)
        .commit(),
      registrationLink.put({ tokenHash: digest(confirmToken), purpose: "confirm", eventId, participantKey: person.participantKey, ttl: linkTtl(event) }).commit(),
      registrationLink.put({ tokenHash: digest(cancelToken), purpose: "cancel", eventId, participantKey: person.participantKey, ttl: linkTtl(event) }).commit(),
    ])
    .go();
  if (result.canceled) throw duplicate();
  const link = `${eventUrl(eventId)}?confirm=${encodeURIComponent(confirmToken)}`;
  await mailParticipant("guestConfirm", event, { ...person, cancelToken }, { link, withCancelLink: false });
}

async function resolveLink(token: string, purpose: "confirm" | "cancel") {
  const { data } = await db().entities.registrationLink.get({ tokenHash: digest(token) }).go();
  if (!data || data.purpose !== purpose || data.ttl * 1000 <= Date.now()) {
    throw new VisibleError("invalid", "invalid_token", "This link is invalid or has expired.");
  }
  return data;
}

/** A guest opens the confirmation link: now the seat (or waitlist place) is taken. */
export async function confirmGuest(token: string): Promise<{ eventId: string; outcome: SeatOutcome; waitlistPosition: number | null }> {
  const link = await resolveLink(token, "confirm");
  const [event, registration] = await Promise.all([getEvent(link.eventId), getRegistration(link.eventId, link.participantKey)]);
  if (!event || !registration) throw new VisibleError("invalid", "invalid_token", "This link is invalid or has expired.");
  if (registration.status === "confirmed" || registration.status === "waitlisted") {
    return { eventId: event.eventId, outcome: registration.status, waitlistPosition: (await waitlistPlace(registration)) ?? null };
  }
  if (registration.status === "cancelled") throw new VisibleError("conflict", "registration_cancelled", "This registration was cancelled.");
  const reason = registrationClosedReason(event);
  if (reason) throw closed(reason);
  const person: Participant = { participantKey: registration.participantKey, name: registration.name, email: registration.email, locale: registration.locale };
  const result = await place(event, person, registration.answers ?? {}, "unconfirmed");
  await announce(event, result.registration, result.outcome);
  return { eventId: event.eventId, outcome: result.outcome, waitlistPosition: (await waitlistPlace(result.registration)) ?? null };
}

/**
 * Ends a registration and gives its seat to the first on the waitlist. Idempotent: cancelling
 * twice is fine. Conditions on the previous status keep the counters right under races.
 */
export async function cancelRegistration(eventId: string, participantKey: string, options: { notify?: boolean } = {}): Promise<RegistrationItem> {
  const registration = await getRegistration(eventId, participantKey);
  if (!registration) throw noRegistration();
  if (registration.status === "cancelled") return registration;
  const now = nowIso();
  const counter =
    registration.status === "confirmed" ? { confirmedCount: -1 } : registration.status === "waitlisted" ? { waitlistCount: -1 } : undefined;
  const result = await db()
    .transaction.write(({ registration: registrations, event }) => [
      registrations
        .patch({ eventId, participantKey })
        .set({ status: "cancelled", updatedAt: now, waitlistPosition: registration.waitlistPosition })
        .where((attr, op) => op.eq(attr.status, registration.status))
        .commit(),
      ...(counter ? [event.patch({ eventId }).add(counter).commit()] : []),
    ])
    .go();
  // Lost a race with another change of this registration: start over from what is stored now.
  if (result.canceled) return cancelRegistration(eventId, participantKey, options);
  if (registration.status === "confirmed") await fillFromWaitlist(eventId);
  const event = await getEvent(eventId);
  if (event && options.notify !== false) await mailParticipant("registrationCancelled", event, registration, { withCancelLink: false });
  return { ...registration, status: "cancelled" };
}

/** The participant's own cancellation link, no sign-in needed. */
export async function cancelByLink(token: string): Promise<{ eventId: string; title: string }> {
  const link = await resolveLink(token, "cancel");
  await cancelRegistration(link.eventId, link.participantKey);
  const event = await getEvent(link.eventId);
  return { eventId: link.eventId, title: event?.title ?? "" };
}

/** Looks at what a cancellation link would cancel, so the page can ask before doing it. */
export async function describeCancelLink(token: string) {
  const link = await resolveLink(token, "cancel");
  const [event, registration] = await Promise.all([getEvent(link.eventId), getRegistration(link.eventId, link.participantKey)]);
  if (!event || !registration) throw new VisibleError("invalid", "invalid_token", "This link is invalid or has expired.");
  return { eventId: event.eventId, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, name: registration.name, status: registration.status };
}

/**
 * Moves people from the waitlist to free seats, first come first served, and tells them.
 * Safe to run any time and concurrently: each promotion is a transaction conditioned on a free
 * seat and on the person still waiting.
 */
export async function fillFromWaitlist(eventId: string): Promise<number> {
  let promoted = 0;
  for (let attempt = 0; attempt < 200; attempt++) {
    const event = await getEvent(eventId);
    if (!event || event.status !== "published" || Date.parse(event.startsAt) <= Date.now()) break;
    if (event.capacity !== undefined && event.confirmedCount >= event.capacity) break;
    const { data } = await db().entities.registration.query.waitlist({ eventId }).go({ limit: 1 });
    const head = data[0];
    if (!head) break;
    const now = nowIso();
    const result = await db()
      .transaction.write(({ registration, event: events }) => [
        registration
          .patch({ eventId, participantKey: head.participantKey })
          .set({ status: "confirmed", updatedAt: now, waitlistPosition: head.waitlistPosition })
          .where((attr, op) => op.eq(attr.status, "waitlisted"))
          .commit(),
        events
          .patch({ eventId })
          .add({ confirmedCount: 1, waitlistCount: -1 })
          .where((attr, op) => `${op.eq(attr.status, "published")} AND (${op.notExists(attr.capacity)} OR ${`${op.name(attr.confirmedCount)} < ${op.name(attr.capacity)}`})`)
          .commit(),
      ])
      .go();
    if (result.canceled) continue;
    promoted += 1;
    await mailParticipant("registrationPromoted", event, head, { attachIcs: true });
  }
  return promoted;
}
