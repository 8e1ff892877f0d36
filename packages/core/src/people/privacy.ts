import { conditionFailed, db } from "../db";
import { digest } from "../id";
import type { PersonalDataContributor } from "../privacy/contributor";
import { writeAll } from "../forum/tx";
import { FORMER_MEMBER_ID } from "../privacy/former";
import { deleteObject } from "../storage/files";
import { visibilityOf } from "./profiles";

const all = { pages: "all" } as const;

async function ownMessages(userId: string) {
  return (await db().entities.message.query.byAuthor({ authorId: userId }).go(all)).data;
}

/**
 * Profiles, organisation links, private messages, blocks and reports. The export holds only what the
 * member wrote or chose; erasure removes it, and blanks the text of their messages (also in reports
 * about them) while the conversation keeps its place for the others.
 */
export const peoplePrivacy: PersonalDataContributor = {
  section: "people",

  async export(userId) {
    const [profile, links, participants, messages, blocks, reports] = await Promise.all([
      db().entities.personProfile.get({ userId }).go(),
      db().entities.orgLink.query.byMember({ userId }).go(all),
      db().entities.conversationMember.query.byMember({ userId }).go(all),
      ownMessages(userId),
      db().entities.block.query.byBlocker({ blockerId: userId }).go(all),
      db().entities.messageReport.query.byReporter({ reporterId: userId }).go(all),
    ]);
    const orgIds = links.data.map((l) => l.orgId);
    const orgs = orgIds.length > 0 ? (await db().entities.organisation.get(orgIds.map((orgId) => ({ orgId }))).go()).data : [];
    const orgName = new Map(orgs.map((o) => [o.orgId, o.name]));
    const p = profile.data;
    const byConversation = new Map<string, { messageId: string; body: string; createdAt: string }[]>();
    for (const m of messages) {
      if (m.deleted) continue;
      const list = byConversation.get(m.conversationId) ?? [];
      list.push({ messageId: m.messageId, body: m.body, createdAt: m.createdAt });
      byConversation.set(m.conversationId, list);
    }
    return {
      profile: p
        ? {
            bio: p.bio,
            areas: p.areas,
            languages: p.languages,
            town: p.town,
            availability: p.availability,
            hasPhoto: Boolean(p.photoKey),
            visibility: visibilityOf(p),
            listedInDirectory: p.listed,
            messageNotices: p.messageNotices,
            updatedAt: p.updatedAt,
          }
        : null,
      organisations: links.data.map((l) => ({ orgId: l.orgId, name: orgName.get(l.orgId) ?? "", status: l.status, role: l.role, since: l.createdAt })),
      conversations: participants.data.map((c) => ({
        conversationId: c.conversationId,
        title: c.title,
        joinedAt: c.joinedAt,
        myMessages: byConversation.get(c.conversationId) ?? [],
      })),
      blockedMembers: blocks.data.map((b) => ({ userId: b.blockedId, since: b.createdAt })),
      reportsMade: reports.data.map((r) => ({ reportId: r.reportId, conversationId: r.conversationId, messageId: r.messageId, reason: r.reason, status: r.status, createdAt: r.createdAt })),
    };
  },

  async erase(userId) {
    const { data: profile } = await db().entities.personProfile.get({ userId }).go();
    if (profile?.photoKey) await deleteObject(profile.photoKey);
    const [facets, links, participants, messages, blocks, reports, notices] = await Promise.all([
      db().entities.directoryFacet.query.byMember({ userId }).go(all),
      db().entities.orgLink.query.byMember({ userId }).go(all),
      db().entities.conversationMember.query.byMember({ userId }).go(all),
      ownMessages(userId),
      db().entities.block.query.byBlocker({ blockerId: userId }).go(all),
      db().entities.messageReport.query.byReporter({ reporterId: userId }).go(all),
      db().entities.messageNotice.query.byRecipient({ userId }).go(all),
    ]);
    // The directory first: from here on nobody finds the member.
    await writeAll((items) => db().entities.directoryFacet.delete(items).go(), facets.data.map((f) => ({ facet: f.facet, sortKey: f.sortKey })));
    await db().entities.personProfile.delete({ userId }).go();
    await writeAll((items) => db().entities.orgLink.delete(items).go(), links.data.map((l) => ({ orgId: l.orgId, userId })));

    // Their words go; others who reported one of their messages (only participants can) keep an empty report.
    const participantsOf = new Map(participants.data.map((p) => [p.conversationId, p.participantIds]));
    for (const m of messages) {
      await db().entities.message.patch({ conversationId: m.conversationId, messageId: m.messageId }).set({ body: "", deleted: true, authorId: FORMER_MEMBER_ID }).go();
      for (const reporterId of participantsOf.get(m.conversationId) ?? []) {
        if (reporterId === userId) continue;
        const reportId = `mrp_${digest(`${m.messageId}#${reporterId}`).slice(0, 32)}`;
        try {
          await db().entities.messageReport.patch({ reportId }).set({ body: "" }).go();
        } catch (err) {
          if (!conditionFailed(err)) throw err;
        }
      }
    }
    const pairs = participants.data
      .filter((p) => p.participantIds.length === 2)
      .map((p) => {
        const [a, b] = [...p.participantIds].sort();
        return { pairKey: `${a}#${b}` };
      });
    await writeAll((items) => db().entities.directPair.delete(items).go(), pairs);
    // The others keep their conversations: the member's id in them becomes the stand-in, a preview of their words goes.
    const scrubIds = (ids: readonly string[]) => ids.map((id) => (id === userId ? FORMER_MEMBER_ID : id));
    for (const p of participants.data) {
      const { data: conversation } = await db().entities.conversation.get({ conversationId: p.conversationId }).go();
      if (conversation) {
        await db().entities.conversation
          .patch({ conversationId: p.conversationId })
          .set({ participantIds: scrubIds(conversation.participantIds), ...(conversation.createdBy === userId ? { createdBy: FORMER_MEMBER_ID } : {}) })
          .go();
      }
      for (const otherId of p.participantIds.filter((id) => id !== userId && id !== FORMER_MEMBER_ID)) {
        const { data: place } = await db().entities.conversationMember.get({ userId: otherId, conversationId: p.conversationId }).go();
        if (!place) continue;
        const lastWasTheirs = place.lastAuthorId === userId;
        try {
          await db().entities.conversationMember
            .patch({ userId: otherId, conversationId: p.conversationId })
            .set({ participantIds: scrubIds(place.participantIds), ...(lastWasTheirs ? { lastAuthorId: FORMER_MEMBER_ID, lastPreview: "" } : {}) })
            // A newer message replaced the preview meanwhile: then there is nothing of theirs left to blank.
            .where((a, { eq }) => eq(a.lastMessageAt, place.lastMessageAt))
            .go();
        } catch (err) {
          if (!conditionFailed(err)) throw err;
          await db().entities.conversationMember.patch({ userId: otherId, conversationId: p.conversationId }).set({ participantIds: scrubIds(place.participantIds) }).go();
        }
      }
    }
    await writeAll((items) => db().entities.conversationMember.delete(items).go(), participants.data.map((p) => ({ userId, conversationId: p.conversationId })));
    await writeAll((items) => db().entities.block.delete(items).go(), blocks.data.map((b) => ({ blockerId: userId, blockedId: b.blockedId })));
    await writeAll((items) => db().entities.messageReport.delete(items).go(), reports.data.map((r) => ({ reportId: r.reportId })));
    await writeAll((items) => db().entities.messageNotice.delete(items).go(), notices.data.map((n) => ({ userId, conversationId: n.conversationId })));
  },
};
