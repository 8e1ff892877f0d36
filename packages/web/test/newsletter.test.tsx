import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { CONSENT_TEXT_DE } from "@vernetzt/core/newsletter/schema";
import { newsletterDe } from "../src/i18n/newsletter.de";
import { newsletterEn } from "../src/i18n/newsletter.en";
import { t } from "../src/i18n/newsletter";
import { setLocale } from "../src/i18n";
import { account, alertText, apiError, json, renderApp, stubApi } from "./harness";

// The pages load lazily; transforming them once up front keeps that out of the tests' waiting time.
beforeAll(async () => {
  await Promise.all([import("../src/pages/newsletter/Newsletter"), import("../src/pages/newsletter/Issue"), import("../src/pages/newsletter/Confirm"), import("../src/pages/newsletter/Unsubscribe"), import("../src/pages/Account")]);
});

const TOKEN = "b".repeat(43);
const signedOut = { "GET /api/auth/session": () => json(200, { account: null }) };

describe("newsletter dictionaries", () => {
  it("reach the newsletter's pages in both languages", async () => {
    expect(Object.entries(newsletterDe).filter(([key, text]) => t(key as keyof typeof newsletterDe) !== text)).toEqual([]);
    await setLocale("en");
    expect(Object.entries(newsletterEn).filter(([key, text]) => t(key as keyof typeof newsletterEn) !== text)).toEqual([]);
  });

  it("show the consent exactly as the server records it", () => {
    expect(newsletterDe["newsletter.subscribe.consent"]).toBe(CONSENT_TEXT_DE);
  });
});

describe("public subscription", () => {
  it("does not subscribe before the consent box is ticked, then subscribes with consent in the page's language", async () => {
    const calls = stubApi({ ...signedOut, "GET /api/newsletter/archive": () => json(200, { issues: [], cursor: null }), "POST /api/newsletter/subscribe": () => json(202, { status: "check_email" }) });
    renderApp("/newsletter");
    const form = (await screen.findByRole("region", { name: "Newsletter abonnieren" })).querySelector("form")!;
    fireEvent.input(within(form).getByLabelText("E-Mail-Adresse"), { target: { value: " lena@example.org " } });
    fireEvent.click(within(form).getByRole("button", { name: "Abonnieren" }));

    const consent = within(form).getByRole("checkbox", { name: CONSENT_TEXT_DE });
    await waitFor(() => expect(consent.getAttribute("aria-invalid")).toBe("true"));
    expect(document.activeElement).toBe(consent);
    expect(within(form).getByText("Bitte setzen Sie das Häkchen, damit wir Ihnen den Newsletter schicken dürfen.")).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/newsletter/subscribe")).toBe(false);

    fireEvent.click(consent);
    fireEvent.click(within(form).getByRole("button", { name: "Abonnieren" }));
    expect(await screen.findByText(/Wir haben einen Bestätigungslink an lena@example.org geschickt/)).toBeTruthy();
    const subscribe = calls.find((c) => c.path === "/api/newsletter/subscribe");
    expect(subscribe?.body).toEqual({ email: "lena@example.org", consent: true, locale: "de" });
    expect(subscribe?.headers.get("content-type")).toBe("application/json");
  });

  it("shows English readers a translation and the German wording that is recorded", async () => {
    await setLocale("en");
    stubApi({ ...signedOut, "GET /api/newsletter/archive": () => json(200, { issues: [], cursor: null }) });
    renderApp("/newsletter");
    const consent = await screen.findByRole("checkbox", { name: /I would like to receive the weekly Vernetzt newsletter/ });
    const recorded = document.getElementById(consent.getAttribute("aria-describedby") ?? "")!;
    expect(recorded.textContent).toContain("Your consent is recorded with the German wording:");
    expect(recorded.querySelector("q[lang='de']")?.textContent).toBe(CONSENT_TEXT_DE);
  });

  it("points members to their account instead of the double opt-in form", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account() }), "GET /api/newsletter/archive": () => json(200, { issues: [], cursor: null }) });
    renderApp("/newsletter");
    expect((await screen.findByRole("link", { name: "Newsletter in meinem Konto" })).getAttribute("href")).toBe("/account#newsletter");
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});

describe("confirmation link", () => {
  it("confirms the subscription once and says which address gets the newsletter", async () => {
    const calls = stubApi({ ...signedOut, "POST /api/newsletter/confirm": () => json(200, { email: "lena@example.org" }) });
    renderApp(`/newsletter/confirm?token=${TOKEN}`);
    expect(await screen.findByText(/Danke! lena@example.org erhält ab jetzt jede Woche den Newsletter/)).toBeTruthy();
    const confirms = calls.filter((c) => c.path === "/api/newsletter/confirm");
    expect(confirms).toHaveLength(1);
    expect(confirms[0]?.body).toEqual({ token: TOKEN });
  });

  it("offers to subscribe again when the link is invalid", async () => {
    stubApi({ ...signedOut, "POST /api/newsletter/confirm": () => apiError(400, "invalid_token", "This link is invalid or has expired.") });
    renderApp(`/newsletter/confirm?token=${TOKEN}`);
    expect(await alertText()).toMatch(/ungültig oder abgelaufen/);
    expect(screen.getByRole("link", { name: "Newsletter abonnieren" }).getAttribute("href")).toBe("/newsletter");
  });
});

