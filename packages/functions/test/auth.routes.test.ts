import { describe, expect, it } from "vitest";
import { findSession } from "@vernetzt/core/auth/session";
import { db } from "@vernetzt/core/db";
import { digest } from "@vernetzt/core/id";
import { findUserByEmail } from "@vernetzt/core/user/account";
import { lastMailTo, tokenFrom, uniqueEmail } from "../../core/test/mail";
import { BrowserSession } from "./browser-session";
import { PASSWORD, signedIn } from "./fixtures";

describe("sign-up through the API", () => {
  it("signs up, verifies by the mailed link and signs in with an HttpOnly SameSite=Lax cookie", async () => {
    const browser = new BrowserSession();
    const email = uniqueEmail();
    const signup = await browser.api.auth.signup.$post({ json: { name: "Karin Wolff", email, password: PASSWORD, acceptTerms: true } });
    expect(signup.status).toBe(202);
    expect(await signup.json()).toEqual({ status: "check_email" });

    const token = tokenFrom(await lastMailTo(email, /bestätigen/), "/verify");
    const verify = await browser.api.auth.verify.$post({ json: { token } });
    expect(await verify.json()).toEqual({ account: { status: "pending", email } });

    const signin = await browser.api.auth.signin.$post({ json: { email, password: PASSWORD } });
    expect(signin.status).toBe(200);
    const cookie = signin.headers.getSetCookie().find((c) => c.startsWith("vernetzt_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    // The member's id (so session and member come in one read) and a 256-bit secret.
    const user = (await findUserByEmail(email))!;
    const [id, secret] = cookie!.split(";")[0]!.split("=")[1]!.split(".");
    expect(id).toBe(user.userId);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const session = await browser.api.auth.session.$get();
    expect((await session.json()).account).toMatchObject({ email, status: "pending", role: "volunteer" });
  });

  it("answers a taken address exactly like a new one", async () => {
    const { user } = await signedIn();
    const res = await new BrowserSession().api.auth.signup.$post({ json: { name: "Someone Else", email: user.email, password: "ein anderes Passwort", acceptTerms: true } });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "check_email" });
  });
});

describe("bad input", () => {
  const browser = new BrowserSession();

  it.each([
    ["missing fields", { email: "a@example.org" }, ["acceptTerms", "name", "password"]],
    ["terms not accepted", { name: "Ab Cd", email: "a@example.org", password: PASSWORD, acceptTerms: false }, ["acceptTerms"]],
    ["wrong types", { name: 42, email: "a@example.org", password: PASSWORD, acceptTerms: true }, ["name"]],
    ["malformed e-mail", { name: "Ab Cd", email: "not-an-address", password: PASSWORD, acceptTerms: true }, ["email"]],
    ["short password", { name: "Ab Cd", email: "a@example.org", password: "kurz", acceptTerms: true }, ["password"]],
    ["oversized name", { name: "x".repeat(101), email: "a@example.org", password: PASSWORD, acceptTerms: true }, ["name"]],
    ["unknown field", { name: "Ab Cd", email: "a@example.org", password: PASSWORD, role: "admin", acceptTerms: true }, ["role"]],
  ])("rejects %s with 400 naming the fields, and creates nothing", async (_label, body, fields) => {
    const res = await browser.raw("/api/auth/signup", { json: body });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual(fields);
    for (const field of fields) expect(error.message).toContain(field);
    expect(await findUserByEmail("a@example.org")).toBeUndefined();
  });

  it("rejects malformed JSON with a JSON error", async () => {
    const res = await browser.raw("/api/auth/signin", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("rejects bodies over 64 KB with 413", async () => {
    const res = await browser.raw("/api/auth/signin", { json: { email: "a@example.org", password: "x".repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too_large");
  });

  it("rejects form posts and other non-JSON writes", async () => {
    const res = await browser.raw("/api/auth/signin", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40example.org&password=x",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("json_required");
  });

  it("rejects writes from another origin, even with a valid session", async () => {
    const { browser: member } = await signedIn();
    const res = await member.raw("/api/auth/signout", { json: {}, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    expect((await (await member.api.auth.session.$get()).json()).account).not.toBeNull();
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await browser.raw("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("sessions", () => {
  it("signing out ends the session on the server, not just the cookie", async () => {
    const { browser } = await signedIn();
    const stolen = new Map(browser.cookies);
    expect((await browser.api.auth.signout.$post({ json: {} })).status).toBe(200);
    const replay = new BrowserSession();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await replay.api.account.$get()).status).toBe(401);
  });

  it("a member ends one other session by its id, but not someone else's", async () => {
    const { user, browser: laptop } = await signedIn();
    const phone = new BrowserSession();
    await phone.api.auth.signin.$post({ json: { email: user.email, password: PASSWORD } });
    const { sessions } = await (await laptop.api.account.sessions.$get()).json();
    const other = sessions.find((s) => !s.current)!;
    const current = sessions.find((s) => s.current)!;
    expect((await laptop.api.account.sessions[":id"].end.$post({ param: { id: current.id }, json: {} })).status).toBe(400);
    const { browser: stranger } = await signedIn();
    expect((await stranger.api.account.sessions[":id"].end.$post({ param: { id: other.id }, json: {} })).status).toBe(404);
    expect((await laptop.api.account.sessions[":id"].end.$post({ param: { id: other.id }, json: {} })).status).toBe(200);
    expect((await phone.api.account.$get()).status).toBe(401);
    expect((await laptop.api.account.$get()).status).toBe(200);
  });

  it("stores the secret only as its SHA-256 digest", async () => {
    const { user, browser } = await signedIn();
    const secret = browser.cookies.get("vernetzt_session")!.split(".")[1]!;
    const { data } = await db().entities.session.query.byUser({ userId: user.userId }).go();
    expect(data.map((s) => s.tokenHash)).toEqual([digest(secret)]);
    expect(JSON.stringify(data)).not.toContain(secret);
  });

  it("answers a forged, altered or malformed cookie exactly like no session", async () => {
    const { user, browser } = await signedIn();
    const { user: other } = await signedIn();
    const [id, secret] = browser.cookies.get("vernetzt_session")!.split(".") as [string, string];
    const flipped = (secret[0] === "A" ? "B" : "A") + secret.slice(1);
    const forged = [
      `${other.userId}.${secret}`, // a real secret presented with another member's id
      `${id}.${flipped}`, // the right id with a wrong secret
      secret, // the secret alone (the old format)
      `${id}.${secret}x`,
      `${id.toUpperCase()}.${secret}`,
      "",
    ];
    for (const value of forged) {
      const replay = new BrowserSession();
      replay.cookies.set("vernetzt_session", value);
      const res = await replay.api.account.$get();
      expect(res.status, value).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "not_signed_in", message: "Please sign in." } });
    }
    expect(user.userId).toBe(id);
    expect((await browser.api.account.$get()).status).toBe(200);
  });

  it("refuses a blocked member's session and ends it", async () => {
    const { user, browser } = await signedIn();
    const cookie = browser.cookies.get("vernetzt_session")!;
    await db().entities.user.patch({ userId: user.userId }).set({ status: "blocked" }).go();
    expect((await browser.api.account.$get()).status).toBe(401);
    expect(browser.cookies.has("vernetzt_session")).toBe(false);
    expect(await findSession(cookie)).toBeUndefined();
  });

  it("pages for members need a session", async () => {
    const res = await new BrowserSession().api.account.$get();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "not_signed_in" } });
  });

  it("the health check answers with JSON once the table answers", async () => {
    const res = await new BrowserSession().api.health.$get();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
});
