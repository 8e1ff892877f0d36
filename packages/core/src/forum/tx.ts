import { db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import type { ForumMember } from "./access";
import type { ModAction } from "./forum.entity";

export type TxResult = { canceled: boolean; data: { code: string }[] };
export type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]["write"]>[0]>[0];

/**
 * Transactions touching the same thread or category at the same moment are refused with
 * TransactionConflict (nothing written). Retried after a short, growing random pause; real
 * condition failures are returned to the caller.
 */
export async function retryConflicts<T extends TxResult>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    const result = await attempt();
    const conflicted = result.canceled && result.data.some((d) => d.code === "TransactionConflict");
    if (!conflicted || i >= 40) return result;
    await new Promise((r) => setTimeout(r, 5 + Math.random() * Math.min(200, 15 * (i + 1))));
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

/** Runs a cursor-paged query; a cursor that is not ours is the caller's mistake, not a 500. */
export async function paged<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: number }).code === 5003 || /cursor/i.test(String((err as Error).message))) {
      throw new VisibleError("invalid", "invalid_cursor", "The page cursor is not valid.", { cursor: "invalid_cursor" });
    }
    throw err;
  }
}

/** Thrown when a write keeps losing races; rare enough to be worth a retry by the member. */
export const busy = () => new VisibleError("conflict", "changed_meanwhile", "This was changed meanwhile. Please try again.");
