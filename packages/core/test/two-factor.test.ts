import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { completeTwoFactor, createUser, getUser, signIn } from "../src/user/account";
import { beginSetup, enable, verifySecondFactor } from "../src/auth/two-factor";
import { VisibleError } from "../src/errors";
import { uniqueEmail } from "./mail";

const PASSWORD = "Sonnenblumen im Garten";
const meta = { ip: "10.9.9.9" };

const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

async function memberWithTwoFactor() {
  const created = await createUser({ name: "Zwei Faktor", email: uniqueEmail("2fa"), password: PASSWORD, status: "approved", emailVerified: true });
  const { secret, uri } = await beginSetup(created!);
  expect(uri).toMatch(/^otpauth:\/\/totp\/Vernetzt:/);
  await expect(enable((await getUser(created!.userId))!, "000000")).rejects.toThrow(VisibleError);
  // The code of the previous step: accepted within the drift window, and leaves the current one unused.
  const { recoveryCodes } = await enable((await getUser(created!.userId))!, codeFor(secret, -1));
  return { user: (await getUser(created!.userId))!, secret, recoveryCodes };
}

describe("two-factor sign-in", () => {
  it("asks for a code after the password and opens a session for the right one", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const first = await signIn(user.email, PASSWORD, meta);
    expect(first.kind).toBe("two_factor");
    if (first.kind !== "two_factor") return;
    await expect(completeTwoFactor(first.challengeToken, "123456", meta)).rejects.toMatchObject({ code: "invalid_code" });
    const done = await completeTwoFactor(first.challengeToken, codeFor(secret), meta);
    expect(done.kind).toBe("session");
    // The challenge is used up.
    await expect(completeTwoFactor(first.challengeToken, codeFor(secret), meta)).rejects.toMatchObject({ code: "signin_expired" });
  });

  it("accepts each authenticator code only once", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const code = codeFor(secret);
    const results = await Promise.all([verifySecondFactor(user, code), verifySecondFactor(user, code), verifySecondFactor(user, code)]);
    expect(results.filter((r) => r === "totp")).toHaveLength(1);
  });

  it("accepts each recovery code once, in any case and with or without the dash", async () => {
    const { user, recoveryCodes } = await memberWithTwoFactor();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const code = recoveryCodes[0]!;
    expect(await verifySecondFactor(user, code.toUpperCase().replace("-", ""))).toBe("recovery");
    expect(await verifySecondFactor(user, code)).toBe(false);
    expect((await getUser(user.userId))?.recoveryCodes).toHaveLength(9);
  });

  it("voids the sign-in challenge after five wrong codes", async () => {
    const { user, secret } = await memberWithTwoFactor();
    const first = await signIn(user.email, PASSWORD, meta);
    if (first.kind !== "two_factor") throw new Error("expected a challenge");
    for (let i = 0; i < 5; i++) {
      await expect(completeTwoFactor(first.challengeToken, "000000", meta)).rejects.toMatchObject({ code: "invalid_code" });
    }
    await expect(completeTwoFactor(first.challengeToken, codeFor(secret), meta)).rejects.toMatchObject({ code: "signin_expired" });
  });
});
