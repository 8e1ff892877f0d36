import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createUser, findUserByEmail } from "@vernetzt/core/user/account";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { launchBrowser, newVisitor, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("data protection in the browser", () => {
  it("a member downloads all their data as JSON and then deletes the account, confirmed by password", async () => {
    const email = uniqueEmail("Datenschutz.Probe");
    const password = "Vergissmeinnicht im Mai";
    await createUser({ name: "Dana Datenschutz", email, password, status: "approved", emailVerified: true, acceptTerms: true });

    const { page } = await newVisitor(browser, "phone");
    await signIn(page, email, password);
    await page.getByRole("heading", { name: "Hallo Dana Datenschutz!" }).waitFor();
    await page.goto("/account");

    const link = page.getByRole("link", { name: "Meine Daten herunterladen" });
    expect(await link.getAttribute("download")).not.toBeNull();
    // The same request the link makes, with this browser's session cookie.
    const file = await page.context().request.get((await link.getAttribute("href"))!);
    expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="vernetzt-meine-daten-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = JSON.parse(await file.text());
    expect(data.account).toMatchObject({ name: "Dana Datenschutz", email });
    expect(data.account.consents[0]).toMatchObject({ kind: "terms" });

    await page.getByLabel(/Auch meine Forenbeiträge entfernen/).check();
    await page.getByLabel("Zur Bestätigung: Ihr Passwort").fill("falsch geraten");
    await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
    await page.getByText("Das Passwort stimmt nicht.").waitFor();

    await page.getByLabel("Zur Bestätigung: Ihr Passwort").fill(password);
    await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
    await page.getByText("Ihr Konto wurde gelöscht. Auf Wiedersehen!").waitFor();
    await page.goto("/account");
    await page.waitForURL(/\/signin\?next=/);
    expect(await findUserByEmail(email)).toBeUndefined();
    expect((await lastMailTo(email, /gelöscht/)).subject).toBe("Ihr Konto wurde gelöscht");
  });
});
