import { db, retryConflicts } from "../db";
import type { PersonalDataContributor } from "../privacy/contributor";
import { FORMER_MEMBER } from "./constants";

async function programmeNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db().entities.programme.get(unique.map((programmeId) => ({ programmeId }))).go();
  return new Map(data.map((p) => [p.programmeId, p.name]));
}

/** Removes the member from one participant's mentors, keeping the mirror on the participant in step. */
async function endMentorship(participantId: string, userId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { data: participant } = await db().entities.participant.get({ participantId }).go();
    const result = await retryConflicts(() =>
      db()
        .transaction.write(({ mentorship, participant: p }) => [
          mentorship.delete({ participantId, userId }).commit(),
          ...(participant
            ? [
                p
                  .patch({ participantId })
                  .set({
                    mentorIds: participant.mentorIds.filter((id) => id !== userId),
                    ...(participant.coordinatorId === userId ? { coordinatorId: FORMER_MEMBER } : {}),
                  })
                  .add({ revision: 1 })
                  .where((attr, op) => op.eq(attr.revision, participant.revision))
                  .commit(),
              ]
            : []),
        ])
        .go(),
    );
    if (!result.canceled) return;
  }
  throw new Error(`mentorship ${participantId}/${userId}: the participant kept changing; run the erasure again`);
}

/**
 * A member's part in accompaniment programmes: which programmes they coordinate, whom they mentor
 * (ids and programme names only: the participants' personal data is theirs, not the member's) and
 * the contact entries they wrote. Erasure ends their assignments and anonymises their authorship.
 */
export const programmePrivacy: PersonalDataContributor = {
  section: "programmes",

  async export(userId) {
    const e = db().entities;
    const [staff, mentorships, contacts] = await Promise.all([
      e.programmeStaff.query.byUser({ userId }).go({ pages: "all" }),
      e.mentorship.query.byMentor({ userId }).go({ pages: "all" }),
      e.participantContact.query.byAuthor({ authorId: userId }).go({ pages: "all" }),
    ]);
    const names = await programmeNames([...staff.data.map((s) => s.programmeId), ...mentorships.data.map((m) => m.programmeId)]);
    return {
      coordinates: staff.data.map((s) => ({ programmeId: s.programmeId, programme: names.get(s.programmeId) ?? null, since: s.addedAt })),
      mentors: mentorships.data.map((m) => ({ programmeId: m.programmeId, programme: names.get(m.programmeId) ?? null, participantId: m.participantId, since: m.assignedAt })),
      contactEntries: contacts.data.map((c) => ({ contactId: c.contactId, participantId: c.participantId, date: c.date, kind: c.kind, note: c.note, createdAt: c.createdAt })),
    };
  },

  async erase(userId) {
    const e = db().entities;
    const [staff, mentorships, contacts, reads, programmeEntries] = await Promise.all([
      e.programmeStaff.query.byUser({ userId }).go({ pages: "all" }),
      e.mentorship.query.byMentor({ userId }).go({ pages: "all" }),
      e.participantContact.query.byAuthor({ authorId: userId }).go({ pages: "all" }),
      e.participantAccess.query.byActor({ actorId: userId }).go({ pages: "all" }),
      e.programmeLog.query.byActor({ actorId: userId }).go({ pages: "all" }),
    ]);
    // Milestones they last changed, in the programmes they coordinate or mentor in.
    const programmeIds = [...new Set([...staff.data.map((x) => x.programmeId), ...mentorships.data.map((m) => m.programmeId)])];
    for (const programmeId of programmeIds) {
      const { data: milestones } = await e.milestone.query.byProgramme({ programmeId }).go({ pages: "all" });
      for (const m of milestones.filter((x) => x.updatedBy === userId)) {
        await e.milestone.patch({ participantId: m.participantId, milestoneId: m.milestoneId }).set({ updatedBy: FORMER_MEMBER }).go();
      }
    }
    if (staff.data.length) await e.programmeStaff.delete(staff.data.map((s) => ({ programmeId: s.programmeId, userId }))).go();
    for (const m of mentorships.data) await endMentorship(m.participantId, userId);
    for (const c of contacts.data) {
      await e.participantContact.patch({ participantId: c.participantId, contactId: c.contactId }).set({ authorId: FORMER_MEMBER }).go();
    }
    for (const r of reads.data) {
      await e.participantAccess.patch({ participantId: r.participantId, logId: r.logId }).set({ actorId: FORMER_MEMBER }).go();
    }
    for (const p of programmeEntries.data) {
      await e.programmeLog.patch({ programmeId: p.programmeId, logId: p.logId }).set({ actorId: FORMER_MEMBER }).go();
    }
  },
};