describe("unsubscribe link", () => {
  it("shows the address and its status, unsubscribes with the token on request, and offers to subscribe again", async () => {
    const calls = stubApi({
      ...signedOut,
      "GET /api/newsletter/unsubscribe": () => json(200, { email: "lena@example.org", status: "active" }),
      "POST /api/newsletter/unsubscribe": () => json(200, { email: "lena@example.org" }),
    });
    renderApp(`/newsletter/unsubscribe?token=${TOKEN}`);
    expect(await screen.findByRole("heading", { name: "Abonnement für lena@example.org" })).toBeTruthy();
    expect(screen.getByText("Diese Adresse erhält den Newsletter.")).toBeTruthy();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Newsletter abbestellen" }));
    expect(await screen.findByText("Erledigt: lena@example.org erhält keinen Newsletter mehr.")).toBeTruthy();
    const posts = calls.filter((c) => c.method === "POST" && c.path === "/api/newsletter/unsubscribe");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.query.get("token")).toBe(TOKEN);
    expect(calls.filter((c) => c.method === "GET" && c.path === "/api/newsletter/unsubscribe")).toHaveLength(1);

    expect(screen.queryByRole("button", { name: "Newsletter abbestellen" })).toBeNull();
    const again = screen.getByRole("region", { name: "Doch wieder abonnieren?" });
    expect(within(again).getByLabelText<HTMLInputElement>("E-Mail-Adresse").value).toBe("lena@example.org");
  });

  it("explains a suppressed address and offers no button", async () => {
    stubApi({ ...signedOut, "GET /api/newsletter/unsubscribe": () => json(200, { email: "old@example.org", status: "suppressed" }) });
    renderApp(`/newsletter/unsubscribe?token=${TOKEN}`);
    expect(await screen.findByText(/kamen als unzustellbar zurück/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Newsletter abbestellen" })).toBeNull();
  });

  it("does not call the API for a link without a token", async () => {
    const calls = stubApi(signedOut);
    renderApp("/newsletter/unsubscribe");
    expect(await alertText()).toMatch(/Link ist unvollständig/);
    expect(calls.filter((c) => c.path.startsWith("/api/newsletter"))).toEqual([]);
  });
});

describe("archive", () => {
  it("lists sent issues and shows one as it was sent", async () => {
    stubApi({
      ...signedOut,
      "GET /api/newsletter/archive": () => json(200, { issues: [{ number: 7, subject: "Neues zum Asylrecht", sentAt: "2026-11-16T06:00:00.000Z" }], cursor: null }),
      "GET /api/newsletter/archive/7": () =>
        json(200, { issue: { number: 7, subject: "Neues zum Asylrecht", sentAt: "2026-11-16T06:00:00.000Z", html: "<h2>Recht und Politik</h2><p>Die <strong>Frist</strong> endet.</p>" } }),
    });
    renderApp("/newsletter");
    fireEvent.click(await screen.findByRole("link", { name: "Nr. 7: Neues zum Asylrecht" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Newsletter Nr. 7" })).toBeTruthy();
    expect((await screen.findByText("Frist")).tagName).toBe("STRONG");
    expect(screen.getByText(/Verschickt am 16\.11\.2026/)).toBeTruthy();
  });

  it("asks signed-out readers to sign in when the archive is for members", async () => {
    stubApi({ ...signedOut, "GET /api/newsletter/archive": () => apiError(401, "not_signed_in", "The newsletter archive is for members: please sign in.") });
    renderApp("/newsletter");
    expect(await screen.findByText(/Das Archiv ist Mitgliedern vorbehalten/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Zur Anmeldung" }).getAttribute("href")).toBe("/signin?next=%2Fnewsletter");
    // The subscription form stays usable for everyone.
    expect(screen.getByRole("button", { name: "Abonnieren" })).toBeTruthy();
  });
});

describe("newsletter in the account", () => {
  it("switches the member's subscription off", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/account/sessions": () => json(200, { sessions: [] }),
      "GET /api/newsletter/me": () => json(200, { subscribed: true, suppressed: false }),
      "PUT /api/newsletter/me": () => json(200, { subscribed: false, suppressed: false }),
    });
    renderApp("/account");
    const section = await screen.findByRole("region", { name: "Newsletter" });
    const toggle = await within(section).findByRole("switch", { name: "Newsletter per E-Mail erhalten" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    expect(await within(section).findByText("Sie erhalten keinen Newsletter.")).toBeTruthy();
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ subscribed: false });
  });

  it("explains that mail to a suppressed address bounced", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/account/sessions": () => json(200, { sessions: [] }),
      "GET /api/newsletter/me": () => json(200, { subscribed: false, suppressed: true }),
    });
    renderApp("/account");
    const section = await screen.findByRole("region", { name: "Newsletter" });
    expect(await within(section).findByText(/Mails an amira@example.org kamen zuletzt als unzustellbar zurück/)).toBeTruthy();
    expect(within(section).getByRole<HTMLInputElement>("switch").disabled).toBe(true);
  });

  it("does not ask the API for pending members", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account({ status: "pending" }) }),
      "GET /api/account/sessions": () => json(200, { sessions: [] }),
    });
    renderApp("/account");
    const section = await screen.findByRole("region", { name: "Newsletter" });
    expect(within(section).getByText(/sobald Ihre Mitgliedschaft freigeschaltet ist/)).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/newsletter/me")).toBe(false);
  });
});
