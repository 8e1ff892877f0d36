import { getItems } from "../batch";
import type { KeyedOperation } from "../readahead";
import { conditionFailed, db } from "../db";
import { createSecret, digest } from "../id";
import { DAY, isExpired, nowIso, ttlAfter } from "../time";
import type { UserItem } from "../user/user.entity";
import type { SessionItem } from "./auth.entity";

export const SESSION_LIFETIME_MS = 30 * DAY;

/**
 * The cookie value is `<userId>.<secret>`: the member's id lets one BatchGetItem fetch the
 * session and its member together. The id is no secret and grants nothing: only the 256-bit
 * secret does, stored as its SHA-256 digest, and the session item must name the same member.
 */
const SESSION_VALUE = /^(usr_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

function parseSessionValue(value: string): { userId: string; secret: string } | undefined {
  const match = SESSION_VALUE.exec(value);
  return match ? { userId: match[1]!, secret: match[2]! } : undefined;
}

/** The stored key of a session (what the member's session list shows as its id); undefined for a malformed value. */
export function sessionDigest(value: string): string | undefined {
  const parsed = parseSessionValue(value);
  return parsed ? digest(parsed.secret) : undefined;
}

/** Starts a session; answers the cookie value. */
export async function createSession(userId: string, userAgent?: string): Promise<string> {
  const secret = createSecret();
  await db()
    .entities.session.create({
      tokenHash: digest(secret),
      userId,
      createdAt: nowIso(),
      userAgent: userAgent?.slice(0, 300),
      ttl: ttlAfter(SESSION_LIFETIME_MS),
    })
    .go();
  return `${userId}.${secret}`;
}

/** Items read together with a session, for the request's read-ahead (see readahead.ts). */
export interface ReadAlong {
  operations: KeyedOperation[];
  items: (Record<string, unknown> | undefined)[];
}

/**
 * The live session for a cookie value with its member (undefined if the account is gone), in one
 * round trip; undefined for a malformed, unknown or expired value, or one whose id part names
 * another member. TTL deletion lags, so expiry is checked here too. `alsoRead` names further
 * items (keyed by the member id in the cookie) to fetch in the same BatchGetItem; the caller may
 * use them only when a session comes back.
 */
export async function findSession(
  value: string,
  alsoRead: (userId: string) => KeyedOperation[] = () => [],
): Promise<{ session: SessionItem; user: UserItem | undefined; readAlong: ReadAlong } | undefined> {
  const parsed = parseSessionValue(value);
  if (!parsed) return undefined;
  const { session: sessions, user: users } = db().entities;
  const operations = alsoRead(parsed.userId);
  const [sessionItem, userItem, ...items] = await getItems([sessions.get({ tokenHash: digest(parsed.secret) }), users.get({ userId: parsed.userId }), ...operations]);
  const session = sessionItem ? sessions.parse({ Item: sessionItem }).data : null;
  if (!session || isExpired(session.ttl) || session.userId !== parsed.userId) return undefined;
  const user = userItem ? (users.parse({ Item: userItem }).data ?? undefined) : undefined;
  return { session, user, readAlong: { operations, items } };
}

export async function endSession(value: string): Promise<void> {
  const tokenHash = sessionDigest(value);
  if (tokenHash) await db().entities.session.delete({ tokenHash }).go();
}

/** Ends every session of a member (blocked, password reset), optionally keeping the current one. */
export async function endAllSessions(userId: string, keepValue?: string): Promise<number> {
  const keep = keepValue ? sessionDigest(keepValue) : undefined;
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
