import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { createUser } from "@vernetzt/core/user/account";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { launchBrowser, newVisitor, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** A date `days` from now as <input type="datetime-local"> takes it (the editor's Berlin wall clock). */
function localDate(days: number, time: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

describe("events in the browser", () => {
  it("a coordinator creates an event, a member and a guest register, and the participant list exports both", async () => {
    const coordinatorEmail = uniqueEmail("coord");
    const memberEmail = uniqueEmail("member");
    const guestEmail = uniqueEmail("guest");
    await createUser({ name: "Koordination Test", email: coordinatorEmail, password: "Koordinationspasswort", role: "coordinator", status: "approved", emailVerified: true });
    await createUser({ name: "Zeynep Güneş", email: memberEmail, password: "Ehrenamt mit Herz", role: "volunteer", status: "approved", emailVerified: true });
    const title = `Schulung: Asylrecht für Ehrenamtliche ${Date.now().toString(36)}`;

    // The coordinator creates and publishes the event in the editor.
    const coordinator = await newVisitor(browser);
    await signIn(coordinator.page, coordinatorEmail, "Koordinationspasswort");
    await coordinator.page.getByRole("heading", { name: "Hallo Koordination Test!" }).waitFor();
    await coordinator.page.getByRole("link", { name: "Veranstaltungen", exact: true }).click();
    await coordinator.page.getByRole("link", { name: "Neue Veranstaltung" }).click();
    const editor = coordinator.page;
    await editor.getByLabel("Art der Veranstaltung").selectOption({ label: "Schulung" });
    await editor.getByLabel("Titel", { exact: true }).fill(title);
    await editor.getByLabel("Beschreibung", { exact: true }).fill("Grundlagen des Asylverfahrens – mit **Zeit für Fragen**.");
    await editor.getByLabel("Themen", { exact: true }).fill("Asylrecht, Grundlagen");
    await editor.getByLabel("Veranstalter", { exact: true }).fill("Koordinierungsstelle Flüchtlingshilfe");
    await editor.getByLabel("Beginn", { exact: true }).fill(localDate(30, "18:00"));
    await editor.getByLabel("Ende", { exact: true }).fill(localDate(30, "20:00"));
    await editor.getByLabel("Adresse", { exact: true }).fill("Rathaus, Sitzungssaal 2, Marktplatz 1, 12345 Musterstadt");
    await editor.getByLabel("Plätze", { exact: true }).fill("20");
    await editor.getByRole("button", { name: "Frage hinzufügen" }).click();
    await editor.getByLabel("Frage 1", { exact: true }).fill("Brauchen Sie Kinderbetreuung?");
    await editor.getByLabel("Antwort", { exact: true }).selectOption("yes_no");
    await editor.getByLabel("Muss beantwortet werden").check();
    await editor.getByLabel(/^Veröffentlicht/).check();
    await editor.getByRole("button", { name: "Veranstaltung anlegen" }).click();
    await editor.getByText("Die Veranstaltung ist angelegt.").waitFor();
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    const eventId = /\/events\/(evt_[0-9a-z]{26})$/.exec(editor.url())?.[1];
    expect(eventId).toBeDefined();
    expect(await editor.getByText("20 von 20 Plätzen frei").count()).toBe(1);

    // A member finds it in the list on a phone and registers with one answer.
    const member = await newVisitor(browser, "phone");
    await signIn(member.page, memberEmail, "Ehrenamt mit Herz");
    await member.page.getByRole("heading", { name: "Hallo Zeynep Güneş!" }).waitFor();
    await member.page.goto("/events");
    await member.page.getByRole("link", { name: title }).click();
    await member.page.getByRole("group", { name: "Brauchen Sie Kinderbetreuung?" }).getByLabel("Ja").check();
    await member.page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await member.page.getByText(/^Sie sind angemeldet\./).waitFor();
    expect(await member.page.getByText("19 von 20 Plätzen frei").count()).toBe(1);
    await lastMailTo(memberEmail, /Anmeldung bestätigt/);

    // A guest registers without an account and confirms by the e-mailed link.
    const guest = await newVisitor(browser, "phone");
    await guest.page.goto(`/events/${eventId}`);
    await guest.page.getByLabel("Name", { exact: true }).fill("Jörg Müller-Lüdenscheidt");
    await guest.page.getByLabel("E-Mail-Adresse").fill(guestEmail);
    await guest.page.getByRole("group", { name: "Brauchen Sie Kinderbetreuung?" }).getByLabel("Nein").check();
    await guest.page.getByRole("button", { name: "Anmeldung absenden" }).click();
    await guest.page.getByText(/Fast geschafft/).waitFor();
    const mail = await lastMailTo(guestEmail, /Anmeldung bestätigen/);
    const link = /(http:\/\/localhost:\d+\/events\/evt_[0-9a-z]{26}\?confirm=[A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1];
    expect(link).toBeDefined();
    await guest.page.goto(link!);
    await guest.page.getByText(/Ihre Anmeldung ist bestätigt/).waitFor();
    expect(new URL(guest.page.url()).search).toBe("");
    await guest.page.getByText("18 von 20 Plätzen frei").waitFor();
    await lastMailTo(guestEmail, /Anmeldung bestätigt/);

    // The coordinator sees both and downloads the list for Excel.
    await coordinator.page.goto(`/events/${eventId}/participants`);
    await coordinator.page.getByRole("heading", { name: "Bestätigt (2)" }).waitFor();
    const [download] = await Promise.all([
      coordinator.page.waitForEvent("download"),
      coordinator.page.getByRole("link", { name: "Liste herunterladen (CSV für Excel)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^teilnehmende-.+\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = csv.slice(1).trim().split("\r\n");
    expect(rows[0]).toBe("Name;E-Mail;Status;Wartelistenplatz;Anwesenheit;Gast;Angemeldet am;Brauchen Sie Kinderbetreuung?");
    expect(rows.slice(1).sort()).toEqual([
      expect.stringMatching(new RegExp(`^Jörg Müller-Lüdenscheidt;${guestEmail};bestätigt;;;ja;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2};nein$`)),
      expect.stringMatching(new RegExp(`^Zeynep Güneş;${memberEmail};bestätigt;;;nein;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2};ja$`)),
    ]);

    await member.context.close();
    await guest.context.close();
    await coordinator.context.close();
  });
});
