import { afterEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { Secret, TOTP } from "otpauth";
import { handleError } from "../src/errors";
import { lastMailTo, tokenFrom, uniqueEmail } from "../../core/test/mail";
import { BrowserSession } from "./browser-session";
import { PASSWORD, signedIn } from "./fixtures";

const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
const savedEnv = { ...process.env };
afterEach(() => {
  process.env.VERNETZT_MODE = savedEnv.VERNETZT_MODE;
  delete process.env.REQUIRE_2FA_FOR_STAFF;
});

describe("two-factor sign-in through the API", () => {
  it("sets up with a QR code, then signs in in two steps with the challenge in an HttpOnly cookie", async () => {
    const { user, browser } = await signedIn();
    const wrongPassword = await browser.api.account["two-factor"].setup.$post({ json: { password: "falsch" } });
    expect(wrongPassword.status).toBe(400);

    const setup = await browser.api.account["two-factor"].setup.$post({ json: { password: PASSWORD } });
    const { secret, qrSvg } = await setup.json();
    expect(qrSvg).toContain("<svg");
    const enabled = await browser.api.account["two-factor"].enable.$post({ json: { code: code(secret) } });
    const { recoveryCodes } = await enabled.json();
    expect(recoveryCodes).toHaveLength(10);

    const phone = new BrowserSession();
    const first = await phone.api.auth.signin.$post({ json: { email: user.email, password: PASSWORD } });
    expect(await first.json()).toEqual({ status: "two_factor_required", account: null });
    expect(first.headers.getSetCookie().join()).toMatch(/vernetzt_signin_challenge=.*HttpOnly/i);
    expect(phone.cookies.has("vernetzt_session")).toBe(false);
    expect((await phone.api.account.$get()).status).toBe(401);

    const second = await phone.api.auth.signin["two-factor"].$post({ json: { code: recoveryCodes[0]! } });
    expect(await second.json()).toMatchObject({ status: "signed_in", account: { email: user.email, twoFactorEnabled: true, recoveryCodesLeft: 9 } });
    expect((await phone.api.account.$get()).status).toBe(200);
  });

  it("the second step without a password step first is refused", async () => {
    const res = await new BrowserSession().api.auth.signin["two-factor"].$post({ json: { code: "123456" } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "signin_expired" } });
  });

  it("staff without two-factor sign-in are sent to set it up when the configuration requires it", async () => {
    const { browser } = await signedIn("coordinator");
    process.env.REQUIRE_2FA_FOR_STAFF = "true";
    const res = await browser.api.members.$get({ query: {} });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "two_factor_setup_required" } });
    expect(await (await browser.api.account.$get()).json()).toMatchObject({ account: { twoFactorSetupRequired: true } });
    delete process.env.REQUIRE_2FA_FOR_STAFF;
    expect((await browser.api.members.$get({ query: {} })).status).toBe(200);
  });
});

describe("account changes through the API", () => {
  it("changes the e-mail only after the new address confirms", async () => {
    const { user, browser } = await signedIn();
    const next = uniqueEmail("moved");
    expect((await browser.api.account.email.$post({ json: { email: next, password: PASSWORD } })).status).toBe(202);
    const token = tokenFrom(await lastMailTo(next), "/confirm-email");
    const confirmed = await new BrowserSession().api.auth["confirm-email"].$post({ json: { token } });
    expect(await confirmed.json()).toMatchObject({ account: { email: next } });
    expect((await (await browser.api.account.$get()).json()).account.email).toBe(next);
    expect(user.email).not.toBe(next);
  });

  it("password reset by mail ends the sessions of every browser", async () => {
    const { user, browser } = await signedIn();
    await new BrowserSession().api.auth["forgot-password"].$post({ json: { email: user.email } });
    const token = tokenFrom(await lastMailTo(user.email, /zurücksetzen/), "/reset-password");
    const reset = await new BrowserSession().api.auth["reset-password"].$post({ json: { token, password: "ganz neues Kennwort" } });
    expect(reset.status).toBe(200);
    expect((await browser.api.account.$get()).status).toBe(401);
  });

  it("outside local mode the session cookie is Secure and __Host- prefixed", async () => {
    const { user } = await signedIn();
    process.env.VERNETZT_MODE = "aws";
    const res = await new BrowserSession().api.auth.signin.$post({ json: { email: user.email, password: PASSWORD } });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe("server errors", () => {
  it("answer 500 with a request id and no stack trace", async () => {
    const boom = new Hono()
      .use(async (c, next) => {
        c.set("requestId" as never, "req_test" as never);
        await next();
      })
      .get("/boom", () => {
        throw new Error("secret detail at /srv/app.js:12");
      })
      .onError(handleError as never);
    const logged: string[] = [];
    const original = console.error;
    console.error = (line: string) => logged.push(line);
    const res = await Promise.resolve(boom.request("/boom")).finally(() => (console.error = original));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret detail");
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: expect.any(String), requestId: "req_test" } });
    expect(logged.join()).toContain("secret detail");
    expect(logged.join()).toContain("req_test");
  });
});
