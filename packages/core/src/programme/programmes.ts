import { db, retryConflicts } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso, utcToBerlin } from "../time";
import { memberNames } from "../user/account";
import type { UserItem } from "../user/user.entity";
import { addDays, DUE_SOON_DAYS, NO_CONTACT_WEEKS, PENDING_STATUSES, type MilestoneStatus } from "./constants";
import { logReads, programmeAsCoordinator, programmeFor, type Actor, type ProgrammeRole } from "./access";
import type { MilestoneItem, ParticipantItem, ProgrammeItem } from "./programme.entity";
import type { ProgrammeInput } from "./schema";

/** Today as a Berlin calendar date. */
export function berlinToday(now = Date.now()): string {
  return utcToBerlin(new Date(now).toISOString()).slice(0, 10);
}

const invalidCoordinators = (field = "coordinatorIds") =>
  new VisibleError("invalid", "invalid_coordinators", "Only approved coordinators and admins can coordinate a programme.", { [field]: "invalid_coordinators" });

/** Users by id, for checks that assigned people are (still) what they must be. */
export async function usersById(userIds: string[]): Promise<Map<string, UserItem>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const { data } = await db().entities.user.get(unique.map((userId) => ({ userId }))).go();
  return new Map(data.map((u) => [u.userId, u]));
}

async function assertStaff(userIds: string[], field?: string): Promise<void> {
  const users = await usersById(userIds);
  for (const id of userIds) {
    const u = users.get(id);
    if (!u || u.status !== "approved" || (u.role !== "coordinator" && u.role !== "admin")) throw invalidCoordinators(field);
  }
}

export async function coordinatorIdsOf(programmeId: string): Promise<string[]> {
  const { data } = await db().entities.programmeStaff.query.byProgramme({ programmeId }).go({ pages: "all" });
  return data.map((s) => s.userId);
}

export interface ProgrammeView {
  programmeId: string;
  name: string;
  description: string;
  courseStart: string;
  stages: { title: string; offsetDays: number }[];
  coordinators: { userId: string; name: string }[];
  role: ProgrammeRole;
}

async function toView(programme: ProgrammeItem, role: ProgrammeRole): Promise<ProgrammeView> {
  return {
    programmeId: programme.programmeId,
    name: programme.name,
    description: programme.description,
    courseStart: programme.courseStart,
    stages: programme.stages.map((s) => ({ title: s.title, offsetDays: s.offsetDays })),
    coordinators: await memberNames(await coordinatorIdsOf(programme.programmeId)),
    role,
  };
}

export async function createProgramme(actor: Actor, input: ProgrammeInput): Promise<ProgrammeView> {
  if (actor.status !== "approved" || (actor.role !== "coordinator" && actor.role !== "admin")) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
  const coordinatorIds = [...new Set([actor.userId, ...input.coordinatorIds])];
  await assertStaff(coordinatorIds.filter((id) => id !== actor.userId));
  const programmeId = createId("prg");
  const now = nowIso();
  const programme = {
    programmeId,
    name: input.name,
    description: input.description,
    courseStart: input.courseStart,
    stages: input.stages,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await db()
    .transaction.write(({ programme: p, programmeStaff, programmeLog }) => [
      p.create(programme).commit(),
      ...coordinatorIds.map((userId) => programmeStaff.create({ programmeId, userId, addedBy: actor.userId, addedAt: now }).commit()),
      programmeLog.create({ programmeId, logId: createId("pgl"), actorId: actor.userId, action: "programme_created", at: now }).commit(),
    ])
    .go();
  return toView(programme as ProgrammeItem, "coordinator");
}

/**
 * Changes name, dates, template and coordinators. Participants keep their own copy of the
 * milestones; a changed template applies to participants added afterwards.
 */
export async function updateProgramme(actor: Actor, programmeId: string, input: ProgrammeInput): Promise<ProgrammeView> {
  const before = await programmeAsCoordinator(actor, programmeId);
  // The editor cannot remove themselves: a programme always keeps a coordinator who can act.
  const wanted = [...new Set([actor.userId, ...input.coordinatorIds])];
  const current = await coordinatorIdsOf(programmeId);
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  await assertStaff(added);
  const now = nowIso();
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ programme, programmeStaff, programmeLog }) => [
        programme
          .patch({ programmeId })
          .set({ name: input.name, description: input.description, courseStart: input.courseStart, stages: input.stages, updatedAt: now })
          .where((attr, op) => op.eq(attr.updatedAt, before.updatedAt))
          .commit(),
        ...added.map((userId) => programmeStaff.create({ programmeId, userId, addedBy: actor.userId, addedAt: now }).commit()),
        ...removed.map((userId) => programmeStaff.delete({ programmeId, userId }).commit()),
        programmeLog
          .create({ programmeId, logId: createId("pgl"), actorId: actor.userId, action: added.length + removed.length > 0 ? "coordinators_changed" : "programme_updated", at: now })
          .commit(),
      ])
      .go(),
  );
  if (result.canceled) throw new VisibleError("conflict", "changed_meanwhile", "The programme changed meanwhile. Please reload.");
  const { programme } = await programmeFor(actor, programmeId);
  return toView(programme, "coordinator");
}

export async function showProgramme(actor: Actor, programmeId: string): Promise<ProgrammeView> {
  const { programme, role } = await programmeFor(actor, programmeId);
  return toView(programme, role);
}

export interface ProgrammeSummary {
  programmeId: string;
  name: string;
  courseStart: string;
  role: ProgrammeRole;
}

