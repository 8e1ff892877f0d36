import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi } from "./harness";

async function submitPassword(email = "amira@example.org", password = "ein langer satz") {
  fireEvent.input(await screen.findByLabelText("E-Mail-Adresse"), { target: { value: email } });
  fireEvent.input(screen.getByLabelText("Passwort"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Anmelden" }));
}

describe("sign-in page", () => {
  it("asks for the authenticator code when the API answers two_factor_required, then signs in and returns to `next`", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => json(200, { status: "two_factor_required", account: null }),
      "POST /api/auth/signin/two-factor": () => json(200, { status: "signed_in", account: account() }),
    });
    const { history } = renderApp("/signin?next=%2Faccount");
    await submitPassword();

    const code = await screen.findByLabelText("Code");
    expect(screen.getByRole("heading", { name: "Bestätigungscode eingeben" })).toBeTruthy();
    expect(screen.queryByLabelText("Passwort")).toBeNull();
    expect(document.activeElement).toBe(code);

    fireEvent.input(code, { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "Bestätigen" }));

    await waitFor(() => expect(history.get()).toBe("/account"));
    expect(calls.find((c) => c.path === "/api/auth/signin/two-factor")?.body).toEqual({ code: "123456" });
    expect(await screen.findByRole("link", { name: "Mein Konto" })).toBeTruthy();
  });

  it("shows a wrong code at the code field and stays on the code step", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => json(200, { status: "two_factor_required", account: null }),
      "POST /api/auth/signin/two-factor": () => apiError(400, "invalid_code", "The code is not correct.", { code: "invalid_code" }),
    });
    renderApp("/signin");
    await submitPassword();
    fireEvent.input(await screen.findByLabelText("Code"), { target: { value: "000000" } });
    fireEvent.click(screen.getByRole("button", { name: "Bestätigen" }));
    expect(await screen.findByText("Der Code stimmt nicht.")).toBeTruthy();
    expect(screen.getByLabelText("Code").getAttribute("aria-invalid")).toBe("true");
  });

  it("returns to the password step when the code challenge has expired", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => json(200, { status: "two_factor_required", account: null }),
      "POST /api/auth/signin/two-factor": () => apiError(401, "signin_expired", "Please sign in with your password again."),
    });
    renderApp("/signin");
    await submitPassword();
    fireEvent.input(await screen.findByLabelText("Code"), { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "Bestätigen" }));
    expect(await screen.findByLabelText("Passwort")).toBeTruthy();
    expect(await alertText()).toMatch(/noch einmal mit Ihrem Passwort/);
  });

  it("asks for the password again, not for a new link, once too many wrong codes voided the challenge", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => json(200, { status: "two_factor_required", account: null }),
      "POST /api/auth/signin/two-factor": () => apiError(400, "invalid_token", "This link is invalid or has expired."),
    });
    renderApp("/signin");
    await submitPassword();
    fireEvent.input(await screen.findByRole("textbox", { name: "Code" }), { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "Bestätigen" }));
    expect(await screen.findByLabelText("Passwort")).toBeTruthy();
    expect(await alertText()).toBe("Die Anmeldung hat zu lange gedauert. Bitte melden Sie sich noch einmal mit Ihrem Passwort an.");
  });

  it("offers to resend the verification link when the API answers email_not_verified", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => apiError(403, "email_not_verified", "Please confirm your e-mail address first."),
      "POST /api/auth/resend-verification": () => json(202, { status: "check_email" }),
    });
    renderApp("/signin");
    await submitPassword("lena@example.org");

    expect(await alertText()).toMatch(/bestätigen Sie zuerst Ihre E-Mail-Adresse/);
    fireEvent.click(screen.getByRole("button", { name: "Bestätigungslink erneut senden" }));
    expect(await screen.findByText(/zu lena@example.org ein unbestätigtes Konto gehört/)).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/auth/resend-verification")?.body).toEqual({ email: "lena@example.org" });
  });

  it("shows invalid credentials without revealing which part was wrong", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => apiError(401, "invalid_credentials", "E-mail address or password is not correct."),
    });
    renderApp("/signin");
    await submitPassword();
    expect(await alertText()).toBe("E-Mail-Adresse oder Passwort stimmen nicht.");
    expect(screen.queryByRole("button", { name: "Bestätigungslink erneut senden" })).toBeNull();
  });
});

describe("signing in to an account with another language", () => {
  it("switches to the account's language while navigating and shows the welcome notice in it", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signin": () => json(200, { status: "signed_in", account: account({ locale: "en" }) }),
    });
    const { history } = renderApp("/signin");
    await submitPassword();
    expect(await screen.findByText("Welcome back, Amira Haddad!")).toBeTruthy();
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(screen.getByRole("link", { name: "My account" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });
});
