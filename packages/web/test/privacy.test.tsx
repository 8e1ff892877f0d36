import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, apiError, json, renderApp, stubApi } from "./harness";

describe("account page: my data", () => {
  it("offers the JSON download and deletes the account only with the right password, passing the posts choice", async () => {
    let attempts = 0;
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "POST /api/privacy/delete": () => {
        attempts += 1;
        return attempts === 1
          ? apiError(400, "wrong_password", "The password is not correct.", { password: "wrong_password" })
          : json(200, { status: "deleted" });
      },
    });
    renderApp("/account");
    const section = await screen.findByRole("region", { name: "Meine Daten" }, { timeout: 5000 });
    const download = within(section).getByRole("link", { name: "Meine Daten herunterladen" });
    expect(download.getAttribute("href")).toBe("/api/privacy/export");
    expect(download.hasAttribute("download")).toBe(true);

    fireEvent.click(within(section).getByLabelText(/Auch meine Forenbeiträge entfernen/));
    const password = within(section).getByLabelText("Zur Bestätigung: Ihr Passwort");
    fireEvent.input(password, { target: { value: "falsch" } });
    fireEvent.click(within(section).getByRole("button", { name: "Konto endgültig löschen" }));
    expect(await within(section).findByText("Das Passwort stimmt nicht.", {}, { timeout: 5000 })).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBe("true");

    fireEvent.input(password, { target: { value: "richtiges Passwort" } });
    fireEvent.click(within(section).getByRole("button", { name: "Konto endgültig löschen" }));
    await waitFor(() => expect(attempts).toBe(2), { timeout: 5000 });
    expect(await screen.findByText("Ihr Konto wurde gelöscht. Auf Wiedersehen!", {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Meine Daten" })).toBeNull();
    expect(screen.getByRole("link", { name: "Anmelden" })).toBeTruthy();
    expect(calls.filter((c) => c.path === "/api/privacy/delete").map((c) => c.body)).toEqual([
      { password: "falsch", removePosts: true },
      { password: "richtiges Passwort", removePosts: true },
    ]);
  }, 20_000);
});
