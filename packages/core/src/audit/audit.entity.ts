import { Entity, type EntityItem } from "electrodb";
import { AUDIT_ACTIONS } from "./constants";
export * from "./constants";

/**
 * One administrative action. Ids and labels only: names are looked up when shown, so erasing a
 * member leaves no name here (their id is replaced by "former member", see audit/privacy.ts).
 */
export const AuditEntity = new Entity({
  model: { service: "vernetzt", entity: "audit", version: "1" },
  attributes: {
    auditId: { type: "string", required: true, readOnly: true },
    action: { type: AUDIT_ACTIONS, required: true, readOnly: true },
    actorId: { type: "string", required: true },
    /** What was acted on: a user id, page slug, document id, … */
    targetId: { type: "string", required: true },
    /** Non-personal detail, e.g. the new role or a page title. */
    detail: { type: "string", required: true, default: "" },
    at: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    /** Newest first over everything (ULIDs sort by time). */
    byTime: {
      pk: { field: "pk", composite: [] },
      sk: { field: "sk", composite: ["auditId"] },
    },
    byActor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["actorId"] },
      sk: { field: "gsi1sk", composite: ["auditId"] },
    },
    byTarget: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["targetId"] },
      sk: { field: "gsi2sk", composite: ["auditId"] },
    },
  },
});
export type AuditItem = EntityItem<typeof AuditEntity>;
