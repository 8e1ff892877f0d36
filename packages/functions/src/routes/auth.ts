import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { getCookie } from "hono/cookie";
import * as Account from "@vernetzt/core/user/account";
import { endSession } from "@vernetzt/core/auth/session";
import { VisibleError } from "@vernetzt/core/errors";
import { EmailInput, EmptyInput, ResetPasswordInput, SignInInput, SignUpInput, TokenInput, TwoFactorInput } from "@vernetzt/core/user/schema";
import { MINUTE } from "@vernetzt/core/time";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { challengeCookieName, clearAuthCookie, SESSION_MAX_AGE_MS, sessionCookieName, setAuthCookie } from "../middleware";
import { invalidInput } from "../validate";

function finishSignIn(c: Context<AppEnv>, result: Account.SignInResult) {
  if (result.kind === "two_factor") {
    setAuthCookie(c, challengeCookieName(), result.challengeToken, 10 * MINUTE);
    return { status: "two_factor_required" as const, account: null };
  }
  clearAuthCookie(c, challengeCookieName());
  setAuthCookie(c, sessionCookieName(), result.sessionToken, SESSION_MAX_AGE_MS);
  return { status: "signed_in" as const, account: result.account };
}

export const authRoutes = new Hono<AppEnv>()
  .get("/session", (c) => {
    const user = c.get("user");
    return c.json({ account: user ? Account.toAccountView(user) : null });
  })
  .post("/signup", sValidator("json", SignUpInput, invalidInput), async (c) => {
    await Account.signUp(c.req.valid("json"), c.get("meta"));
    return c.json({ status: "check_email" as const }, 202);
  })
  .post("/verify", sValidator("json", TokenInput, invalidInput), async (c) => {
    const account = await Account.verifyEmail(c.req.valid("json").token);
    return c.json({ account: { status: account.status, email: account.email } });
  })
  .post("/resend-verification", sValidator("json", EmailInput, invalidInput), async (c) => {
    await Account.resendVerification(c.req.valid("json").email, c.get("meta"));
    return c.json({ status: "check_email" as const }, 202);
  })
  .post("/signin", sValidator("json", SignInInput, invalidInput), async (c) => {
    const { email, password } = c.req.valid("json");
    return c.json(finishSignIn(c, await Account.signIn(email, password, c.get("meta"))));
  })
  .post("/signin/two-factor", sValidator("json", TwoFactorInput, invalidInput), async (c) => {
    const challenge = getCookie(c, challengeCookieName());
    if (!challenge) throw new VisibleError("unauthorized", "signin_expired", "Please sign in with your password again.");
    return c.json(finishSignIn(c, await Account.completeTwoFactor(challenge, c.req.valid("json").code, c.get("meta"))));
  })
  .post("/signout", sValidator("json", EmptyInput, invalidInput), async (c) => {
    const token = c.get("sessionToken");
    if (token) await endSession(token);
    clearAuthCookie(c, sessionCookieName());
    return c.json({ status: "signed_out" as const });
  })
  .post("/forgot-password", sValidator("json", EmailInput, invalidInput), async (c) => {
    await Account.requestPasswordReset(c.req.valid("json").email, c.get("meta"));
    return c.json({ status: "check_email" as const }, 202);
  })
  .post("/reset-password", sValidator("json", ResetPasswordInput, invalidInput), async (c) => {
    const { token, password } = c.req.valid("json");
    await Account.resetPassword(token, password);
    clearAuthCookie(c, sessionCookieName());
    return c.json({ status: "password_reset" as const });
  })
  .post("/confirm-email", sValidator("json", TokenInput, invalidInput), async (c) => {
    const account = await Account.confirmEmailChange(c.req.valid("json").token);
    return c.json({ account });
  });
