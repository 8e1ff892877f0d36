import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { saveOwnProfile } from "@vernetzt/core/people/profiles";
import { createUser } from "@vernetzt/core/user/account";
import { uniqueEmail } from "../../core/test/mail";
import { launchBrowser, navigation, newVisitor, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const PASSWORD = "Sonnenblumen im Garten";
const everyone = { photo: "members", bio: "members", areas: "members", languages: "members", town: "members", organisations: "members", availability: "members" } as const;

describe("people and private messages in the browser", () => {
  it("a member finds another by language and writes to her; she sees the unread badge and reads it", async () => {
    const tag = Date.now().toString(36);
    const farida = { name: `Farida Noori ${tag}`, email: uniqueEmail("farida") };
    const bernd = { name: `Bernd Vogel ${tag}`, email: uniqueEmail("bernd") };
    const users = [];
    for (const member of [farida, bernd]) users.push(await createUser({ ...member, password: PASSWORD, role: "volunteer", status: "approved", emailVerified: true }));
    await saveOwnProfile(users[0]!, {
      bio: "Ich dolmetsche bei Arztterminen.",
      areas: ["medical", "language_support"],
      languages: ["prs", "de"],
      town: "Weststadt",
      availability: "Nachmittags",
      visibility: everyone,
      listed: true,
      messageNotices: true,
    });

    // Bernd looks for someone who speaks Dari.
    const b = await newVisitor(browser);
    await signIn(b.page, bernd.email, PASSWORD);
    await b.page.getByRole("heading", { name: `Hallo ${bernd.name}!` }).waitFor();
    await (await navigation(b.page)).getByRole("link", { name: "Menschen", exact: true }).click();
    await b.page.getByRole("heading", { level: 1, name: "Menschen im Netzwerk" }).waitFor();
    await b.page.getByLabel("Sprache").selectOption({ label: "Dari" });
    await b.page.getByLabel("Name").fill(tag);
    await b.page.getByRole("button", { name: "Suchen" }).click();
    const result = b.page.getByRole("link", { name: farida.name });
    await result.waitFor();
    expect(new URL(b.page.url()).searchParams.get("language")).toBe("prs");
    await result.click();
    await b.page.getByRole("heading", { level: 1, name: farida.name }).waitFor();
    await b.page.getByText("Ich dolmetsche bei Arztterminen.").waitFor();
    expect(await b.page.content()).not.toContain(farida.email);
    await b.page.getByLabel("Ihre Nachricht").fill("Hallo Farida, könntest du Donnerstag bei einem Arzttermin in der Weststadt übersetzen?");
    await b.page.getByRole("button", { name: "Senden" }).click();
    await b.page.waitForURL(/\/messages\/cnv_[0-9a-z]{26}$/);
    await b.page.getByText("könntest du Donnerstag").waitFor();

    // Farida sees the unread count in the navigation and reads the message.
    const f = await newVisitor(browser, "phone");
    await signIn(f.page, farida.email, PASSWORD);
    await f.page.getByRole("heading", { name: `Hallo ${farida.name}!` }).waitFor();
    const inbox = (await navigation(f.page)).getByRole("link", { name: "Nachrichten, 1 ungelesen" });
    await inbox.waitFor();
    await inbox.click();
    await f.page.getByRole("link", { name: bernd.name }).click();
    await f.page.getByText("Hallo Farida, könntest du Donnerstag bei einem Arzttermin in der Weststadt übersetzen?").waitFor();
    await (await navigation(f.page)).getByRole("link", { name: "Nachrichten", exact: true }).waitFor();

    await b.context.close();
    await f.context.close();
  });
});
