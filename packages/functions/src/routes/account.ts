import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as Account from "@vernetzt/core/user/account";
import * as TwoFactor from "@vernetzt/core/auth/two-factor";
import { endAllSessions, endSessionById, listSessions, sessionDigest } from "@vernetzt/core/auth/session";
import * as v from "valibot";
import { VisibleError } from "@vernetzt/core/errors";
import { verifyPassword } from "@vernetzt/core/user/password";
import {
  ChangeEmailInput,
  ChangePasswordInput,
  DisableTwoFactorInput,
  EmptyInput,
  PasswordConfirmInput,
  TwoFactorInput,
  UpdateProfileInput,
} from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentSession, currentUser, requireUser } from "../middleware";
import { invalidInput } from "../validate";

async function confirmPassword(user: Parameters<typeof Account.toAccountView>[0], password: string) {
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new VisibleError("invalid", "wrong_password", "The password is not correct.", { password: "wrong_password" });
  }
}

async function freshAccount(userId: string) {
  const user = await Account.getUser(userId);
  if (!user) throw new VisibleError("unauthorized", "not_signed_in", "Please sign in.");
  return Account.toAccountView(user);
}

export const accountRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", (c) => c.json({ account: Account.toAccountView(currentUser(c)) }))
  .patch("/", sValidator("json", UpdateProfileInput, invalidInput), async (c) => {
    return c.json({ account: await Account.updateProfile(currentUser(c), c.req.valid("json")) });
  })
  .post("/password", sValidator("json", ChangePasswordInput, invalidInput), async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    await Account.changePassword(currentUser(c), currentPassword, newPassword, currentSession(c));
    return c.json({ status: "password_changed" as const });
  })
  .post("/email", sValidator("json", ChangeEmailInput, invalidInput), async (c) => {
    const { email, password } = c.req.valid("json");
    await Account.requestEmailChange(currentUser(c), email, password);
    return c.json({ status: "check_email" as const }, 202);
  })
  .get("/sessions", async (c) => {
    const current = sessionDigest(currentSession(c));
    const sessions = await listSessions(currentUser(c).userId);
    return c.json({
      sessions: sessions.map((s) => ({ id: s.tokenHash, createdAt: s.createdAt, userAgent: s.userAgent ?? null, current: s.tokenHash === current })),
    });
  })
  .post("/sessions/:id/end", sValidator("param", v.object({ id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, "invalid_id")) }), invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { id } = c.req.valid("param");
    if (id === sessionDigest(currentSession(c))) throw new VisibleError("invalid", "current_session", "Use sign-out to end this session.");
    if (!(await endSessionById(currentUser(c).userId, id))) throw new VisibleError("not_found", "session_not_found", "No such session.");
    return c.json({ status: "ended" as const });
  })
  .post("/sessions/end-others", sValidator("json", EmptyInput, invalidInput), async (c) => {
    const ended = await endAllSessions(currentUser(c).userId, currentSession(c));
    return c.json({ ended });
  })
  .post("/two-factor/setup", sValidator("json", PasswordConfirmInput, invalidInput), async (c) => {
    const user = currentUser(c);
    await confirmPassword(user, c.req.valid("json").password);
    const { secret, uri } = await TwoFactor.beginSetup(user);
    const { default: QRCode } = await import("qrcode");
    const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    return c.json({ secret, uri, qrSvg });
  })
  .post("/two-factor/enable", sValidator("json", TwoFactorInput, invalidInput), async (c) => {
    const { recoveryCodes } = await TwoFactor.enable(currentUser(c), c.req.valid("json").code);
    return c.json({ recoveryCodes, account: await freshAccount(currentUser(c).userId) });
  })
  .post("/two-factor/disable", sValidator("json", DisableTwoFactorInput, invalidInput), async (c) => {
    const user = currentUser(c);
    const { password, code } = c.req.valid("json");
    await confirmPassword(user, password);
    await TwoFactor.assertSecondFactor(user, code);
    await TwoFactor.disable(user);
    return c.json({ status: "two_factor_disabled" as const, account: await freshAccount(user.userId) });
  })
  .post("/two-factor/recovery-codes", sValidator("json", TwoFactorInput, invalidInput), async (c) => {
    const user = currentUser(c);
    await TwoFactor.assertSecondFactor(user, c.req.valid("json").code);
    const { recoveryCodes } = await TwoFactor.regenerateRecoveryCodes(user);
    return c.json({ recoveryCodes, account: await freshAccount(user.userId) });
  });
