import { db, retryConflicts } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { memberNames } from "../user/account";
import { addDays, PENDING_STATUSES, type ContactKind, type LogAction, type MilestoneStatus } from "./constants";
import {
  logEntry,
  logReads,
  participantAsCoordinator,
  participantFor,
  programmeAsCoordinator,
  type Actor,
  type ProgrammeRole,
} from "./access";
import { berlinToday, coordinatorIdsOf, toMilestoneView, usersById, type MilestoneView } from "./programmes";
import type { ContactItem, MilestoneItem, ParticipantItem } from "./programme.entity";
import type { ContactInput, MilestoneInput, ParticipantInput } from "./schema";

const changedMeanwhile = () => new VisibleError("conflict", "changed_meanwhile", "The record changed meanwhile. Please reload.");

/** The coordinator must be on the programme; mentors must be approved members. */
async function checkAssignments(programmeId: string, input: Pick<ParticipantInput, "coordinatorId" | "mentorIds">): Promise<void> {
  const coordinators = await coordinatorIdsOf(programmeId);
  if (!coordinators.includes(input.coordinatorId)) {
    throw new VisibleError("invalid", "invalid_coordinator", "The assigned coordinator must coordinate this programme.", { coordinatorId: "invalid_coordinator" });
  }
  const users = await usersById(input.mentorIds);
  if (input.mentorIds.some((id) => users.get(id)?.status !== "approved")) {
    throw new VisibleError("invalid", "invalid_mentors", "Mentors must be approved members.", { mentorIds: "invalid_mentors" });
  }
}

/** What the participant's due milestone gets indexed under for reminders. */
function reminderKey(status: MilestoneStatus, dueDate: string | null | undefined): string {
  return dueDate && PENDING_STATUSES.includes(status) ? dueDate : "-";
}

