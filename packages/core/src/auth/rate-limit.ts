import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";

export interface Limit {
  /** What is limited, e.g. `signin:acct:<email>`. */
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Counts one attempt in a fixed window and refuses once `max` is reached. The check and the
 * increment are one conditional update, so concurrent attempts cannot slip past the limit.
 */
export async function hit({ key, max, windowMs }: Limit): Promise<void> {
  const window = Math.floor(Date.now() / windowMs);
  const ttl = Math.ceil(((window + 1) * windowMs) / 1000);
  try {
    await db()
      .entities.rateLimit.update({ key: `${key}#${window}` })
      .add({ count: 1 })
      .set({ ttl })
      .where((attr, op) => `${op.notExists(attr.count)} OR ${op.lt(attr.count, max)}`)
      .go();
  } catch (err) {
    if (conditionFailed(err)) {
      throw new VisibleError("rate_limited", "rate_limited", "Too many attempts. Please wait a few minutes and try again.");
    }
    throw err;
  }
}

export async function hitAll(limits: Limit[]): Promise<void> {
  await Promise.all(limits.map(hit));
}
