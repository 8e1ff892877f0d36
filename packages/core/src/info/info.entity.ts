import { Entity, type EntityItem } from "electrodb";
import { INFO_SETTING_KEYS, PAGE_VISIBILITIES } from "./constants";
export * from "./constants";

/** A coordinator-edited content page (About, Offers, FAQ, Impressum, Datenschutz), keyed by its slug. */
export const PageEntity = new Entity({
  model: { service: "vernetzt", entity: "page", version: "1" },
  attributes: {
    slug: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    body: { type: "string", required: true },
    visibility: { type: PAGE_VISIBILITIES, required: true },
    /** Position in the "Informationen" menu; legal pages sit in the footer instead. */
    position: { type: "number", required: true, default: 0 },
    inMenu: { type: "boolean", required: true, default: true },
    /** Grows with every edit: the optimistic lock of the editor. */
    revision: { type: "number", required: true, default: 1 },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    bySlug: {
      pk: { field: "pk", composite: ["slug"] },
      sk: { field: "sk", composite: [] },
    },
    /** All pages in menu order (a handful: one partition). */
    byPosition: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["position", "slug"] },
    },
  },
});
export type PageItem = EntityItem<typeof PageEntity>;

/** One earlier state of a page (who changed it when), kept for the edit history. */
export const PageRevisionEntity = new Entity({
  model: { service: "vernetzt", entity: "pageRevision", version: "1" },
  attributes: {
    slug: { type: "string", required: true, readOnly: true },
    revision: { type: "number", required: true, readOnly: true },
    title: { type: "string", required: true, readOnly: true },
    body: { type: "string", required: true, readOnly: true },
    editedAt: { type: "string", required: true, readOnly: true },
    editedBy: { type: "string", required: true },
  },
  indexes: {
    bySlug: {
      pk: { field: "pk", composite: ["slug"] },
      sk: { field: "sk", composite: ["revision"] },
    },
    byEditor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["editedBy"] },
      sk: { field: "gsi1sk", composite: ["slug", "revision"] },
    },
  },
});

/** A contact person of the network, shown on /kontakt and (the first) on the home page. */
export const ContactEntity = new Entity({
  model: { service: "vernetzt", entity: "contact", version: "1" },
  attributes: {
    contactId: { type: "string", required: true, readOnly: true },
    position: { type: "number", required: true, default: 0 },
    name: { type: "string", required: true },
    role: { type: "string", required: true, default: "" },
    phone: { type: "string", required: true, default: "" },
    email: { type: "string", required: true, default: "" },
    address: { type: "string", required: true, default: "" },
    officeHours: { type: "string", required: true, default: "" },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["contactId"] },
      sk: { field: "sk", composite: [] },
    },
    byPosition: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["position", "contactId"] },
    },
  },
});
export type ContactItem = EntityItem<typeof ContactEntity>;

/**
 * A small coordinator-edited text of the information pages, one item per key (`INFO_SETTING_KEYS`):
 * for now the contact page's summary in einfacher Sprache.
 */
export const InfoSettingEntity = new Entity({
  model: { service: "vernetzt", entity: "infoSetting", version: "1" },
  attributes: {
    key: { type: INFO_SETTING_KEYS, required: true, readOnly: true },
    text: { type: "string", required: true, default: "" },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byKey: { pk: { field: "pk", composite: ["key"] }, sk: { field: "sk", composite: [] } },
  },
});
export type InfoSettingItem = EntityItem<typeof InfoSettingEntity>;

/** Who accepted which text when: terms/privacy notice at sign-up. */
export const ConsentEntity = new Entity({
  model: { service: "vernetzt", entity: "consent", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    kind: { type: ["terms"] as const, required: true, readOnly: true },
    version: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byMember: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["kind", "at"] },
    },
  },
});
export type ConsentItem = EntityItem<typeof ConsentEntity>;

/** A folder of documents; members-only folders hide everything in them from guests. */
export const FolderEntity = new Entity({
  model: { service: "vernetzt", entity: "folder", version: "1" },
  attributes: {
    folderId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    visibility: { type: PAGE_VISIBILITIES, required: true },
    position: { type: "number", required: true, default: 0 },
    /** Ready documents in it; a folder is deleted only when this is 0 (condition). */
    documentCount: { type: "number", required: true, default: 0 },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["folderId"] }, sk: { field: "sk", composite: [] } },
    byPosition: { index: "gsi1", pk: { field: "gsi1pk", composite: [] }, sk: { field: "gsi1sk", composite: ["position", "folderId"] } },
  },
});
export type FolderItem = EntityItem<typeof FolderEntity>;

/**
 * An uploaded file. "pending" from the upload request until the server checked the stored bytes
 * (finalize); pending items expire by TTL if the browser never finishes.
 */
export const DocumentEntity = new Entity({
  model: { service: "vernetzt", entity: "document", version: "1" },
  attributes: {
    documentId: { type: "string", required: true, readOnly: true },
    folderId: { type: "string", required: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    /** Sanitised original name, used for the download. */
    filename: { type: "string", required: true },
    contentType: { type: "string", required: true },
    size: { type: "number", required: true },
    visibility: { type: PAGE_VISIBILITIES, required: true },
    status: { type: ["pending", "ready"] as const, required: true },
    storageKey: { type: "string", required: true, readOnly: true },
    uploadedBy: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    ttl: { type: "number" },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["documentId"] }, sk: { field: "sk", composite: [] } },
    /** A folder's documents, newest first; the list filters pending ones out. */
    byFolder: { index: "gsi1", pk: { field: "gsi1pk", composite: ["folderId"] }, sk: { field: "gsi1sk", composite: ["createdAt", "documentId"] } },
  },
});
export type DocumentItem = EntityItem<typeof DocumentEntity>;
