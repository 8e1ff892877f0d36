import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { alertText, apiError, json, renderApp, stubApi } from "./harness";

const TOKEN = "a".repeat(43);

describe("pages opened from e-mailed links", () => {
  it("tells a member whose address is confirmed but who still waits for approval", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/verify": () => json(200, { account: { status: "pending", email: "lena@example.org" } }),
    });
    renderApp(`/verify?token=${TOKEN}`);
    expect(await screen.findByText(/lena@example.org ist bestätigt. Die Koordinationsstelle prüft jetzt/)).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/auth/verify")?.body).toEqual({ token: TOKEN });
  });

  it("tells an approved member they can sign in now", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/verify": () => json(200, { account: { status: "approved", email: "lena@example.org" } }),
    });
    renderApp(`/verify?token=${TOKEN}`);
    expect(await screen.findByText(/Sie können sich jetzt anmelden/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Zur Anmeldung" })).toBeTruthy();
  });

  it("offers a new link when the token is invalid or expired", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/verify": () => apiError(400, "invalid_token", "This link is invalid or has expired."),
    });
    renderApp(`/verify?token=${TOKEN}`);
    expect(await alertText()).toMatch(/ungültig oder abgelaufen/);
    expect(screen.getByRole("button", { name: "Bestätigungslink erneut senden" })).toBeTruthy();
  });

  it("does not call the API for a link without a token", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    renderApp("/reset-password");
    expect(await alertText()).toMatch(/Link ist unvollständig/);
    expect(calls.filter((c) => c.method !== "GET")).toEqual([]);
  });
});
