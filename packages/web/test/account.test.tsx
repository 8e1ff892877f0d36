import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, json, renderApp, stubApi } from "./harness";

const qrSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
const recoveryCodes = ["abcde-fghjk", "mnpqr-stuvw"];

function accountApi(overrides: Parameters<typeof account>[0] = {}) {
  let current = account(overrides);
  const calls = stubApi({
    "GET /api/auth/session": () => json(200, { account: current }),
    "GET /api/account/sessions": () =>
      json(200, {
        sessions: [
          { createdAt: "2026-11-20T08:00:00.000Z", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36", current: true },
          { createdAt: "2026-11-02T18:30:00.000Z", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1", current: false },
        ],
      }),
    "POST /api/account/sessions/end-others": () => json(200, { ended: 1 }),
    "POST /api/account/two-factor/setup": () => json(200, { secret: "JBSWY3DPEHPK3PXPJBSWY3DP", uri: "otpauth://totp/Vernetzt:amira", qrSvg }),
    "POST /api/account/two-factor/enable": () => {
      current = { ...current, twoFactorEnabled: true, twoFactorSetupRequired: false, recoveryCodesLeft: 10 };
      return json(200, { recoveryCodes });
    },
  });
  return calls;
}

describe("account page", () => {
  it("sets up two-factor sign-in: password, QR code as an image, code, then the recovery codes once", async () => {
    const calls = accountApi();
    renderApp("/account");
    fireEvent.click(await screen.findByRole("button", { name: "Zwei-Faktor-Anmeldung einrichten" }));
    const section = screen.getByRole("region", { name: "Zwei-Faktor-Anmeldung" });
    fireEvent.input(within(section).getByLabelText("Passwort"), { target: { value: "ein langer satz" } });
    fireEvent.click(within(section).getByRole("button", { name: "Weiter" }));

    const qr = await within(section).findByRole("img", { name: "QR-Code für die Authenticator-App" });
    expect(qr.getAttribute("src")).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`);
    expect(document.querySelector("svg, script")).toBeNull();
    expect(within(section).getByText("JBSW Y3DP EHPK 3PXP JBSW Y3DP")).toBeTruthy();

    fireEvent.input(within(section).getByLabelText("Code"), { target: { value: "123456" } });
    fireEvent.click(within(section).getByRole("button", { name: "Einschalten" }));

    expect(await within(section).findByText("abcde-fghjk")).toBeTruthy();
    const download = within(section).getByRole("link", { name: "Als Textdatei herunterladen" });
    expect(download.getAttribute("download")).toBe("vernetzt-wiederherstellungscodes.txt");
    expect(decodeURIComponent(download.getAttribute("href") ?? "")).toContain("abcde-fghjk\nmnpqr-stuvw");
    expect(calls.find((c) => c.path === "/api/account/two-factor/setup")?.body).toEqual({ password: "ein langer satz" });
    expect(calls.find((c) => c.path === "/api/account/two-factor/enable")?.body).toEqual({ code: "123456" });

    fireEvent.click(within(section).getByRole("button", { name: "Ich habe die Codes gesichert" }));
    expect(await within(section).findByText("Die Zwei-Faktor-Anmeldung ist eingeschaltet.")).toBeTruthy();
    expect(within(section).queryByText("abcde-fghjk")).toBeNull();
    expect(within(section).getByText("Unbenutzte Wiederherstellungscodes: 10")).toBeTruthy();
  });

  it("puts a prominent notice first when staff must still turn on two-factor sign-in", async () => {
    accountApi({ role: "coordinator", twoFactorSetupRequired: true });
    renderApp("/account");
    const notice = await screen.findByRole("region", { name: "Bitte richten Sie die Zwei-Faktor-Anmeldung ein" });
    fireEvent.click(within(notice).getByRole("button", { name: "Jetzt einrichten" }));
    const section = screen.getByRole("region", { name: "Zwei-Faktor-Anmeldung" });
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByLabelText("Passwort")));
  });

  it("lists the sessions readably and signs out everywhere else with an empty JSON body", async () => {
    const calls = accountApi();
    renderApp("/account");
    const section = await screen.findByRole("region", { name: "Angemeldete Geräte" });
    expect(await within(section).findByText("Chrome auf Linux")).toBeTruthy();
    expect(within(section).getByText("Safari auf iOS")).toBeTruthy();
    expect(within(section).getByText("Dieses Gerät")).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: "Überall sonst abmelden" }));
    expect(await within(section).findByText("Abgemeldete Geräte: 1")).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith("/end-others"))?.body).toEqual({});
  });
});
