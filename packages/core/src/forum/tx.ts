import type { TxResult } from "../db";
export { paged, retryConflicts, type Tx, type TxResult } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import type { ForumMember } from "./access";
import type { ModAction } from "./forum.entity";

/**
 * BatchWrite may hand back items DynamoDB did not get to when it is busy (ElectroDB returns them
 * as `unprocessed`: whole items for puts, keys for deletes); those are written again.
 */
export async function writeAll<T>(write: (items: T[]) => Promise<{ unprocessed: unknown[] }>, items: T[]): Promise<void> {
  let pending = items;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 6) throw new Error(`DynamoDB left ${pending.length} batch writes unprocessed`);
    if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    pending = (await write(pending)).unprocessed as T[];
  }
}

/** True when the transaction was refused because the item at `index` failed its condition. */
export const failedAt = (result: TxResult, index: number) => result.data[index]?.code === "ConditionalCheckFailed";

export interface LogTarget {
  threadId?: string;
  postId?: string;
  categoryId?: string;
  groupId?: string;
  memberId?: string;
  reportId?: string;
  details?: Record<string, string>;
}

/** A moderation-log entry, written in the same transaction as the action it records. */
export function logEntry(actor: ForumMember, action: ModAction, target: LogTarget) {
  return { logId: createId("fml"), action, actorId: actor.userId, actorName: actor.name, createdAt: nowIso(), ...target, details: target.details ?? {} };
}

/** Thrown when a write keeps losing races; rare enough to be worth a retry by the member. */
export const busy = () => new VisibleError("conflict", "changed_meanwhile", "This was changed meanwhile. Please try again.");
