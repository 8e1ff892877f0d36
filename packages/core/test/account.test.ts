import { describe, expect, it } from "vitest";
import {
  changePassword,
  confirmEmailChange,
  createUser,
  findUserByEmail,
  getUser,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  signIn,
  signUp,
  verifyEmail,
} from "../src/user/account";
import { createSession, findSession } from "../src/auth/session";
import { SCRYPT_PARAMS, hashPassword, verifyPassword } from "../src/user/password";
import { db } from "../src/db";
import { VisibleError } from "../src/errors";
import { lastMailTo, mailsTo, tokenFrom, uniqueEmail } from "./mail";

const meta = () => ({ ip: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
const PASSWORD = "Sonnenblumen im Garten";

async function expectError(promise: Promise<unknown>, code: string) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VisibleError);
  expect((err as VisibleError).code).toBe(code);
  return err as VisibleError;
}

async function verifiedMember(email = uniqueEmail()) {
  const user = await createUser({ name: "Verified Member", email, password: PASSWORD, status: "approved", emailVerified: true });
  if (!user) throw new Error("not created");
  return user;
}

describe("sign-up and verification", () => {
  it("creates a pending, unverified member and mails a verification link that works once", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Miriam Köhler", email, password: PASSWORD }, meta());
    const user = await findUserByEmail(email);
    expect(user).toMatchObject({ name: "Miriam Köhler", status: "pending", role: "volunteer", emailVerified: false });
    await expectError(signIn(email, PASSWORD, meta()), "email_not_verified");

    const token = tokenFrom(await lastMailTo(email, /bestätigen/), "/verify");
    const account = await verifyEmail(token);
    expect(account).toMatchObject({ email, status: "pending", emailVerified: true });
    await expectError(verifyEmail(token), "invalid_token");
  });

  it("with open sign-up configured, new members need no approval (only the e-mail check)", async () => {
    process.env.SIGNUP_MODE = "open";
    try {
      const email = uniqueEmail("open");
      await signUp({ name: "Offen Angemeldet", email, password: PASSWORD }, meta());
      expect(await findUserByEmail(email)).toMatchObject({ status: "approved", emailVerified: false });
    } finally {
      delete process.env.SIGNUP_MODE;
    }
  });

  it("stores the password only as an scrypt hash with OWASP parameters", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Hash Check", email, password: PASSWORD }, meta());
    const user = await findUserByEmail(email);
    expect(user?.passwordHash).not.toContain(PASSWORD);
    expect(user?.passwordHash.split("$").slice(0, 4)).toEqual(["scrypt", String(2 ** 17), "8", "1"]);
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    expect(await verifyPassword(PASSWORD, user!.passwordHash)).toBe(true);
    expect(await verifyPassword("Sonnenblumen im garten", user!.passwordHash)).toBe(false);
  });

  it("rejects common passwords without creating an account", async () => {
    const email = uniqueEmail();
    const err = await expectError(signUp({ name: "Common", email, password: "Schalke04" }, meta()), "common_password");
    expect(err.fields).toEqual({ password: "common_password" });
    expect(await findUserByEmail(email)).toBeUndefined();
  });

  it("a second sign-up with a taken address creates nothing and tells the owner by mail", async () => {
    const email = uniqueEmail();
    const owner = await verifiedMember(email);
    await signUp({ name: "Intruder", email: email.toUpperCase(), password: "ein anderes Passwort" }, meta());
    expect((await findUserByEmail(email))?.userId).toBe(owner.userId);
    const mail = await lastMailTo(email, /Anmeldeversuch/);
    expect(mail.body.text).toContain("/reset-password?token=");
  });

  it("lets exactly one of many concurrent sign-ups with the same address through", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => createUser({ name: `Racer ${i}`, email, password: PASSWORD })),
    );
    const created = results.filter((r) => r.status === "fulfilled" && r.value !== undefined);
    expect(created).toHaveLength(1);
    const { data } = await db().entities.emailOwner.get({ emailKey: email }).go();
    expect(data?.userId).toBe((created[0] as PromiseFulfilledResult<{ userId: string }>).value.userId);
  });
});

