import { db } from "../db";
import type { PersonalDataContributor } from "../privacy/contributor";
import { FORMER_MEMBER_ID, inBatches } from "../privacy/former";

/**
 * The audit log keeps what happened but not to or by whom once a member is erased: their id
 * becomes "former member" (the entries hold no names).
 */
export const auditPrivacy: PersonalDataContributor = {
  section: "audit",
  async export(userId) {
    const [byActor, byTarget] = await Promise.all([
      db().entities.audit.query.byActor({ actorId: userId }).go({ pages: "all" }),
      db().entities.audit.query.byTarget({ targetId: userId }).go({ pages: "all" }),
    ]);
    const view = (e: (typeof byActor.data)[number]) => ({ action: e.action, at: e.at, detail: e.detail });
    return { actionsTaken: byActor.data.map(view), actionsConcerningMe: byTarget.data.map(view) };
  },
  async erase(userId) {
    const [byActor, byTarget] = await Promise.all([
      db().entities.audit.query.byActor({ actorId: userId }).go({ pages: "all" }),
      db().entities.audit.query.byTarget({ targetId: userId }).go({ pages: "all" }),
    ]);
    await inBatches(byActor.data, 10, (e) => db().entities.audit.patch({ auditId: e.auditId }).set({ actorId: FORMER_MEMBER_ID }).go());
    await inBatches(byTarget.data, 10, (e) => db().entities.audit.patch({ auditId: e.auditId }).set({ targetId: FORMER_MEMBER_ID }).go());
  },
};
