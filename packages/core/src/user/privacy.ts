import { db } from "../db";
import { normalizeEmail } from "../text";
import { HOUR, MINUTE } from "../time";
import { endAllSessions, listSessions } from "../auth/session";
import type { PersonalDataContributor } from "../privacy/contributor";
import { getUser } from "./account";

/** Rate-limit windows named after a member's address or id (see account.ts and subscribers.ts). */
function rateLimitKeys(userId: string, emailKey: string): string[] {
  const now = Date.now();
  const keys: [string, number][] = [
    [`signin:acct:${emailKey}`, 15 * MINUTE],
    [`verify:acct:${emailKey}`, HOUR],
    [`reset:acct:${emailKey}`, HOUR],
    [`subscribe:acct:${emailKey}`, HOUR],
    [`password:acct:${userId}`, 15 * MINUTE],
    [`email:acct:${userId}`, HOUR],
    [`delete:acct:${userId}`, 15 * MINUTE],
  ];
  // The current and the previous window; older ones have expired (TTL) and name nobody usable.
  return keys.flatMap(([key, windowMs]) => {
    const window = Math.floor(now / windowMs);
    return [`${key}#${window}`, `${key}#${window - 1}`];
  });
}

/** The account itself (deleted last by privacy/erase.ts), its sessions, open links, limits and consents. */
export const accountPrivacy: PersonalDataContributor = {
  section: "account",
  async export(userId) {
    const user = await getUser(userId);
    if (!user) return null;
    const [sessions, consents] = await Promise.all([
      listSessions(userId),
      db().entities.consent.query.byMember({ userId }).go({ pages: "all" }),
    ]);
    return {
      userId: user.userId,
      name: user.name,
      email: user.email,
      role: user.role,
      status: user.status,
      locale: user.locale,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt,
      passwordChangedAt: user.passwordChangedAt,
      twoFactor: { enabled: user.totpEnabled, recoveryCodesLeft: user.recoveryCodes?.length ?? 0 },
      mayWriteNews: user.mayWriteNews === true,
      sessions: sessions.map((s) => ({ createdAt: s.createdAt, userAgent: s.userAgent ?? null })),
      consents: consents.data.map((c) => ({ kind: c.kind, version: c.version, text: c.text, at: c.at })),
    };
  },
  async erase(userId) {
    await endAllSessions(userId);
    const user = await getUser(userId);
    const { data: tokens } = await db().entities.token.query.byUser({ userId }).go({ pages: "all", attributes: ["tokenHash", "email"] });
    if (tokens.length > 0) await db().entities.token.delete(tokens.map(({ tokenHash }) => ({ tokenHash }))).go();
    // A pending address change names a second address the limits may be keyed by.
    const emailKeys = new Set([user?.emailKey, ...tokens.map((t) => t.email)].filter((k): k is string => !!k));
    for (const emailKey of emailKeys) {
      await db().entities.rateLimit.delete(rateLimitKeys(userId, normalizeEmail(emailKey)).map((key) => ({ key }))).go();
    }
    const { data: consents } = await db().entities.consent.query.byMember({ userId }).go({ pages: "all" });
    if (consents.length > 0) await db().entities.consent.delete(consents.map(({ kind, at }) => ({ userId, kind, at }))).go();
  },
};
