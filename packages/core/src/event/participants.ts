import { excelCsv } from "../csv";
import { serverTexts } from "../i18n";
import type { Locale } from "../user/constants";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { mailParticipant } from "./notify";
import { getUser } from "../user/account";
import { utcToBerlin } from "../time";
import type { EventItem, RegistrationItem } from "./event.entity";
import { assertCoordinator, getEvent, type Viewer } from "./events";
import { cancelRegistration, guestParticipant, memberParticipant, placeByCoordinator } from "./registration";

export interface ParticipantView {
  participantKey: string;
  registrationId: string;
  name: string;
  email: string;
  isGuest: boolean;
  status: RegistrationItem["status"];
  waitlistPosition: number | null;
  attendance: "attended" | "no_show" | null;
  answers: Record<string, string>;
  createdAt: string;
  addedByCoordinator: boolean;
}

const toView = (r: RegistrationItem): ParticipantView => ({
  participantKey: r.participantKey,
  registrationId: r.registrationId,
  name: r.name,
  email: r.email,
  isGuest: !r.userId,
  status: r.status,
  waitlistPosition: r.status === "waitlisted" ? r.waitlistPosition : null,
  attendance: r.attendance ?? null,
  answers: (r.answers ?? {}) as Record<string, string>,
  createdAt: r.createdAt,
  addedByCoordinator: !!r.addedBy,
});

async function loadForCoordinator(viewer: Viewer, eventId: string): Promise<EventItem> {
  assertCoordinator(viewer);
  const event = await getEvent(eventId);
  if (!event) throw new VisibleError("not_found", "event_not_found", "No such event.");
  return event;
}

const ORDER = { confirmed: 0, waitlisted: 1, unconfirmed: 2, cancelled: 3 } as const;

/** Everyone who ever registered, confirmed first (by name), then the waitlist in order. */
export async function listParticipants(viewer: Viewer, eventId: string): Promise<{ event: EventItem; participants: ParticipantView[] }> {
  const event = await loadForCoordinator(viewer, eventId);
  const { data } = await db().entities.registration.query.byEvent({ eventId }).go({ pages: "all" });
  const participants = data
    .map(toView)
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) || a.name.localeCompare(b.name, "de"));
  return { event, participants };
}

/**
 * The participant list as CSV for Excel, with the answers to the event's questions; headings and
 * fixed words (status, yes/no) in the coordinator's language, the questions as the event asks them.
 */
export async function participantsCsv(viewer: Viewer, eventId: string, locale: Locale = "de"): Promise<{ filename: string; csv: string }> {
  const { event, participants } = await listParticipants(viewer, eventId);
  const words = serverTexts(locale).csv;
  const col = words.participants;
  const yesNo: Record<string, string> = { yes: words.yes, no: words.no };
  const header = [col.name, col.email, col.status, col.waitlistPosition, col.attendance, col.guest, col.registeredAt, ...event.questions.map((q) => q.label)];
  const rows = participants.map((p) => [
    p.name,
    p.email,
    col.statuses[p.status],
    p.waitlistPosition ?? "",
    p.attendance ? col.attendances[p.attendance] : "",
    p.isGuest ? words.yes : words.no,
    utcToBerlin(p.createdAt).replace("T", " "),
    ...event.questions.map((q) => {
      const answer = p.answers[q.id] ?? "";
      return q.kind === "yes_no" ? yesNo[answer] ?? "" : answer;
    }),
  ]);
  const csv = await excelCsv([header, ...rows]);
  const slug = event.title.normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").slice(0, 40).toLowerCase();
  return { filename: `teilnehmende-${slug || event.eventId}.csv`, csv };
}

/** A coordinator adds someone by hand: a member by id, or a person by name and e-mail. */
export async function addParticipant(viewer: Viewer, eventId: string, who: { userId?: string; name?: string; email?: string }) {
  assertCoordinator(viewer);
  const event = await loadForCoordinator(viewer, eventId);
  let person;
  if (who.userId) {
    const user = await getUser(who.userId);
    if (!user || user.status !== "approved") throw new VisibleError("not_found", "member_not_found", "No such member.");
    person = memberParticipant(user);
  } else if (who.name && who.email) {
    person = guestParticipant(who.name, who.email);
  } else {
    throw new VisibleError("invalid", "participant_required", "Choose a member or give name and e-mail.", { userId: "required" });
  }
  return placeByCoordinator(event, person, viewer.userId);
}

export async function removeParticipant(viewer: Viewer, eventId: string, participantKey: string) {
  await loadForCoordinator(viewer, eventId);
  return cancelRegistration(eventId, participantKey);
}

/** Check-in during the event: only people with a seat can be marked. */
export async function setAttendance(viewer: Viewer, eventId: string, participantKey: string, attendance: "attended" | "no_show" | null): Promise<ParticipantView> {
  await loadForCoordinator(viewer, eventId);
  const update = db().entities.registration.patch({ eventId, participantKey });
  try {
    const { data } = await (attendance ? update.set({ attendance }) : update.remove(["attendance"]))
      .where((attr, op) => op.eq(attr.status, "confirmed"))
      .go({ response: "all_new" });
    return toView(data as RegistrationItem);
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "not_confirmed", "Only confirmed participants can be checked in.");
    throw err;
  }
}

/** Sends a coordinator's message to everyone with a seat (and, if asked, the waitlist). */
export async function messageParticipants(viewer: Viewer, eventId: string, message: { subject: string; body: string; includeWaitlist: boolean }): Promise<{ sent: number }> {
  assertCoordinator(viewer);
  const { event, participants } = await listParticipants(viewer, eventId);
  const sender = (await getUser(viewer.userId))?.name ?? "Koordination";
  const { data } = await db().entities.registration.query.byEvent({ eventId }).go({ pages: "all" });
  const byKey = new Map(data.map((r) => [r.participantKey, r]));
  let sent = 0;
  for (const p of participants) {
    if (p.status !== "confirmed" && !(message.includeWaitlist && p.status === "waitlisted")) continue;
    const registration = byKey.get(p.participantKey)!;
    await mailParticipant("eventMessage", event, registration, { vars: { subject: message.subject, message: message.body, sender } });
    sent += 1;
  }
  return { sent };
}
