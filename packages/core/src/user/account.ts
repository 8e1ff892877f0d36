import { config } from "../config";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { sendMail } from "../mail/send";
import { renderMail, type MailKind } from "../mail/templates";
import { fold, normalizeEmail } from "../text";
import { DAY, HOUR, MINUTE, nowIso } from "../time";
import { hitAll } from "../auth/rate-limit";
import { createSession, endAllSessions } from "../auth/session";
import { consumeToken, countFailedAttempt, invalidToken, issueToken, peekToken } from "../auth/token";
import { verifySecondFactor } from "../auth/two-factor";
import { assertAcceptablePassword, hashPassword, verifyAgainstNothing, verifyPassword } from "./password";
import type { Locale, MemberStatus, Role, UserItem } from "./user.entity";
import { changeAccount } from "../people/profiles";
import { TERMS_TEXT_DE, TERMS_VERSION } from "../info/constants";
import { newMemberForumProfile } from "../forum/reads";

/** Where a request comes from, for rate limits and the session list. */
export interface RequestMeta {
  ip: string;
  userAgent?: string;
}

/** What the member and the web may see of an account. */
export interface AccountView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: MemberStatus;
  locale: Locale;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  /** True when this member's role requires two-factor sign-in and it is not yet on. */
  twoFactorSetupRequired: boolean;
  recoveryCodesLeft: number;
  /** Coordinators always; volunteers when a coordinator allowed it. */
  mayWriteNews: boolean;
  createdAt: string;
}

export function isStaff(role: Role): boolean {
  return role === "coordinator" || role === "admin";
}

export function twoFactorSetupRequired(user: Pick<UserItem, "role" | "totpEnabled">): boolean {
  return isStaff(user.role) && config().requireTwoFactorForStaff && !user.totpEnabled;
}

export function toAccountView(user: UserItem): AccountView {
  return {
    userId: user.userId,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    locale: user.locale,
    emailVerified: user.emailVerified,
    twoFactorEnabled: user.totpEnabled,
    twoFactorSetupRequired: twoFactorSetupRequired(user),
    recoveryCodesLeft: user.recoveryCodes?.length ?? 0,
    mayWriteNews: user.status === "approved" && (isStaff(user.role) || user.mayWriteNews === true),
    createdAt: user.createdAt,
  };
}

const VERIFY_LIFETIME = DAY;
const RESET_LIFETIME = HOUR;
const TWO_FACTOR_LIFETIME = 10 * MINUTE;
const TWO_FACTOR_MAX_ATTEMPTS = 5;
/** Requests that may or may not send mail take at least this long, so timing reveals nothing. */
const UNIFORM_RESPONSE_MS = 400;

const link = (path: string, token: string) => `${config().appOrigin}${path}?token=${encodeURIComponent(token)}`;

async function mailTo(user: Pick<UserItem, "email" | "name" | "locale">, kind: MailKind, url?: string, vars: Record<string, string> = {}) {
  await sendMail({ to: user.email, ...renderMail(kind, user.locale, { name: user.name, ...vars }, url) });
}

async function atLeast<T>(ms: number, work: Promise<T>): Promise<T> {
  const [result] = await Promise.all([work, new Promise((r) => setTimeout(r, ms))]);
  return result;
}

export async function getUser(userId: string): Promise<UserItem | undefined> {
  const { data } = await db().entities.user.get({ userId }).go();
  return data ?? undefined;
}

/** Names of members by id (for lists of people chosen earlier, e.g. an event's invitees). */
export async function memberNames(userIds: string[]): Promise<{ userId: string; name: string }[]> {
  if (userIds.length === 0) return [];
  const { data } = await db().entities.user.get(userIds.map((userId) => ({ userId }))).go();
  const names = new Map(data.map((u) => [u.userId, u.name]));
  return userIds.flatMap((userId) => (names.has(userId) ? [{ userId, name: names.get(userId)! }] : []));
}

export async function findUserByEmail(email: string): Promise<UserItem | undefined> {
  const { data: owner } = await db().entities.emailOwner.get({ emailKey: normalizeEmail(email) }).go();
  return owner ? getUser(owner.userId) : undefined;
}