export async function createParticipant(actor: Actor, programmeId: string, input: ParticipantInput): Promise<{ participantId: string }> {
  const programme = await programmeAsCoordinator(actor, programmeId);
  const mentorIds = [...new Set(input.mentorIds)];
  await checkAssignments(programmeId, { coordinatorId: input.coordinatorId, mentorIds });
  const participantId = createId("ptp");
  const now = nowIso();
  await db()
    .transaction.write(({ participant, mentorship, milestone, participantAccess }) => [
      participant
        .create({
          participantId,
          programmeId,
          name: input.name,
          email: input.email,
          phone: input.phone,
          languages: input.languages,
          coordinatorId: input.coordinatorId,
          mentorIds,
          consentDate: input.consentDate,
          consentText: input.consentText,
          notes: input.notes,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .commit(),
      ...mentorIds.map((userId) => mentorship.create({ participantId, userId, programmeId, assignedBy: actor.userId, assignedAt: now }).commit()),
      ...programme.stages.map((stage, i) => {
        const dueDate = addDays(programme.courseStart, stage.offsetDays);
        return milestone
          .create({
            participantId,
            milestoneId: `m${String(i + 1).padStart(2, "0")}`,
            programmeId,
            title: stage.title,
            status: "open",
            dueDate,
            reminderKey: reminderKey("open", dueDate),
            updatedAt: now,
            updatedBy: actor.userId,
          })
          .commit();
      }),
      participantAccess.create(logEntry(actor, participantId, "participant_created")).commit(),
    ])
    .go();
  return { participantId };
}

export interface ContactView {
  contactId: string;
  date: string;
  kind: ContactKind;
  note: string;
  authorName: string | null;
  mine: boolean;
}

export interface ParticipantView {
  participantId: string;
  programmeId: string;
  programmeName: string;
  name: string;
  email: string;
  phone: string;
  languages: string[];
  coordinator: { userId: string; name: string };
  mentors: { userId: string; name: string }[];
  consentDate: string;
  consentText: string;
  notes: string;
  lastContactAt: string | null;
  revision: number;
  milestones: MilestoneView[];
  contacts: ContactView[];
  role: ProgrammeRole;
}

async function loadRecord(participantId: string) {
  const [{ data: milestones }, { data: contacts }] = await Promise.all([
    db().entities.milestone.query.byParticipant({ participantId }).go({ pages: "all" }),
    db().entities.participantContact.query.byParticipant({ participantId }).go({ order: "desc", pages: "all" }),
  ]);
  return { milestones, contacts };
}

async function toView(actor: Actor, p: ParticipantItem, role: ProgrammeRole, milestones: MilestoneItem[], contacts: ContactItem[]): Promise<ParticipantView> {
  const people = [p.coordinatorId, ...p.mentorIds, ...contacts.map((c) => c.authorId)];
  const names = new Map((await memberNames([...new Set(people)])).map((m) => [m.userId, m.name]));
  const { data: programme } = await db().entities.programme.get({ programmeId: p.programmeId }).go();
  return {
    participantId: p.participantId,
    programmeId: p.programmeId,
    programmeName: programme?.name ?? "",
    name: p.name,
    email: p.email,
    phone: p.phone,
    languages: p.languages,
    coordinator: { userId: p.coordinatorId, name: names.get(p.coordinatorId) ?? "" },
    mentors: p.mentorIds.map((userId) => ({ userId, name: names.get(userId) ?? "" })),
    consentDate: p.consentDate,
    consentText: p.consentText,
    notes: p.notes,
    lastContactAt: p.lastContactAt ?? null,
    revision: p.revision,
    milestones: milestones.map(toMilestoneView),
    contacts: contacts
      .sort((a, b) => b.date.localeCompare(a.date) || b.contactId.localeCompare(a.contactId))
      .map((c) => ({ contactId: c.contactId, date: c.date, kind: c.kind, note: c.note, authorName: names.get(c.authorId) ?? null, mine: c.authorId === actor.userId })),
    role,
  };
}

/** The participant's whole record; the read is logged before it is answered. */
export async function showParticipant(actor: Actor, participantId: string, action: LogAction = "participant_viewed"): Promise<ParticipantView> {
  const { participant, role } = await participantFor(actor, participantId);
  const { milestones, contacts } = await loadRecord(participantId);
  await logReads(actor, [participantId], action);
  return toView(actor, participant, role, milestones, contacts);
}

export async function updateParticipant(actor: Actor, participantId: string, input: ParticipantInput, revision: number): Promise<ParticipantView> {
  const before = await participantAsCoordinator(actor, participantId);
  const mentorIds = [...new Set(input.mentorIds)];
  await checkAssignments(before.programmeId, { coordinatorId: input.coordinatorId, mentorIds });
  const added = mentorIds.filter((id) => !before.mentorIds.includes(id));
  const removed = before.mentorIds.filter((id) => !mentorIds.includes(id));
  const now = nowIso();
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ participant, mentorship, participantAccess }) => [
        participant
          .patch({ participantId })
          .set({
            name: input.name,
            email: input.email,
            phone: input.phone,
            languages: input.languages,
            coordinatorId: input.coordinatorId,
            mentorIds,
            consentDate: input.consentDate,
            consentText: input.consentText,
            notes: input.notes,
            updatedAt: now,
          })
          .add({ revision: 1 })
          .where((attr, op) => op.eq(attr.revision, revision))
          .commit(),
        ...added.map((userId) => mentorship.create({ participantId, userId, programmeId: before.programmeId, assignedBy: actor.userId, assignedAt: now }).commit()),
        ...removed.map((userId) => mentorship.delete({ participantId, userId }).commit()),
        participantAccess.create(logEntry(actor, participantId, added.length + removed.length > 0 ? "mentors_changed" : "participant_updated")).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw changedMeanwhile();
  return showParticipant(actor, participantId);
}

export async function updateMilestone(actor: Actor, participantId: string, milestoneId: string, input: Omit<MilestoneInput, "doneDate"> & { doneDate?: string | null }): Promise<MilestoneView> {
  await participantFor(actor, participantId);
  const doneDate = input.status === "done" ? (input.doneDate ?? berlinToday()) : null;
  const now = nowIso();
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ milestone, participant, participantAccess }) => [
        (() => {
          const cleared = [...(input.dueDate ? [] : ["dueDate" as const]), ...(doneDate ? [] : ["doneDate" as const])];
          const update = milestone
            .patch({ participantId, milestoneId })
            .set({
              status: input.status,
              note: input.note,
              reminderKey: reminderKey(input.status, input.dueDate),
              updatedAt: now,
              updatedBy: actor.userId,
              ...(input.dueDate ? { dueDate: input.dueDate } : {}),
              ...(doneDate ? { doneDate } : {}),
            });
          return (cleared.length > 0 ? update.remove(cleared) : update).commit();
        })(),
        // The participant must still exist: a deletion meanwhile wins.
        participant.check({ participantId }).where((attr, op) => op.exists(attr.participantId)).commit(),
        participantAccess.create(logEntry(actor, participantId, "milestone_updated", milestoneId)).commit(),
      ])
      .go(),
  );
  if (result.canceled) {
    if (result.data[0]?.code === "ConditionalCheckFailed") throw new VisibleError("not_found", "milestone_not_found", "There is no such milestone.");
    throw changedMeanwhile();
  }
  const { data } = await db().entities.milestone.get({ participantId, milestoneId }).go();
  return toMilestoneView(data!);
}

export async function logContact(actor: Actor, participantId: string, input: ContactInput): Promise<ContactView> {
  const { participant: p } = await participantFor(actor, participantId);
  const now = nowIso();
  const contactId = createId("pct");
  const latest = p.lastContactAt && p.lastContactAt > input.date ? p.lastContactAt : input.date;
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ participantContact, participant, participantAccess }) => [
        participantContact
          .create({ participantId, contactId, programmeId: p.programmeId, date: input.date, kind: input.kind, note: input.note, authorId: actor.userId, createdAt: now })
          .commit(),
        participant
          .patch({ participantId })
          .set({ lastContactAt: latest })
          .where((attr, op) => op.exists(attr.participantId))
          .commit(),
        participantAccess.create(logEntry(actor, participantId, "contact_logged", contactId)).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw changedMeanwhile();
  const names = await memberNames([actor.userId]);
  return { contactId, date: input.date, kind: input.kind, note: input.note, authorName: names[0]?.name ?? null, mine: true };
}

