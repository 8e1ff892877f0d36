/**
 * Who may see and do what in accompaniment programmes. Participants are sensitive records of
 * people who are not users of the platform, so access is by assignment, never by role alone:
 *
 * | action                                             | programme coordinator | mentor of this participant | anyone else (incl. other coordinators and admins) |
 * |----------------------------------------------------|-----------------------|----------------------------|---------------------------------------------------|
 * | create a programme                                 | any coordinator/admin | –                          | –                                                 |
 * | see the programme, its board (all participants)   | yes                   | own participants only      | no (404)                                          |
 * | edit the programme, its coordinators, its log      | yes                   | no (403)                   | no (404)                                          |
 * | add a participant                                  | yes                   | no (403)                   | no (404)                                          |
 * | read the participant, milestones, contacts, summary| yes                   | yes                        | no (404)                                          |
 * | update a milestone, log a contact                  | yes                   | yes                        | no (404)                                          |
 * | edit personal data, consent, mentors               | yes                   | no (403)                   | no (404)                                          |
 * | read the access log, GDPR export, delete           | yes                   | no (403)                   | no (404)                                          |
 *
 * A "programme coordinator" is a coordinator or admin added to the programme (its creator at
 * least) whose account is still approved and staff; a mentor is an approved member assigned to
 * the participant. Every read and change of a participant's record appends to its access log.
 */
import { db, retryConflicts } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import type { MemberStatus, Role } from "../user/constants";
import type { LogAction } from "./constants";
import type { ParticipantItem, ProgrammeItem } from "./programme.entity";

export interface Actor {
  userId: string;
  role: Role;
  status: MemberStatus;
}

export type ProgrammeRole = "coordinator" | "mentor";

const staffRole = (actor: Actor) => actor.status === "approved" && (actor.role === "coordinator" || actor.role === "admin");

export const programmeNotFound = () => new VisibleError("not_found", "programme_not_found", "There is no such programme, or it is not yours to see.");
export const participantNotFound = () => new VisibleError("not_found", "participant_not_found", "There is no such participant, or they are not yours to see.");
export const coordinatorsOnly = () => new VisibleError("forbidden", "programme_coordinators_only", "Only the programme's coordinators may do this.");

export async function getProgramme(programmeId: string): Promise<ProgrammeItem | undefined> {
  const { data } = await db().entities.programme.get({ programmeId }).go();
  return data ?? undefined;
}

export async function isProgrammeCoordinator(actor: Actor, programmeId: string): Promise<boolean> {
  if (!staffRole(actor)) return false;
  const { data } = await db().entities.programmeStaff.get({ programmeId, userId: actor.userId }).go();
  return data !== null;
}

/** The programme as this actor may see it, and in which role; mentors see it through their participants. */
export async function programmeFor(actor: Actor, programmeId: string): Promise<{ programme: ProgrammeItem; role: ProgrammeRole }> {
  const programme = await getProgramme(programmeId);
  if (!programme) throw programmeNotFound();
  if (await isProgrammeCoordinator(actor, programmeId)) return { programme, role: "coordinator" };
  if (actor.status === "approved") {
    const { data } = await db().entities.mentorship.query.byMentor({ userId: actor.userId }).begins({ programmeId }).go({ limit: 1 });
    if (data.length > 0) return { programme, role: "mentor" };
  }
  throw programmeNotFound();
}

export async function programmeAsCoordinator(actor: Actor, programmeId: string): Promise<ProgrammeItem> {
  const { programme, role } = await programmeFor(actor, programmeId);
  if (role !== "coordinator") throw coordinatorsOnly();
  return programme;
}

/** The participant if this actor may see them: a coordinator of the programme or an assigned mentor. */
export async function participantFor(actor: Actor, participantId: string): Promise<{ participant: ParticipantItem; role: ProgrammeRole }> {
  const { data: participant } = await db().entities.participant.get({ participantId }).go();
  if (!participant) throw participantNotFound();
  if (await isProgrammeCoordinator(actor, participant.programmeId)) return { participant, role: "coordinator" };
  if (actor.status === "approved" && participant.mentorIds.includes(actor.userId)) return { participant, role: "mentor" };
  throw participantNotFound();
}

export async function participantAsCoordinator(actor: Actor, participantId: string): Promise<ParticipantItem> {
  const { participant, role } = await participantFor(actor, participantId);
  if (role !== "coordinator") throw coordinatorsOnly();
  return participant;
}

/** An access-log entry, for writing on its own or inside the transaction of a change. */
export function logEntry(actor: Actor, participantId: string, action: LogAction, detail = "") {
  return { participantId, logId: createId("plg"), actorId: actor.userId, action, detail, at: nowIso() };
}

/**
 * Appends read entries; a read is only answered once its entry is written. Each entry is
 * conditioned on the participant still existing, so a read racing a deletion cannot leave an
 * entry behind under the erased participant's key.
 */
export async function logReads(actor: Actor, participantIds: string[], action: LogAction, detail = ""): Promise<void> {
  // Two actions per participant; a transaction holds at most 100.
  for (let i = 0; i < participantIds.length; i += 50) {
    const chunk = participantIds.slice(i, i + 50);
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ participantAccess, participant }) =>
          chunk.flatMap((participantId) => [
            participantAccess.create(logEntry(actor, participantId, action, detail)).commit(),
            participant.check({ participantId }).where((attr, op) => op.exists(attr.participantId)).commit(),
          ]),
        )
        .go(),
    );
    if (result.canceled) {
      if (participantIds.length === 1) throw participantNotFound();
      throw new VisibleError("conflict", "changed_meanwhile", "A participant was deleted meanwhile. Please reload.");
    }
  }
}
