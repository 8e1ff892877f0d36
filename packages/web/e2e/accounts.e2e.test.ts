import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createUser } from "@vernetzt/core/user/account";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { launchBrowser, newVisitor, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("joining the network in the browser", () => {
  it("a volunteer signs up on a phone, verifies by the e-mailed link, is approved by a coordinator, and signs in", async () => {
    const coordinatorEmail = uniqueEmail("coord");
    await createUser({ name: "Koordination Test", email: coordinatorEmail, password: "Koordinationspasswort", role: "coordinator", status: "approved", emailVerified: true });

    const volunteer = await newVisitor(browser, "phone");
    const email = uniqueEmail("volunteer");
    await volunteer.page.goto("/signup");
    await volunteer.page.getByLabel("Name").fill("Hanna Özkan");
    await volunteer.page.getByLabel("E-Mail-Adresse").fill(email);
    await volunteer.page.getByLabel("Passwort", { exact: true }).fill("Sonnenblumen im Garten");
    await volunteer.page.getByLabel(/Datenschutzerklärung gelesen/).check();
    await volunteer.page.getByRole("button", { name: "Konto anlegen" }).click();
    await volunteer.page.getByRole("heading", { name: "Bitte prüfen Sie Ihre E-Mails" }).waitFor();

    const mail = await lastMailTo(email, /bestätigen/);
    const link = /(http:\/\/localhost:\d+\/verify\?token=[A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1];
    expect(link).toBeDefined();
    await volunteer.page.goto(link!);
    await volunteer.page.getByText(/Koordinationsstelle prüft/).waitFor();

    const coordinator = await newVisitor(browser);
    await signIn(coordinator.page, coordinatorEmail, "Koordinationspasswort");
    await coordinator.page.getByRole("heading", { name: "Hallo Koordination Test!" }).waitFor();
    await coordinator.page.goto("/admin/members");
    const row = coordinator.page.locator("li.member", { hasText: "Hanna Özkan" });
    await row.getByRole("button", { name: "Freischalten" }).click();
    await coordinator.page.getByText("Hanna Özkan ist freigeschaltet.").waitFor();
    await lastMailTo(email, /Willkommen/);

    await signIn(volunteer.page, email, "Sonnenblumen im Garten");
    await volunteer.page.getByRole("heading", { name: "Hallo Hanna Özkan!" }).waitFor();
    expect(await volunteer.page.getByText("Ihre Mitgliedschaft wartet auf Freigabe").count()).toBe(0);
    await volunteer.context.close();
    await coordinator.context.close();
  });
});
