import { fileTypeFromBuffer } from "file-type";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { DAY, nowIso, ttlAfter } from "../time";
import { isStaff } from "../user/account";
import { auditRecord } from "../audit/audit";
import { deleteObject, getObject, presignDownload, presignUpload, type Upload } from "../storage/files";
import { extensionOf, sanitiseFilename } from "./filename";
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, type DocumentExtension, type DocumentItem, type FolderItem, type PageVisibility } from "./info.entity";
import type { Reader } from "./pages";
import type { DocumentEditInput, FolderInput, UploadRequestInput } from "./schema";

export interface FolderView {
  folderId: string;
  name: string;
  description: string;
  visibility: PageVisibility;
  position: number;
  documents: DocumentView[];
}
export interface DocumentView {
  documentId: string;
  folderId: string;
  title: string;
  description: string;
  filename: string;
  contentType: string;
  size: number;
  visibility: PageVisibility;
  createdAt: string;
}

const isEditor = (r: Reader) => !!r && r.status === "approved" && isStaff(r.role);
const isMember = (r: Reader) => r?.status === "approved";
const mayRead = (r: Reader, ...things: { visibility: PageVisibility }[]) => isMember(r) || things.every((t) => t.visibility === "public");

function assertEditor(r: Reader) {
  if (!isEditor(r)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may manage documents.");
}

const toView = (d: DocumentItem): DocumentView => ({
  documentId: d.documentId,
  folderId: d.folderId,
  title: d.title,
  description: d.description,
  filename: d.filename,
  contentType: d.contentType,
  size: d.size,
  visibility: d.visibility,
  createdAt: d.createdAt,
});

const notFound = () => new VisibleError("not_found", "document_not_found", "There is no such document.");
const folderNotFound = () => new VisibleError("not_found", "folder_not_found", "There is no such folder.", { folderId: "folder_not_found" });

async function getFolder(folderId: string): Promise<FolderItem | undefined> {
  return (await db().entities.folder.get({ folderId }).go()).data ?? undefined;
}
async function getDocument(documentId: string): Promise<DocumentItem | undefined> {
  return (await db().entities.document.get({ documentId }).go()).data ?? undefined;
}

/** Folders with their ready documents that the reader may see (members-only ones not for guests). */
export async function listDocuments(reader: Reader): Promise<FolderView[]> {
  const { data: folders } = await db().entities.folder.query.byPosition({}).go({ pages: "all" });
  const visible = folders.filter((f) => isEditor(reader) || mayRead(reader, f));
  return Promise.all(
    visible.map(async (f) => {
      const { data } = await db()
        .entities.document.query.byFolder({ folderId: f.folderId })
        .where((attr, op) => op.eq(attr.status, "ready"))
        .go({ pages: "all", order: "desc" });
      return {
        folderId: f.folderId,
        name: f.name,
        description: f.description,
        visibility: f.visibility,
        position: f.position,
        documents: data.filter((d) => isEditor(reader) || mayRead(reader, d)).map(toView),
      };
    }),
  );
}

export async function saveFolder(reader: Reader, folderId: string | undefined, input: FolderInput): Promise<Omit<FolderView, "documents">> {
  assertEditor(reader);
  const id = folderId ?? createId("fld");
  const now = nowIso();
  const result = await db()
    .transaction.write(({ folder, audit }) => [
      folderId
        ? folder.patch({ folderId }).set({ ...input, updatedAt: now, updatedBy: reader!.userId }).commit()
        : folder.create({ folderId: id, ...input, documentCount: 0, updatedAt: now, updatedBy: reader!.userId }).commit(),
      audit.create(auditRecord(reader!.userId, "folder_saved", id, input.name)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw folderNotFound();
  return { folderId: id, ...input };
}

export async function deleteFolder(reader: Reader, folderId: string): Promise<void> {
  assertEditor(reader);
  const result = await db()
    .transaction.write(({ folder, audit }) => [
      folder.delete({ folderId }).where((attr, op) => op.eq(attr.documentCount, 0)).commit(),
      audit.create(auditRecord(reader!.userId, "folder_deleted", folderId)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) {
    if (!(await getFolder(folderId))) throw folderNotFound();
    throw new VisibleError("conflict", "folder_not_empty", "Move or delete the documents in this folder first.");
  }
}

function allowedExtension(filename: string): DocumentExtension {
  const ext = extensionOf(filename);
  if (!Object.hasOwn(DOCUMENT_TYPES, ext)) {
    throw new VisibleError("invalid", "file_type_not_allowed", "Allowed are PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, JPEG, PNG and WebP files.", { filename: "file_type_not_allowed" });
  }
  return ext as DocumentExtension;
}

/**
 * Step 1 of an upload: the declared name, size and type are checked and a pending document is
 * created; the browser then PUTs the file to the signed URL (which accepts only that type and size).
 */
export async function requestUpload(reader: Reader, input: UploadRequestInput): Promise<{ document: DocumentView; upload: Upload }> {
  assertEditor(reader);
  const filename = sanitiseFilename(input.filename);
  const contentType = DOCUMENT_TYPES[allowedExtension(filename)];
  if (input.contentType && input.contentType !== contentType && input.contentType !== "application/octet-stream") {
    throw new VisibleError("invalid", "file_type_mismatch", `A .${extensionOf(filename)} file must be of type ${contentType}.`, { contentType: "file_type_mismatch" });
  }
  if (!(await getFolder(input.folderId))) throw folderNotFound();
  const documentId = createId("doc");
  const item: DocumentItem = {
    documentId,
    folderId: input.folderId,
    title: input.title || filename.replace(/\.[^.]+$/, ""),
    description: input.description,
    filename,
    contentType,
    size: input.size,
    visibility: input.visibility,
    status: "pending",
    storageKey: `documents/${documentId}`,
    uploadedBy: reader!.userId,
    createdAt: nowIso(),
    ttl: ttlAfter(DAY),
  };
  await db().entities.document.create(item).go();
  const upload = await presignUpload(item.storageKey, { contentType, size: input.size });
  return { document: toView(item), upload };
}

/** What the stored bytes really are must match the extension: magic bytes, or for text no NUL byte. */
async function contentMatches(ext: DocumentExtension, body: Uint8Array): Promise<boolean> {
  if (ext === "txt" || ext === "csv") return !body.includes(0);
  const detected = await fileTypeFromBuffer(body);
  if (!detected) return false;
  const expected: Record<string, string[]> = { doc: ["cfb"], xls: ["cfb"], ppt: ["cfb"], jpeg: ["jpg"] };
  return (expected[ext] ?? [ext]).includes(detected.ext);
}

/** Step 2: the server reads what arrived, checks size and real type, and publishes the document. */
export async function finalizeUpload(reader: Reader, documentId: string): Promise<DocumentView> {
  assertEditor(reader);
  const doc = await getDocument(documentId);
  if (!doc) throw notFound();
  if (doc.status === "ready") return toView(doc);
  const stored = await getObject(doc.storageKey);
  if (!stored) throw new VisibleError("conflict", "upload_missing", "The file has not arrived yet. Please upload it again.");
  const ext = allowedExtension(doc.filename);
  const problem =
    stored.body.byteLength !== doc.size || stored.body.byteLength > DOCUMENT_MAX_BYTES
      ? "file_size_mismatch"
      : !(await contentMatches(ext, stored.body))
        ? "file_content_mismatch"
        : undefined;
  if (problem) {
    await deleteObject(doc.storageKey);
    await db().entities.document.delete({ documentId }).go();
    throw new VisibleError("invalid", problem, problem === "file_size_mismatch" ? "The file's size is not what was announced." : `The file's content is not a .${ext} file.`, { file: problem });
  }
  const result = await db()
    .transaction.write(({ document, folder, audit }) => [
      document.patch({ documentId }).set({ status: "ready" }).remove(["ttl"]).where((attr, op) => op.eq(attr.status, "pending")).commit(),
      folder.patch({ folderId: doc.folderId }).add({ documentCount: 1 }).commit(),
      audit.create(auditRecord(reader!.userId, "document_uploaded", documentId, doc.filename)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) {
    const now = await getDocument(documentId);
    if (now?.status === "ready") return toView(now);
    throw folderNotFound();
  }
  return toView({ ...doc, status: "ready" });
}

export async function updateDocument(reader: Reader, documentId: string, input: DocumentEditInput): Promise<DocumentView> {
  assertEditor(reader);
  const doc = await getDocument(documentId);
  if (!doc || doc.status !== "ready") throw notFound();
  const moving = input.folderId !== doc.folderId;
  const result = await db()
    .transaction.write(({ document, folder }) => [
      document.patch({ documentId }).set(input).where((attr, op) => op.eq(attr.folderId, doc.folderId)).commit(),
      ...(moving
        ? [folder.patch({ folderId: doc.folderId }).add({ documentCount: -1 }).commit(), folder.patch({ folderId: input.folderId }).add({ documentCount: 1 }).commit()]
        : []),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw new VisibleError("conflict", "changed_meanwhile", "The document or its folder changed meanwhile. Please reload.");
  return toView({ ...doc, ...input });
}

export async function deleteDocument(reader: Reader, documentId: string): Promise<void> {
  assertEditor(reader);
  const doc = await getDocument(documentId);
  if (!doc) throw notFound();
  const result = await db()
    .transaction.write(({ document, folder, audit }) => [
      document.delete({ documentId }).where((attr, op) => op.eq(attr.status, doc.status)).commit(),
      ...(doc.status === "ready" ? [folder.patch({ folderId: doc.folderId }).add({ documentCount: -1 }).commit()] : []),
      audit.create(auditRecord(reader!.userId, "document_deleted", documentId, doc.filename)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw new VisibleError("conflict", "changed_meanwhile", "The document changed meanwhile. Please reload.");
  await deleteObject(doc.storageKey);
}

/**
 * A short-lived signed URL for a document the reader may see. Members-only documents (or those
 * in members-only folders) do not exist for guests: same answer as a missing one.
 */
export async function downloadUrl(reader: Reader, documentId: string, options: { expiresInSeconds?: number } = {}): Promise<string> {
  const doc = await getDocument(documentId);
  if (!doc || doc.status !== "ready") throw notFound();
  const folder = await getFolder(doc.folderId);
  if (!folder || !(isEditor(reader) || mayRead(reader, folder, doc))) throw notFound();
  const inline = doc.contentType === "application/pdf" || doc.contentType.startsWith("image/");
  return presignDownload(doc.storageKey, { filename: doc.filename, contentType: doc.contentType, inline, expiresInSeconds: options.expiresInSeconds });
}