describe("sign-in", () => {
  it("gives the same error for an unknown address and a wrong password", async () => {
    const user = await verifiedMember();
    const wrong = await expectError(signIn(user.email, "falsches Passwort", meta()), "invalid_credentials");
    const unknown = await expectError(signIn(uniqueEmail(), "falsches Passwort", meta()), "invalid_credentials");
    expect(unknown.message).toBe(wrong.message);
  });

  it("spends as long on an unknown address as on a wrong password", async () => {
    const user = await verifiedMember();
    const time = async (email: string) => {
      const start = performance.now();
      await signIn(email, "falsches Passwort", meta()).catch(() => undefined);
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.email));
      unknown.push(await time(uniqueEmail()));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // Without the dummy hash an unknown address answers in a few ms against ~300 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it("refuses blocked members after checking the password", async () => {
    const user = await verifiedMember();
    await db().entities.user.patch({ userId: user.userId }).set({ status: "blocked", nameKey: user.nameKey }).go();
    await expectError(signIn(user.email, PASSWORD, meta()), "account_blocked");
  });

  it("limits attempts per account, across addresses", async () => {
    const user = await verifiedMember();
    for (let i = 0; i < 10; i++) {
      await signIn(user.email, `wrong ${i}`, meta()).catch((e: VisibleError) => expect(e.code).toBe("invalid_credentials"));
    }
    await expectError(signIn(user.email, PASSWORD, meta()), "rate_limited");
  });
});

describe("password reset", () => {
  it("mails a link that sets a new password, ends all sessions and works only once", async () => {
    const user = await verifiedMember();
    const session = await createSession(user.userId);
    await requestPasswordReset(user.email, meta());
    const token = tokenFrom(await lastMailTo(user.email, /Passwort zurücksetzen/), "/reset-password");

    await resetPassword(token, "ein ganz neues Passwort");
    expect(await findSession(session)).toBeUndefined();
    await expectError(signIn(user.email, PASSWORD, meta()), "invalid_credentials");
    expect((await signIn(user.email, "ein ganz neues Passwort", meta())).kind).toBe("session");
    await expectError(resetPassword(token, "noch ein anderes Passwort"), "invalid_token");
  });

  it("voids older reset links once the password was changed", async () => {
    const user = await verifiedMember();
    await requestPasswordReset(user.email, meta());
    const first = tokenFrom(await lastMailTo(user.email, /Passwort zurücksetzen/), "/reset-password");
    await requestPasswordReset(user.email, meta());
    const mails = (await mailsTo(user.email)).filter((m) => /zurücksetzen/.test(m.subject));
    const second = tokenFrom(mails.at(-1)!, "/reset-password");
    expect(second).not.toBe(first);
    await resetPassword(second, "ein ganz neues Passwort");
    await expectError(resetPassword(first, "noch ein anderes Passwort"), "invalid_token");
  });

  it("sends nothing for an unknown address and answers no faster", async () => {
    const email = uniqueEmail();
    const start = performance.now();
    await requestPasswordReset(email, meta());
    expect(performance.now() - start).toBeGreaterThanOrEqual(390);
    expect(await mailsTo(email)).toHaveLength(0);
  });
});

describe("changing password and e-mail", () => {
  it("changes the password with the current one and keeps only the current session", async () => {
    const user = await verifiedMember();
    const keep = await createSession(user.userId);
    const other = await createSession(user.userId);
    await expectError(changePassword(user, "falsch", "ein neues Passwort", keep), "wrong_password");
    await changePassword(user, PASSWORD, "ein neues Passwort", keep);
    expect(await findSession(keep)).toBeDefined();
    expect(await findSession(other)).toBeUndefined();
    expect(await verifyPassword("ein neues Passwort", (await getUser(user.userId))!.passwordHash)).toBe(true);
    await lastMailTo(user.email, /Passwort wurde geändert/);
  });

  it("moves the account to a new address only after the link is opened", async () => {
    const user = await verifiedMember();
    const next = uniqueEmail("new");
    await requestEmailChange(user, next, PASSWORD);
    expect((await getUser(user.userId))?.email).toBe(user.email);
    const token = tokenFrom(await lastMailTo(next, /Neue E-Mail-Adresse/), "/confirm-email");
    const account = await confirmEmailChange(token);
    expect(account.email).toBe(next);
    expect((await findUserByEmail(next))?.userId).toBe(user.userId);
    expect(await findUserByEmail(user.email)).toBeUndefined();
    await lastMailTo(user.email, /wurde geändert/);
  });

  it("refuses to move to an address another account took meanwhile", async () => {
    const user = await verifiedMember();
    const contested = uniqueEmail("contested");
    await requestEmailChange(user, contested, PASSWORD);
    const token = tokenFrom(await lastMailTo(contested), "/confirm-email");
    await verifiedMember(contested);
    await expectError(confirmEmailChange(token), "email_taken");
    expect((await getUser(user.userId))?.email).toBe(user.email);
  });
});

describe("password hashes", () => {
  it("salts every hash", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });
});