export interface AccessLogView {
  logId: string;
  at: string;
  action: LogAction;
  detail: string;
  actorName: string | null;
}

/** The participant's access log, newest first; looking at it is logged too. */
export async function accessLog(actor: Actor, participantId: string): Promise<AccessLogView[]> {
  await participantAsCoordinator(actor, participantId);
  await logReads(actor, [participantId], "log_viewed");
  const { data } = await db().entities.participantAccess.query.byParticipant({ participantId }).go({ order: "desc", pages: "all" });
  const names = new Map((await memberNames([...new Set(data.map((e) => e.actorId))])).map((m) => [m.userId, m.name]));
  return data.map((e) => ({ logId: e.logId, at: e.at, action: e.action, detail: e.detail, actorName: names.get(e.actorId) ?? null }));
}

/** Everything held about the participant, as JSON for the coordinator to hand to them (GDPR Art. 15/20). */
export async function exportParticipant(actor: Actor, participantId: string) {
  await participantAsCoordinator(actor, participantId);
  const view = await showParticipant(actor, participantId, "data_exported");
  const { data: log } = await db().entities.participantAccess.query.byParticipant({ participantId }).go({ pages: "all" });
  return {
    exportedAt: nowIso(),
    programme: { programmeId: view.programmeId, name: view.programmeName },
    person: { name: view.name, email: view.email, phone: view.phone, languages: view.languages, notes: view.notes },
    consent: { date: view.consentDate, text: view.consentText },
    coordinator: view.coordinator.name,
    mentors: view.mentors.map((m) => m.name),
    milestones: view.milestones,
    contacts: view.contacts.map(({ date, kind, note, authorName }) => ({ date, kind, note, by: authorName })),
    accessLog: log.map((e) => ({ at: e.at, action: e.action, detail: e.detail })),
  };
}

/**
 * Erases the participant: the record goes in one transaction with a programme log entry that holds
 * only who deleted whom (by id) and when; everything else under the participant's key follows. A
 * crash between the two leaves items nobody can reach (access needs the record); running the
 * deletion of those again finishes it.
 */
export async function deleteParticipant(actor: Actor, participantId: string): Promise<void> {
  const participant = await participantAsCoordinator(actor, participantId);
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ participant: p, programmeLog }) => [
        p.delete({ participantId }).where((attr, op) => op.exists(attr.participantId)).commit(),
        programmeLog
          .create({ programmeId: participant.programmeId, logId: createId("pgl"), actorId: actor.userId, action: "participant_deleted", participantId, at: nowIso() })
          .commit(),
      ])
      .go(),
  );
  if (result.canceled) throw changedMeanwhile();
  await purgeParticipantItems(participantId);
}

/** Deletes every remaining item under the participant's key (milestones, contacts, mentorships, log, reminder claims). */
export async function purgeParticipantItems(participantId: string): Promise<void> {
  const e = db().entities;
  const [milestones, contacts, mentorships, log, reminders] = await Promise.all([
    e.milestone.query.byParticipant({ participantId }).go({ pages: "all" }),
    e.participantContact.query.byParticipant({ participantId }).go({ pages: "all" }),
    e.mentorship.query.byParticipant({ participantId }).go({ pages: "all" }),
    e.participantAccess.query.byParticipant({ participantId }).go({ pages: "all" }),
    e.milestoneReminder.query.byParticipant({ participantId }).go({ pages: "all" }),
  ]);
  const batches: Promise<{ unprocessed: unknown[] }>[] = [];
  if (milestones.data.length) batches.push(e.milestone.delete(milestones.data.map((m) => ({ participantId, milestoneId: m.milestoneId }))).go());
  if (contacts.data.length) batches.push(e.participantContact.delete(contacts.data.map((c) => ({ participantId, contactId: c.contactId }))).go());
  if (mentorships.data.length) batches.push(e.mentorship.delete(mentorships.data.map((m) => ({ participantId, userId: m.userId }))).go());
  if (log.data.length) batches.push(e.participantAccess.delete(log.data.map((l) => ({ participantId, logId: l.logId }))).go());
  if (reminders.data.length) batches.push(e.milestoneReminder.delete(reminders.data.map((r) => ({ participantId, milestoneId: r.milestoneId, dueDate: r.dueDate, userId: r.userId }))).go());
  const results = await Promise.all(batches);
  if (results.some((r) => r.unprocessed.length > 0)) throw new Error(`participant ${participantId}: not every item was deleted; run the deletion again`);
}