function searchText(name: string, emailKey: string): string {
  return `${fold(name)} ${emailKey}`;
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
  locale?: Locale;
  role?: Role;
  status?: MemberStatus;
  emailVerified?: boolean;
  /** Records acceptance of the current terms and privacy notice in the same transaction. */
  acceptTerms?: boolean;
}

/** Creates user and e-mail owner in one transaction: a taken address fails as a whole. */
export async function createUser(input: NewUser): Promise<UserItem | undefined> {
  const emailKey = normalizeEmail(input.email);
  const now = nowIso();
  const user = {
    userId: createId("usr"),
    email: input.email.trim(),
    emailKey,
    name: input.name,
    nameKey: fold(input.name),
    searchText: searchText(input.name, emailKey),
    passwordHash: await hashPassword(input.password),
    passwordChangedAt: now,
    role: input.role ?? "volunteer",
    status: input.status ?? (config().signupMode === "open" ? "approved" : "pending"),
    emailVerified: input.emailVerified ?? false,
    locale: input.locale ?? "de",
    createdAt: now,
    totpEnabled: false,
  } satisfies UserItem;
  const result = await db()
    .transaction.write(({ user: users, emailOwner, consent, forumProfile }) => [
      users.create(user).commit(),
      emailOwner.create({ emailKey, userId: user.userId }).commit(),
      forumProfile.create(newMemberForumProfile(user.userId, now)).commit(),
      ...(input.acceptTerms ? [consent.create({ userId: user.userId, kind: "terms", version: TERMS_VERSION, text: TERMS_TEXT_DE, at: now }).commit()] : []),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  return result.canceled ? undefined : user;
}

/**
 * Registers a member and sends the verification link. If the address is taken, the owner is told
 * by e-mail instead; the caller cannot tell the two cases apart.
 */
export async function signUp(input: { name: string; email: string; password: string; locale?: Locale }, meta: RequestMeta) {
  await hitAll([{ key: `signup:ip:${meta.ip}`, max: 20, windowMs: HOUR }]);
  await assertAcceptablePassword(input.password);
  const user = await createUser({ ...input, acceptTerms: true });
  if (user) {
    const token = await issueToken("verify_email", user.userId, VERIFY_LIFETIME, { email: user.emailKey });
    await mailTo(user, "verifyEmail", link("/verify", token));
    return;
  }
  const owner = await findUserByEmail(input.email);
  if (owner && owner.status !== "blocked") {
    const token = await issueToken("reset_password", owner.userId, RESET_LIFETIME, { passwordStamp: owner.passwordChangedAt });
    await mailTo(owner, "alreadyRegistered", link("/reset-password", token));
  }
}

export async function resendVerification(email: string, meta: RequestMeta): Promise<void> {
  await atLeast(
    UNIFORM_RESPONSE_MS,
    (async () => {
      await hitAll([
        { key: `verify:acct:${normalizeEmail(email)}`, max: 3, windowMs: HOUR },
        { key: `verify:ip:${meta.ip}`, max: 20, windowMs: HOUR },
      ]);
      const user = await findUserByEmail(email);
      if (!user || user.emailVerified || user.status === "blocked") return;
      const token = await issueToken("verify_email", user.userId, VERIFY_LIFETIME, { email: user.emailKey });
      await mailTo(user, "verifyEmail", link("/verify", token));
    })(),
  );
}

export async function verifyEmail(secret: string): Promise<AccountView> {
  const token = await consumeToken(secret, "verify_email");
  try {
    const { data } = await db()
      .entities.user.patch({ userId: token.userId })
      .set({ emailVerified: true })
      .where((attr, op) => op.eq(attr.emailKey, token.email ?? ""))
      .go({ response: "all_new" });
    return toAccountView(data as UserItem);
  } catch (err) {
    if (conditionFailed(err)) throw invalidToken();
    throw err;
  }
}

export type SignInResult =
  | { kind: "session"; sessionToken: string; account: AccountView }
  | { kind: "two_factor"; challengeToken: string };

const invalidCredentials = () =>
  new VisibleError("unauthorized", "invalid_credentials", "E-mail address or password is not correct.");

/** Password sign-in. An unknown address costs the same time as a wrong password. */
export async function signIn(email: string, password: string, meta: RequestMeta): Promise<SignInResult> {
  await hitAll([
    { key: `signin:acct:${normalizeEmail(email)}`, max: 10, windowMs: 15 * MINUTE },
    { key: `signin:ip:${meta.ip}`, max: 100, windowMs: 15 * MINUTE },
  ]);
  const user = await findUserByEmail(email);
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  if (!user || !valid || user.deletingAt) throw invalidCredentials();
  if (!user.emailVerified) {
    throw new VisibleError("forbidden", "email_not_verified", "Please confirm your e-mail address first. We can send the link again.");
  }
  if (user.status === "blocked") throw new VisibleError("forbidden", "account_blocked", "This account has been blocked.");
  if (user.totpEnabled) {
    return { kind: "two_factor", challengeToken: await issueToken("two_factor", user.userId, TWO_FACTOR_LIFETIME) };
  }
  return { kind: "session", sessionToken: await createSession(user.userId, meta.userAgent), account: toAccountView(user) };
}

/** Second step of sign-in: the code from the authenticator app, or a recovery code. */
const signInExpired = () => new VisibleError("unauthorized", "signin_expired", "Please sign in with your password again.");

export async function completeTwoFactor(challenge: string, code: string, meta: RequestMeta): Promise<SignInResult> {
  // An expired or voided (too many wrong codes) challenge means: start again with the password.
  const token = await peekToken(challenge, "two_factor").catch(() => {
    throw signInExpired();
  });
  const user = await getUser(token.userId);
  if (!user || user.status === "blocked") throw signInExpired();
  if (!(await verifySecondFactor(user, code))) {
    await countFailedAttempt(challenge, TWO_FACTOR_MAX_ATTEMPTS);
    throw new VisibleError("invalid", "invalid_code", "The code is not correct.", { code: "invalid_code" });
  }
  await consumeToken(challenge, "two_factor").catch(() => {
    throw signInExpired();
  });
  const fresh = (await getUser(user.userId)) ?? user;
  return { kind: "session", sessionToken: await createSession(user.userId, meta.userAgent), account: toAccountView(fresh) };
}

export async function requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
  await atLeast(
    UNIFORM_RESPONSE_MS,
    (async () => {
      await hitAll([
        { key: `reset:acct:${normalizeEmail(email)}`, max: 3, windowMs: HOUR },
        { key: `reset:ip:${meta.ip}`, max: 20, windowMs: HOUR },
      ]);
      const user = await findUserByEmail(email);
      if (!user || user.status === "blocked") return;
      const token = await issueToken("reset_password", user.userId, RESET_LIFETIME, { passwordStamp: user.passwordChangedAt });
      await mailTo(user, "resetPassword", link("/reset-password", token));
    })(),
  );
}

/** Sets a new password from an e-mailed link; the link also proves the address, and every session ends. */
export async function resetPassword(secret: string, password: string): Promise<void> {
  await assertAcceptablePassword(password);
  const token = await peekToken(secret, "reset_password");
  const passwordHash = await hashPassword(password);
  const { canceled } = await db()
    .transaction.write(({ token: tokens, user }) => [
      tokens
        .delete({ tokenHash: token.tokenHash })
        .where((attr, op) => op.eq(attr.purpose, "reset_password"))
        .commit(),
      user
        .patch({ userId: token.userId })
        .set({ passwordHash, passwordChangedAt: nowIso(), emailVerified: true })
        .where((attr, op) => `${op.eq(attr.passwordChangedAt, token.passwordStamp ?? "")} AND ${op.ne(attr.status, "blocked")}`)
        .commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (canceled) throw invalidToken();
  await endAllSessions(token.userId);
}

async function assertPassword(user: UserItem, password: string, field: string) {
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new VisibleError("invalid", "wrong_password", "The password is not correct.", { [field]: "wrong_password" });
  }
}

export async function changePassword(user: UserItem, current: string, next: string, keepSession: string): Promise<void> {
  await hitAll([{ key: `password:acct:${user.userId}`, max: 10, windowMs: 15 * MINUTE }]);
  await assertPassword(user, current, "currentPassword");
  await assertAcceptablePassword(next, "newPassword");
  await db()
    .entities.user.patch({ userId: user.userId })
    .set({ passwordHash: await hashPassword(next), passwordChangedAt: nowIso() })
    .go();
  await endAllSessions(user.userId, keepSession);
  await mailTo(user, "passwordChanged");
}

/** Sends a confirmation link to the new address; the change happens only when it is opened. */
export async function requestEmailChange(user: UserItem, email: string, password: string): Promise<void> {
  await hitAll([{ key: `email:acct:${user.userId}`, max: 5, windowMs: HOUR }]);
  await assertPassword(user, password, "password");
  const emailKey = normalizeEmail(email);
  if (emailKey === user.emailKey) {
    throw new VisibleError("invalid", "same_email", "This is already your e-mail address.", { email: "same_email" });
  }
  const token = await issueToken("change_email", user.userId, VERIFY_LIFETIME, { email: email.trim() });
  await mailTo({ ...user, email: email.trim() }, "changeEmail", link("/confirm-email", token));
}

export async function confirmEmailChange(secret: string): Promise<AccountView> {
  const token = await peekToken(secret, "change_email");
  const user = await getUser(token.userId);
  const email = token.email;
  if (!user || !email) throw invalidToken();
  const emailKey = normalizeEmail(email);
  const { canceled } = await db()
    .transaction.write(({ token: tokens, emailOwner, user: users }) => [
      tokens
        .delete({ tokenHash: token.tokenHash })
        .where((attr, op) => op.eq(attr.purpose, "change_email"))
        .commit(),
      emailOwner.create({ emailKey, userId: user.userId }).commit(),
      emailOwner
        .delete({ emailKey: user.emailKey })
        .where((attr, op) => op.eq(attr.userId, user.userId))
        .commit(),
      users
        .patch({ userId: user.userId })
        .set({ email, emailKey, emailVerified: true, searchText: searchText(user.name, emailKey) })
        .where((attr, op) => op.eq(attr.emailKey, user.emailKey))
        .commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (canceled) {
    const owner = await findUserByEmail(email);
    if (owner && owner.userId !== user.userId) {
      throw new VisibleError("conflict", "email_taken", "This e-mail address belongs to another account.");
    }
    throw invalidToken();
  }
  await mailTo(user, "emailChanged", undefined, { newEmail: email });
  const updated = await getUser(user.userId);
  if (!updated) throw invalidToken();
  return toAccountView(updated);
}

export async function updateProfile(user: UserItem, input: { name?: string; locale?: Locale }): Promise<AccountView> {
  const name = input.name ?? user.name;
  if (name !== user.name) {
    // The directory shows the name (and sorts by it): the account and the member's directory items change together.
    const fields = (current: UserItem) => ({
      name,
      nameKey: fold(name),
      searchText: searchText(name, current.emailKey),
      locale: input.locale ?? current.locale,
      // Re-stated so the member-list index key can be rebuilt; the condition guards against a concurrent status change.
      status: current.status,
    });
    const renamed = await changeAccount(user.userId, {
      next: (current) => ({ ...current, ...fields(current) }),
      write: (tx, current) =>
        tx.user
          .patch({ userId: user.userId })
          .set(fields(current))
          .where((attr, op) => `${op.eq(attr.status, current.status)} AND ${op.eq(attr.name, current.name)}`)
          .commit(),
    });
    return toAccountView(renamed);
  }
  try {
    const { data } = await db()
      .entities.user.patch({ userId: user.userId })
      .set({
        name,
        nameKey: fold(name),
        searchText: searchText(name, user.emailKey),
        locale: input.locale ?? user.locale,
        // Re-stated so the member-list index key can be rebuilt; the condition guards against a concurrent status change.
        status: user.status,
      })
      .where((attr, op) => op.eq(attr.status, user.status))
      .go({ response: "all_new" });
    return toAccountView(data as UserItem);
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "changed_meanwhile", "Your account changed meanwhile. Please reload.");
    throw err;
  }
}

export { mailTo };
