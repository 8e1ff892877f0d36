import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createUser } from "@vernetzt/core/user/account";
import { uniqueEmail } from "../../core/test/mail";
import { launchBrowser, navigation, newVisitor, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("accompaniment programmes in the browser", () => {
  it("a coordinator sets up a programme and a participant, the mentor updates a milestone, and the coordinator sees it logged", async () => {
    const tag = Date.now().toString(36);
    const coordinatorEmail = uniqueEmail("coord");
    const mentorEmail = uniqueEmail("mentor");
    const mentorName = `Mentorin Ülkü ${tag}`;
    await createUser({ name: "Koordination Begleitung", email: coordinatorEmail, password: "Koordinationspasswort", role: "coordinator", status: "approved", emailVerified: true });
    await createUser({ name: mentorName, email: mentorEmail, password: "Ehrenamt mit Herz", role: "volunteer", status: "approved", emailVerified: true });
    const programmeName = `Qualifizierung Kindertagespflege ${tag}`;
    const participantName = `Nour Al-Hassan ${tag}`;

    // The coordinator creates the programme from the childminder template.
    const coordinator = await newVisitor(browser);
    const page = coordinator.page;
    await signIn(page, coordinatorEmail, "Koordinationspasswort");
    await page.getByRole("heading", { name: "Hallo Koordination Begleitung!" }).waitFor();
    await (await navigation(page)).getByRole("link", { name: "Begleitung" }).click();
    await page.getByRole("link", { name: "Neues Programm" }).click();
    await page.getByLabel("Name des Programms").fill(programmeName);
    expect(await page.getByLabel("Station 7", { exact: true }).inputValue()).toBe("Pflegeerlaubnis des Jugendamts (§ 43 SGB VIII)");
    await page.getByRole("button", { name: "Programm anlegen" }).click();
    await page.getByText("Das Programm wurde angelegt.").waitFor();
    await page.getByRole("heading", { level: 1, name: programmeName }).waitFor();
    const programmeId = /\/programmes\/(prg_[0-9a-z]{26})$/.exec(page.url())?.[1];
    expect(programmeId).toBeDefined();

    // …and adds a participant with the mentor assigned.
    await page.getByRole("link", { name: "Teilnehmerin hinzufügen" }).click();
    await page.getByLabel("Name", { exact: true }).fill(participantName);
    await page.getByLabel("Telefon (optional)").fill("+49 170 1234567");
    await page.getByLabel("Sprachen (mit Komma getrennt)").fill("Arabisch, Deutsch");
    await page.getByLabel("Mitglied suchen").fill(mentorName);
    await page.getByRole("listitem").filter({ hasText: mentorName }).getByRole("button", { name: /^Hinzufügen/ }).click();
    await page.getByRole("button", { name: "Hinzufügen", exact: true }).click();
    await page.getByText("Die Teilnehmerin wurde angelegt.").waitFor();
    await page.getByRole("heading", { level: 1, name: participantName }).waitFor();
    const participantUrl = page.url();
    expect(participantUrl).toMatch(new RegExp(`/programmes/${programmeId}/participants/ptp_[0-9a-z]{26}$`));

    // The mentor finds the participant on a phone and marks the course start done.
    const mentor = await newVisitor(browser, "phone");
    await signIn(mentor.page, mentorEmail, "Ehrenamt mit Herz");
    await mentor.page.getByRole("heading", { name: `Hallo ${mentorName}!` }).waitFor();
    await (await navigation(mentor.page)).getByRole("link", { name: "Begleitung" }).click();
    await mentor.page.getByRole("link", { name: programmeName }).click();
    await mentor.page.getByRole("link", { name: participantName }).first().click();
    await mentor.page.getByRole("heading", { level: 1, name: participantName }).waitFor();
    const milestone = mentor.page.getByRole("form", { name: /^Kursbeginn/ });
    await milestone.getByLabel("Stand").selectOption({ label: "erledigt" });
    await milestone.getByRole("button", { name: "Speichern" }).click();
    await mentor.page.getByText("„Kursbeginn“ wurde gespeichert.").waitFor();
    expect(await mentor.page.getByRole("heading", { level: 3, name: "Kursbeginn erledigt" }).count()).toBe(1);
    // Mentors do not manage the record.
    expect(await mentor.page.getByRole("button", { name: "Teilnehmerin löschen" }).count()).toBe(0);

    // The coordinator sees the change and who made it in the access log.
    await page.goto(participantUrl);
    await page.getByRole("heading", { level: 3, name: "Kursbeginn erledigt" }).waitFor();
    await page.getByRole("button", { name: "Protokoll anzeigen" }).click();
    await page.getByText(new RegExp(`Meilenstein geändert – ${mentorName}`)).waitFor();
    await coordinator.context.close();
    await mentor.context.close();
  });
});
