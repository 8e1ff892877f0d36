import { db } from "../db";
import type { PersonalDataContributor } from "../privacy/contributor";
import { CONTACT_PLAIN_SUMMARY_KEY } from "./constants";
import { FORMER_MEMBER_ID, inBatches } from "../privacy/former";

/** Pages, contact persons and documents edited or uploaded by the member (coordinators): the editor becomes "former member". */
export const infoPrivacy: PersonalDataContributor = {
  section: "information",
  async export(userId) {
    const { data } = await db().entities.pageRevision.query.byEditor({ editedBy: userId }).go({ pages: "all" });
    return { pageEdits: data.map((r) => ({ slug: r.slug, revision: r.revision, title: r.title, editedAt: r.editedAt })) };
  },
  async erase(userId) {
    const e = db().entities;
    const { data: revisions } = await e.pageRevision.query.byEditor({ editedBy: userId }).go({ pages: "all" });
    await inBatches(revisions, 10, (r) => e.pageRevision.patch({ slug: r.slug, revision: r.revision }).set({ editedBy: FORMER_MEMBER_ID }).go());
    // A handful of pages and contacts: read in one query each.
    const { data: pages } = await e.page.query.byPosition({}).go({ pages: "all" });
    await inBatches(pages.filter((p) => p.updatedBy === userId), 5, (p) => e.page.patch({ slug: p.slug }).set({ updatedBy: FORMER_MEMBER_ID }).go());
    const { data: contacts } = await e.contact.query.byPosition({}).go({ pages: "all" });
    await inBatches(contacts.filter((c) => c.updatedBy === userId), 5, (c) => e.contact.patch({ contactId: c.contactId }).set({ updatedBy: FORMER_MEMBER_ID }).go());
    const { data: summary } = await e.infoSetting.get({ key: CONTACT_PLAIN_SUMMARY_KEY }).go();
    if (summary?.updatedBy === userId) await e.infoSetting.patch({ key: summary.key }).set({ updatedBy: FORMER_MEMBER_ID }).go();
    const { data: folders } = await e.folder.query.byPosition({}).go({ pages: "all" });
    await inBatches(folders.filter((f) => f.updatedBy === userId), 5, (f) => e.folder.patch({ folderId: f.folderId }).set({ updatedBy: FORMER_MEMBER_ID }).go());
    for (const folder of folders) {
      const { data: docs } = await e.document.query.byFolder({ folderId: folder.folderId }).where((attr, op) => op.eq(attr.uploadedBy, userId)).go({ pages: "all" });
      await inBatches(docs, 5, (d) => e.document.patch({ documentId: d.documentId }).set({ uploadedBy: FORMER_MEMBER_ID }).go());
    }
  },
};