/** Programmes the member coordinates or mentors someone in. */
export async function myProgrammes(actor: Actor): Promise<ProgrammeSummary[]> {
  if (actor.status !== "approved") return [];
  const staff = actor.role === "coordinator" || actor.role === "admin";
  const [coordinated, mentored] = await Promise.all([
    staff ? db().entities.programmeStaff.query.byUser({ userId: actor.userId }).go({ pages: "all" }) : Promise.resolve({ data: [] }),
    db().entities.mentorship.query.byMentor({ userId: actor.userId }).go({ pages: "all" }),
  ]);
  const roles = new Map<string, ProgrammeRole>();
  for (const m of mentored.data) roles.set(m.programmeId, "mentor");
  for (const s of coordinated.data) roles.set(s.programmeId, "coordinator");
  if (roles.size === 0) return [];
  const { data } = await db().entities.programme.get([...roles.keys()].map((programmeId) => ({ programmeId }))).go();
  return data
    .map((p) => ({ programmeId: p.programmeId, name: p.name, courseStart: p.courseStart, role: roles.get(p.programmeId)! }))
    .sort((a, b) => b.courseStart.localeCompare(a.courseStart) || a.name.localeCompare(b.name));
}

export type AttentionReason = "overdue" | "due_soon" | "no_contact";

export interface MilestoneView {
  milestoneId: string;
  title: string;
  status: MilestoneStatus;
  dueDate: string | null;
  doneDate: string | null;
  note: string;
}

export function toMilestoneView(m: MilestoneItem): MilestoneView {
  return { milestoneId: m.milestoneId, title: m.title, status: m.status, dueDate: m.dueDate ?? null, doneDate: m.doneDate ?? null, note: m.note };
}

export function isPending(m: Pick<MilestoneItem, "status">): boolean {
  return PENDING_STATUSES.includes(m.status);
}

/** Why a participant needs attention today: overdue or soon-due milestones, or no contact for weeks. */
export function attentionOf(participant: Pick<ParticipantItem, "lastContactAt" | "createdAt">, milestones: Pick<MilestoneItem, "status" | "dueDate">[], today: string): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  const pending = milestones.filter((m) => isPending(m) && m.dueDate);
  if (pending.some((m) => m.dueDate! < today)) reasons.push("overdue");
  const soon = addDays(today, DUE_SOON_DAYS);
  if (pending.some((m) => m.dueDate! >= today && m.dueDate! <= soon)) reasons.push("due_soon");
  const lastContact = (participant.lastContactAt ?? participant.createdAt).slice(0, 10);
  if (lastContact < addDays(today, -7 * NO_CONTACT_WEEKS)) reasons.push("no_contact");
  return reasons;
}

export interface BoardRow {
  participantId: string;
  name: string;
  mentors: { userId: string; name: string }[];
  lastContactAt: string | null;
  milestones: MilestoneView[];
  /** The first milestone not yet done or set aside: where the participant stands. */
  current: MilestoneView | null;
  done: number;
  attention: AttentionReason[];
}

export interface Deadline {
  participantId: string;
  name: string;
  milestoneId: string;
  title: string;
  dueDate: string;
  overdue: boolean;
}

/**
 * Where each participant stands, what needs attention, and pending deadlines (overdue first, then
 * by date). Coordinators see everyone, mentors their own participants; every row shown is logged.
 */
export async function board(actor: Actor, programmeId: string, now = Date.now()): Promise<{ programme: ProgrammeView; rows: BoardRow[]; deadlines: Deadline[] }> {
  const { programme, role } = await programmeFor(actor, programmeId);
  const [{ data: all }, { data: milestones }] = await Promise.all([
    db().entities.participant.query.byProgramme({ programmeId }).go({ pages: "all" }),
    db().entities.milestone.query.byProgramme({ programmeId }).go({ pages: "all" }),
  ]);
  const participants = role === "coordinator" ? all : all.filter((p) => p.mentorIds.includes(actor.userId));
  await logReads(actor, participants.map((p) => p.participantId), "participant_viewed_in_overview");
  const names = new Map((await memberNames([...new Set(participants.flatMap((p) => p.mentorIds))])).map((m) => [m.userId, m.name]));
  const today = berlinToday(now);
  const rows = participants
    .map((p): BoardRow => {
      const own = milestones.filter((m) => m.participantId === p.participantId).sort((a, b) => a.milestoneId.localeCompare(b.milestoneId));
      const views = own.map(toMilestoneView);
      return {
        participantId: p.participantId,
        name: p.name,
        mentors: p.mentorIds.map((userId) => ({ userId, name: names.get(userId) ?? "" })),
        lastContactAt: p.lastContactAt ?? null,
        milestones: views,
        current: views.find((m) => isPending(m)) ?? null,
        done: views.filter((m) => m.status === "done").length,
        attention: attentionOf(p, own, today),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  const deadlines = rows
    .flatMap((r) =>
      r.milestones
        .filter((m) => isPending(m) && m.dueDate && m.dueDate <= addDays(today, DUE_SOON_DAYS))
        .map((m) => ({ participantId: r.participantId, name: r.name, milestoneId: m.milestoneId, title: m.title, dueDate: m.dueDate!, overdue: m.dueDate! < today })),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return { programme: await toView(programme, role), rows, deadlines };
}

export async function programmeLog(actor: Actor, programmeId: string) {
  await programmeAsCoordinator(actor, programmeId);
  const { data } = await db().entities.programmeLog.query.byProgramme({ programmeId }).go({ order: "desc", pages: "all" });
  const names = new Map((await memberNames([...new Set(data.map((e) => e.actorId))])).map((m) => [m.userId, m.name]));
  return data.map((e) => ({ logId: e.logId, action: e.action, at: e.at, actorName: names.get(e.actorId) ?? null, participantId: e.participantId ?? null }));
}
