import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { alertText, apiError, json, renderApp, stubApi } from "./harness";

async function fillSignUp(name: string, email: string, password: string) {
  fireEvent.input(await screen.findByLabelText("Name"), { target: { value: name } });
  fireEvent.input(screen.getByLabelText("E-Mail-Adresse"), { target: { value: email } });
  fireEvent.input(screen.getByLabelText("Passwort"), { target: { value: password } });
  fireEvent.click(screen.getByLabelText(/Datenschutzerklärung gelesen/));
  fireEvent.click(screen.getByRole("button", { name: "Konto anlegen" }));
}

describe("sign-up page", () => {
  it("shows the API's field error translated at the field, marks it invalid and keeps what was typed", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signup": () =>
        apiError(400, "invalid_input", "Invalid input: password (too_short).", { password: "too_short" }),
    });
    renderApp("/signup");
    await fillSignUp("Jonas Becker", "jonas@example.org", "kurz");

    const error = await screen.findByText("Bitte mindestens 8 Zeichen.");
    const password = screen.getByLabelText("Passwort");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(password.getAttribute("aria-describedby")?.split(" ")).toContain(error.id);
    expect(document.activeElement).toBe(password);
    expect(await alertText()).toBe("Bitte prüfen Sie die markierten Angaben.");
    expect(screen.getByLabelText<HTMLInputElement>("Name").value).toBe("Jonas Becker");
    expect(screen.getByLabelText<HTMLInputElement>("E-Mail-Adresse").value).toBe("jonas@example.org");
    expect(calls.find((c) => c.path === "/api/auth/signup")?.body).toEqual({
      name: "Jonas Becker",
      email: "jonas@example.org",
      password: "kurz",
      locale: "de",
      acceptTerms: true,
    });
  });

  it("names the password hint as the field's description", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    renderApp("/signup");
    const password = await screen.findByLabelText("Passwort");
    const hint = screen.getByText(/Mindestens 8 Zeichen/);
    expect(password.getAttribute("aria-describedby")).toBe(hint.id);
  });

  it("falls back to the server's message for an error code the dictionary does not know", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signup": () => apiError(409, "brand_new_code", "Something new went wrong."),
    });
    renderApp("/signup");
    await fillSignUp("Jonas Becker", "jonas@example.org", "ein langer satz");
    expect(await alertText()).toBe("Something new went wrong.");
  });

  it("shows the check-your-e-mail screen with the address after a successful sign-up", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "POST /api/auth/signup": () => json(202, { status: "check_email" }),
    });
    renderApp("/signup");
    await fillSignUp("Jonas Becker", " jonas@example.org ", "ein langer satz");
    expect(await screen.findByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihre E-Mails" })).toBeTruthy();
    expect(screen.getByText(/Bestätigungslink an jonas@example.org geschickt/)).toBeTruthy();
    await waitFor(() => expect(document.title).toBe("Bitte prüfen Sie Ihre E-Mails – Vernetzt"));
  });
});
