import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { auditRecord } from "../audit/audit";
import type { ContactItem } from "./info.entity";
import type { ContactInput, ContactSummaryInput } from "./schema";
import { CONTACT_PLAIN_SUMMARY_KEY } from "./constants";
import type { Reader } from "./pages";
import { isStaff } from "../user/account";

export interface ContactView {
  contactId: string;
  position: number;
  name: string;
  role: string;
  phone: string;
  email: string;
  address: string;
  officeHours: string;
}

const view = ({ contactId, position, name, role, phone, email, address, officeHours }: ContactItem): ContactView => ({
  contactId,
  position,
  name,
  role,
  phone,
  email,
  address,
  officeHours,
});

function assertEditor(r: Reader) {
  if (!r || r.status !== "approved" || !isStaff(r.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may edit contact persons.");
}

/** The network's contact persons in their order; public (they are the network's published contacts). */
export async function listContacts(): Promise<ContactView[]> {
  const { data } = await db().entities.contact.query.byPosition({}).go({ pages: "all" });
  return data.map(view);
}

export async function saveContact(reader: Reader, contactId: string | undefined, input: ContactInput): Promise<ContactView> {
  assertEditor(reader);
  const item: ContactItem = { contactId: contactId ?? createId("con"), ...input, updatedAt: nowIso(), updatedBy: reader!.userId };
  const result = await db()
    .transaction.write(({ contact, audit }) => [
      contactId
        ? contact
            .patch({ contactId })
            .set({ ...input, updatedAt: item.updatedAt, updatedBy: item.updatedBy })
            .commit()
        : contact.create(item).commit(),
      audit.create(auditRecord(reader!.userId, "contact_saved", item.contactId, input.role)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw new VisibleError("not_found", "contact_not_found", "There is no such contact person.");
  return view(item);
}

export async function deleteContact(reader: Reader, contactId: string): Promise<void> {
  assertEditor(reader);
  const result = await db()
    .transaction.write(({ contact, audit }) => [
      contact.delete({ contactId }).where((attr, op) => op.exists(attr.contactId)).commit(),
      audit.create(auditRecord(reader!.userId, "contact_deleted", contactId)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw new VisibleError("not_found", "contact_not_found", "There is no such contact person.");
}

/** The contact page's summary in einfacher Sprache (null when none): one GetItem by its key. */
export async function contactSummary(): Promise<{ plainSummary: string | null }> {
  const { data } = await db().entities.infoSetting.get({ key: CONTACT_PLAIN_SUMMARY_KEY }).go();
  return { plainSummary: data?.text || null };
}

/** Coordinators set or clear (empty text) the contact page's plain-language summary; audited. */
export async function saveContactSummary(reader: Reader, input: ContactSummaryInput): Promise<{ plainSummary: string | null }> {
  assertEditor(reader);
  await db()
    .transaction.write(({ infoSetting, audit }) => [
      infoSetting.put({ key: CONTACT_PLAIN_SUMMARY_KEY, text: input.plainSummary, updatedAt: nowIso(), updatedBy: reader!.userId }).commit(),
      audit.create(auditRecord(reader!.userId, "contact_summary_saved", CONTACT_PLAIN_SUMMARY_KEY, input.plainSummary.slice(0, 80))).commit(),
    ])
    .go();
  return { plainSummary: input.plainSummary || null };
}
