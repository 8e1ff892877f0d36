import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { digest } from "../id";
import type { UserItem } from "../user/user.entity";

const PERIOD = 30;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function totp(secret: string, label: string) {
  return new TOTP({ issuer: "Vernetzt", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The time step a code belongs to, allowing one step of clock drift either way; undefined if wrong. */
function matchingStep(secret: string, code: string): number | undefined {
  const delta = totp(secret, "").validate({ token: code, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(Date.now() / 1000 / PERIOD) + delta;
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace("-", "");

function newRecoveryCodes(): { codes: string[]; digests: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, digests: codes.map((c) => digest(normalizeRecoveryCode(c))) };
}

const wrongCode = () => new VisibleError("invalid", "invalid_code", "The code is not correct.", { code: "invalid_code" });

/** Starts set-up: a new secret is held as pending until the member proves their app has it. */
export async function beginSetup(user: UserItem): Promise<{ secret: string; uri: string }> {
  if (user.totpEnabled) throw new VisibleError("conflict", "two_factor_enabled", "Two-factor sign-in is already on.");
  const secret = new Secret({ size: 20 }).base32;
  await db().entities.user.patch({ userId: user.userId }).set({ totpPendingSecret: secret }).go();
  return { secret, uri: totp(secret, user.email).toString() };
}

/** Turns two-factor sign-in on and returns the recovery codes, shown to the member once. */
export async function enable(user: UserItem, code: string): Promise<{ recoveryCodes: string[] }> {
  if (user.totpEnabled) throw new VisibleError("conflict", "two_factor_enabled", "Two-factor sign-in is already on.");
  const pending = user.totpPendingSecret;
  if (!pending) throw new VisibleError("conflict", "two_factor_not_started", "Start the set-up first.");
  const step = matchingStep(pending, code);
  if (step === undefined) throw wrongCode();
  const { codes, digests } = newRecoveryCodes();
  try {
    await db()
      .entities.user.patch({ userId: user.userId })
      .set({ totpEnabled: true, totpSecret: pending, totpLastStep: step, recoveryCodes: digests })
      .remove(["totpPendingSecret"])
      .where((attr, op) => `${op.eq(attr.totpPendingSecret, pending)} AND ${op.eq(attr.totpEnabled, false)}`)
      .go();
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("conflict", "two_factor_changed", "Set-up changed meanwhile. Please start again.");
    throw err;
  }
  return { recoveryCodes: codes };
}

/**
 * Checks an authenticator code (each time step accepted once) or uses up a recovery code.
 * Both are conditional updates, so a code raced twice is accepted once.
 */
export async function verifySecondFactor(user: UserItem, code: string): Promise<"totp" | "recovery" | false> {
  if (!user.totpEnabled || !user.totpSecret) return false;
  const compact = code.trim();
  const users = db().entities.user;
  if (/^\d{6}$/.test(compact)) {
    const step = matchingStep(user.totpSecret, compact);
    if (step === undefined) return false;
    try {
      await users
        .patch({ userId: user.userId })
        .set({ totpLastStep: step })
        .where((attr, op) => `${op.notExists(attr.totpLastStep)} OR ${op.lt(attr.totpLastStep, step)}`)
        .go();
      return "totp";
    } catch (err) {
      if (conditionFailed(err)) return false;
      throw err;
    }
  }
  const hashed = digest(normalizeRecoveryCode(compact));
  try {
    await users
      .patch({ userId: user.userId })
      .delete({ recoveryCodes: [hashed] })
      .where((attr, op) => op.contains(attr.recoveryCodes, hashed))
      .go();
    return "recovery";
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

export async function assertSecondFactor(user: UserItem, code: string): Promise<void> {
  if (!(await verifySecondFactor(user, code))) throw wrongCode();
}

export async function disable(user: UserItem): Promise<void> {
  await db()
    .entities.user.patch({ userId: user.userId })
    .set({ totpEnabled: false })
    .remove(["totpSecret", "totpLastStep", "recoveryCodes", "totpPendingSecret"])
    .go();
}

export async function regenerateRecoveryCodes(user: UserItem): Promise<{ recoveryCodes: string[] }> {
  const { codes, digests } = newRecoveryCodes();
  await db().entities.user.patch({ userId: user.userId }).set({ recoveryCodes: digests }).go();
  return { recoveryCodes: codes };
}

export function remainingRecoveryCodes(user: UserItem): number {
  return user.recoveryCodes?.length ?? 0;
}
