import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createSecret, digest } from "../id";
import { isExpired, ttlAfter } from "../time";
import type { TokenItem, TokenPurpose } from "./auth.entity";

export function invalidToken(): VisibleError {
  return new VisibleError("invalid", "invalid_token", "This link is invalid or has expired. Please request a new one.");
}

export async function issueToken(
  purpose: TokenPurpose,
  userId: string,
  lifetimeMs: number,
  extra: { email?: string; passwordStamp?: string } = {},
): Promise<string> {
  const secret = createSecret();
  await db()
    .entities.token.create({ tokenHash: digest(secret), purpose, userId, ttl: ttlAfter(lifetimeMs), ...extra })
    .go();
  return secret;
}

/** Reads a token without using it up; throws invalid_token if unknown, expired or of another purpose. */
export async function peekToken(secret: string, purpose: TokenPurpose): Promise<TokenItem> {
  const { data } = await db().entities.token.get({ tokenHash: digest(secret) }).go();
  if (!data || data.purpose !== purpose || isExpired(data.ttl)) throw invalidToken();
  return data;
}

/** Uses a token up: the conditional delete lets exactly one of several concurrent uses succeed. */
export async function consumeToken(secret: string, purpose: TokenPurpose): Promise<TokenItem> {
  try {
    const { data } = await db()
      .entities.token.delete({ tokenHash: digest(secret) })
      .where((attr, op) => `${op.eq(attr.purpose, purpose)} AND ${op.gt(attr.ttl, Math.floor(Date.now() / 1000))}`)
      .go({ response: "all_old" });
    if (!data) throw invalidToken();
    return data as TokenItem;
  } catch (err) {
    if (conditionFailed(err)) throw invalidToken();
    throw err;
  }
}

/** Counts a failed attempt against a token and voids it once `max` is reached. */
export async function countFailedAttempt(secret: string, max: number): Promise<void> {
  try {
    await db()
      .entities.token.patch({ tokenHash: digest(secret) })
      .add({ attempts: 1 })
      .where((attr, op) => op.lt(attr.attempts, max - 1))
      .go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    await db().entities.token.delete({ tokenHash: digest(secret) }).go();
  }
}
