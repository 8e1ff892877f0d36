import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createCategory } from "@vernetzt/core/forum/categories";
import { createUser } from "@vernetzt/core/user/account";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { launchBrowser, newVisitor, signIn, navigation } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const PASSWORD = "Sonnenblumen im Garten";

describe("the forum in the browser", () => {
  it("a member starts a thread, another replies mentioning her, and she sees the notification and gets the e-mail", async () => {
    // Mentions of a name two members share notify nobody, so each run's names are its own.
    const tag = Date.now().toString(36);
    const coordinator = await createUser({ name: `Koordination ${tag}`, email: uniqueEmail("coord"), password: PASSWORD, role: "coordinator", status: "approved", emailVerified: true });
    const aylin = { name: `Aylin Demir ${tag}`, email: uniqueEmail("aylin") };
    const bernd = { name: `Bernd Vogel ${tag}`, email: uniqueEmail("bernd") };
    for (const member of [aylin, bernd]) await createUser({ ...member, password: PASSWORD, role: "volunteer", status: "approved", emailVerified: true });
    const category = await createCategory(coordinator!, { name: `Austausch ${tag}`, description: "Fragen aus der Praxis", position: 0, postingPolicy: "members" });

    // Aylin starts a thread on her phone.
    const a = await newVisitor(browser, "phone");
    await signIn(a.page, aylin.email, PASSWORD);
    await a.page.getByRole("heading", { name: `Hallo ${aylin.name}!` }).waitFor();
    await (await navigation(a.page)).getByRole("link", { name: "Forum", exact: true }).click();
    await a.page.getByRole("link", { name: category.name }).click();
    await a.page.getByRole("button", { name: "Neues Thema starten" }).click();
    await a.page.getByLabel("Titel").fill("Wer hilft beim Antrag auf Wohngeld?");
    await a.page.getByLabel("Ihr Beitrag").fill("Eine Familie, die ich begleite, braucht Hilfe beim **Wohngeldantrag**.");
    await a.page.getByRole("button", { name: "Thema veröffentlichen" }).click();
    await a.page.getByRole("heading", { level: 1, name: "Wer hilft beim Antrag auf Wohngeld?" }).waitFor();
    await a.page.getByText("Ihr Thema ist veröffentlicht.").waitFor();
    const threadPath = new URL(a.page.url()).pathname;
    expect(threadPath).toMatch(/^\/forum\/threads\/thr_[0-9a-z]{26}$/);

    // Bernd replies and mentions her through the suggestions.
    const b = await newVisitor(browser);
    await signIn(b.page, bernd.email, PASSWORD);
    await b.page.getByRole("heading", { name: `Hallo ${bernd.name}!` }).waitFor();
    await b.page.goto(threadPath);
    const editor = b.page.getByLabel("Ihre Antwort");
    await editor.click();
    await editor.pressSequentially("Gern! @[Aylin");
    await b.page.getByRole("option", { name: aylin.name }).click();
    await editor.pressSequentially("ich schicke dir die Checkliste.");
    expect(await editor.inputValue()).toBe(`Gern! @[${aylin.name}] ich schicke dir die Checkliste.`);
    await b.page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await b.page.getByText("Ihre Antwort ist veröffentlicht.").waitFor();
    const reply = b.page.getByRole("article", { name: bernd.name });
    await reply.getByText(`@${aylin.name}`).waitFor();

    // Aylin's bell counts the mention on her next page; the notification leads to the reply.
    await (await navigation(a.page)).getByRole("link", { name: "Forum", exact: true }).click();
    const bell = a.page.getByRole("link", { name: "Benachrichtigungen: 1 ungelesen" });
    await bell.waitFor();
    await bell.click();
    const notification = a.page.getByRole("link", { name: new RegExp(`${bernd.name} hat Sie in „Wer hilft beim Antrag auf Wohngeld\\?“ erwähnt`) });
    const href = await notification.getAttribute("href");
    expect(href).toMatch(new RegExp(`^${threadPath}\\?post=pst_[0-9a-z]{26}$`));
    await notification.click();
    const postId = new URL(a.page.url()).searchParams.get("post");
    const target = a.page.locator(`#post-${postId}`);
    await expect.poll(() => target.evaluate((el) => el === document.activeElement && el.classList.contains("post-highlight"))).toBe(true);
    await target.getByText("ich schicke dir die Checkliste.").waitFor();
    await a.page.getByRole("link", { name: "Benachrichtigungen: keine ungelesenen" }).waitFor();

    // The mention is mailed at once, with a link straight to the post.
    const mail = await lastMailTo(aylin.email, /hat Sie im Forum erwähnt/);
    expect(mail.subject).toBe(`${bernd.name} hat Sie im Forum erwähnt`);
    expect(mail.body.text).toContain(`${threadPath}?post=${postId}`);

    await a.context.close();
    await b.context.close();
  });
});
