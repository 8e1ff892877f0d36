import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, json, renderApp, stubApi } from "./harness";

describe("header and language switch", () => {
  it("switches the visible text to English, sets <html lang> and remembers the choice", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Anmelden" })).toBeTruthy();
    expect(await screen.findByRole("heading", { level: 1, name: "Willkommen bei Vernetzt" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Sprache wechseln: English" }));

    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Welcome to Vernetzt" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Change language: Deutsch" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("vernetzt.locale")).toBe("en");
  });

  it("saves a signed-in member's language choice in the account", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "PATCH /api/account": () => json(200, { account: account({ locale: "en" }) }),
    });
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Sprache wechseln: English" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    const patch = calls.find((c) => c.method === "PATCH");
    expect(patch?.body).toEqual({ locale: "en" });
    expect(patch?.headers.get("content-type")).toBe("application/json");
    expect(await screen.findByRole("link", { name: "My account" })).toBeTruthy();
  });

  it("takes the interface language from the signed-in account", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account({ locale: "en" }) }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "My account" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  it("shows the members link to staff only", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator" }) }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Mitglieder" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Abmelden" })).toBeTruthy();
  });

  it("hides the members link from volunteers and tells pending members they wait for approval", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account({ status: "pending" }) }) });
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Ihre Mitgliedschaft wartet auf Freigabe" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Hallo Amira Haddad!" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Mitglieder" })).toBeNull();
  });

  it("signs out with an empty JSON body and returns to the start page", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "POST /api/auth/signout": () => json(200, { status: "signed_out" }),
    });
    const { history } = renderApp("/account");
    fireEvent.click(await screen.findByRole("button", { name: "Abmelden" }));
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(await screen.findByText("Sie sind abgemeldet.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Anmelden" })).toBeTruthy();
    const signout = calls.find((c) => c.path === "/api/auth/signout");
    expect(signout?.body).toEqual({});
    expect(signout?.headers.get("content-type")).toBe("application/json");
  });

  it("sends signed-out visitors of a protected page to sign in, remembering where they wanted to go", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    const { history } = renderApp("/account");
    await waitFor(() => expect(history.get()).toBe("/signin?next=%2Faccount"));
    expect(await screen.findByRole("heading", { level: 1, name: "Anmelden" })).toBeTruthy();
  });

  it("has a skip link to the main content and footer links to the legal pages", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/pages/impressum": () =>
        json(200, {
          page: { slug: "impressum", title: "Impressum", visibility: "public", position: 900, inMenu: false, body: "", html: "<p>Angaben gemäß § 5 DDG: Verein für Ehrenamt e. V.</p>", revision: 1, updatedAt: "2026-11-01T10:00:00.000Z", legal: true, mayEdit: false },
        }),
    });
    renderApp("/");
    const skip = screen.getByRole("link", { name: "Zum Inhalt springen" });
    fireEvent.click(skip);
    expect(document.activeElement).toBe(document.getElementById("main"));
    fireEvent.click(screen.getByRole("link", { name: "Impressum" }));
    expect(await screen.findByText(/Verein für Ehrenamt e\. V\./)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Datenschutz" }).getAttribute("href")).toBe("/datenschutz");
  });
});
