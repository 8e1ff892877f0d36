import { conditionFailed, db } from "../db";
import { createSecret, digest } from "../id";
import { DAY, isExpired, nowIso, ttlAfter } from "../time";
import type { SessionItem } from "./auth.entity";

export const SESSION_LIFETIME_MS = 30 * DAY;

export async function createSession(userId: string, userAgent?: string): Promise<string> {
  const token = createSecret();
  await db()
    .entities.session.create({
      tokenHash: digest(token),
      userId,
      createdAt: nowIso(),
      userAgent: userAgent?.slice(0, 300),
      ttl: ttlAfter(SESSION_LIFETIME_MS),
    })
    .go();
  return token;
}

/** The live session for a cookie value, or undefined. TTL deletion lags, so expiry is checked here too. */
export async function findSession(token: string): Promise<SessionItem | undefined> {
  const { data } = await db().entities.session.get({ tokenHash: digest(token) }).go();
  return data && !isExpired(data.ttl) ? data : undefined;
}

export async function endSession(token: string): Promise<void> {
  await db().entities.session.delete({ tokenHash: digest(token) }).go();
}

/** Ends every session of a member (blocked, password reset), optionally keeping the current one. */
export async function endAllSessions(userId: string, keepToken?: string): Promise<number> {
  const keep = keepToken ? digest(keepToken) : undefined;
  const { data } = await db().entities.session.query.byUser({ userId }).go({ pages: "all" });
  const doomed = data.filter((s) => s.tokenHash !== keep).map(({ tokenHash }) => ({ tokenHash }));
  if (doomed.length > 0) await db().entities.session.delete(doomed).go();
  return doomed.length;
}

/** Ends one of a member's own sessions, named by its stored digest (never the secret itself). */
export async function endSessionById(userId: string, tokenHash: string): Promise<boolean> {
  try {
    await db()
      .entities.session.delete({ tokenHash })
      .where((attr, op) => op.eq(attr.userId, userId))
      .go();
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

export async function listSessions(userId: string): Promise<SessionItem[]> {
  const { data } = await db().entities.session.query.byUser({ userId }).go({ pages: "all" });
  return data.filter((s) => !isExpired(s.ttl));
}
