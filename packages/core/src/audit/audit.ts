import { db, paged } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { memberNames } from "../user/account";
import type { Role } from "../user/user.entity";
import type { AuditAction, AuditItem } from "./audit.entity";

export const AUDIT_PAGE_SIZE = 50;

/** The item to create alongside the change, in the same transaction. */
export function auditRecord(actorId: string, action: AuditAction, targetId: string, detail = ""): AuditItem {
  return { auditId: createId("aud"), action, actorId, targetId, detail: detail.slice(0, 300), at: nowIso() };
}

/** For changes that cannot share a transaction (e.g. after an S3 upload): written right after. */
export async function writeAudit(actorId: string, action: AuditAction, targetId: string, detail = ""): Promise<void> {
  await db().entities.audit.create(auditRecord(actorId, action, targetId, detail)).go();
}

export interface AuditView {
  auditId: string;
  action: AuditAction;
  at: string;
  actorId: string;
  actorName: string | null;
  targetId: string;
  targetName: string | null;
  detail: string;
}

/** Admins read the log newest first, optionally only one actor's or one target's entries. */
export async function listAudit(
  viewer: { role: Role },
  query: { actorId?: string; targetId?: string; cursor?: string },
): Promise<{ entries: AuditView[]; cursor: string | null }> {
  if (viewer.role !== "admin") throw new VisibleError("forbidden", "forbidden", "Only admins may read the audit log.");
  const entity = db().entities.audit;
  const q = query.actorId
    ? entity.query.byActor({ actorId: query.actorId })
    : query.targetId
      ? entity.query.byTarget({ targetId: query.targetId })
      : entity.query.byTime({});
  const { data, cursor } = await paged(() => q.go({ order: "desc", cursor: query.cursor || null, limit: AUDIT_PAGE_SIZE }));
  const ids = [...new Set(data.flatMap((e) => [e.actorId, e.targetId]).filter((id) => id.startsWith("usr_")))];
  const names = new Map((await memberNames(ids)).map((m) => [m.userId, m.name]));
  return {
    entries: data.map((e) => ({
      auditId: e.auditId,
      action: e.action,
      at: e.at,
      actorId: e.actorId,
      actorName: names.get(e.actorId) ?? null,
      targetId: e.targetId,
      targetName: names.get(e.targetId) ?? null,
      detail: e.detail,
    })),
    cursor,
  };
}
