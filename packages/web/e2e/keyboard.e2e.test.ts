import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, newVisitor } from "./browser";
import { buildWorld, type Person, type World } from "./world";

// Only the keyboard: Tab, Shift+Tab, Enter, Space, Escape and typing. No clicks, no filling by selector.

let browser: Browser;
let world: World;
beforeAll(async () => {
  [browser, world] = await Promise.all([launchBrowser(), buildWorld()]);
});
afterAll(async () => browser?.close());

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Waits until `target` has keyboard focus. */
async function expectFocus(target: Locator) {
  await target.waitFor({ timeout: 15_000 });
  await expect.poll(() => isFocused(target), { timeout: 15_000 }).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  await target.waitFor({ timeout: 15_000 });
  for (let presses = 0; presses < (options.max ?? 60); presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Signs in from the sign-in page by keyboard alone: skip link, e-mail, password, Enter. */
async function signInByKeyboard(page: Page, person: Person) {
  await page.goto("/signin");
  await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
  await page.keyboard.press("Tab");
  await expectFocus(page.getByRole("link", { name: "Zum Inhalt springen" }));
  await page.keyboard.press("Enter");
  await expectFocus(page.locator("main"));
  await page.keyboard.press("Tab");
  await expectFocus(page.getByLabel("E-Mail-Adresse"));
  await page.keyboard.type(person.email);
  await page.keyboard.press("Tab");
  await expectFocus(page.getByLabel("Passwort", { exact: true }));
  await page.keyboard.type(person.password);
  await page.keyboard.press("Enter");
  await expectFocus(page.getByRole("heading", { level: 1, name: "Willkommen bei Vernetzt" }));
  await page.getByRole("heading", { name: `Hallo ${person.name}!` }).waitFor();
}

describe("using Vernetzt by keyboard alone", () => {
  it("signs in: the skip link leads to the form, errors take focus and are tied to their fields, success focuses the new page's heading", async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto("/signin");
    await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();

    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
    await expectFocus(skip);
    expect(await skip.evaluate((link) => link.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press("Enter");
    await expectFocus(page.locator("main"));

    // Sending the empty form: the first field complaining takes focus and names its error.
    await page.keyboard.press("Tab");
    const email = page.getByLabel("E-Mail-Adresse");
    await expectFocus(email);
    await page.keyboard.press("Enter");
    await expectFocus(page.locator("input[aria-invalid='true']").first());
    expect(await isFocused(email)).toBe(true);
    const emailError = await email.evaluate((input) => {
      const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
      return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    });
    expect(emailError.trim()).not.toBe("");

    // A wrong password: no field to blame, so the error summary takes focus.
    await page.keyboard.type(world.member.email);
    await page.keyboard.press("Tab");
    const password = page.getByLabel("Passwort", { exact: true });
    await expectFocus(password);
    await page.keyboard.type("nicht das richtige Passwort");
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert").filter({ hasText: "E-Mail-Adresse oder Passwort stimmen nicht." });
    await expectFocus(summary);

    // Back to the password, corrected, and in.
    await tabTo(page, password, { back: true, max: 3 });
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(world.member.password);
    await page.keyboard.press("Enter");
    await expectFocus(page.getByRole("heading", { level: 1, name: "Willkommen bei Vernetzt" }));
    await page.getByRole("heading", { name: `Hallo ${world.member.name}!` }).waitFor();
    await page.getByRole("status").getByText(`Willkommen zurück, ${world.member.name}!`).waitFor();
    await context.close();
  });

  it("registers for an event: from the menu to the event, answering its question, the confirmation takes focus", async () => {
    const { context, page } = await newVisitor(browser);
    await signInByKeyboard(page, world.member);

    await tabTo(page, page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Veranstaltungen", exact: true }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocus(page.getByRole("heading", { level: 1, name: "Veranstaltungen" }));

    const title = await page.evaluate(() => document.title);
    await tabTo(page, page.getByRole("link", { name: world.openEventTitle, exact: true }), { max: 200 });
    await page.keyboard.press("Enter");
    const heading = page.getByRole("heading", { level: 1, name: world.openEventTitle, exact: true });
    await expectFocus(heading);
    expect(await page.evaluate(() => document.title)).not.toBe(title);

    // A radio group is one Tab stop; Space chooses the focused answer.
    const yes = page.getByRole("group", { name: "Brauchen Sie Kinderbetreuung?" }).getByLabel("Ja");
    await tabTo(page, yes);
    await page.keyboard.press("Space");
    expect(await yes.isChecked()).toBe(true);
    await tabTo(page, page.getByRole("button", { name: "Verbindlich anmelden" }), { max: 5 });
    await page.keyboard.press("Enter");
    await expectFocus(page.getByText(/^Sie sind angemeldet\./));
    await context.close();
  });

  it("posts a reply: the skip link, the reply box, the send button, and focus on the reply just posted", async () => {
    const { context, page } = await newVisitor(browser);
    await signInByKeyboard(page, world.member);

    await page.goto(`/forum/threads/${world.threadId}`);
    await page.getByRole("heading", { level: 1, name: world.threadTitle }).waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expectFocus(page.locator("main"));

    const box = page.getByLabel("Ihre Antwort");
    await tabTo(page, box);
    await page.keyboard.type("Danke! Ich rufe dort morgen an.");
    await tabTo(page, page.getByRole("button", { name: "Antwort veröffentlichen" }), { max: 10 });
    await page.keyboard.press("Enter");

    await page.getByRole("status").getByText("Ihre Antwort ist veröffentlicht.").waitFor();
    const posted = page.getByRole("article", { name: world.member.name }).filter({ hasText: "Danke! Ich rufe dort morgen an." });
    await expectFocus(posted);
    expect(await box.inputValue()).toBe("");
    await context.close();
  });

  it("opens and closes the phone menu: Enter opens it, Tab walks its links, Escape folds it and returns focus to its button", async () => {
    const { context, page } = await newVisitor(browser, "phone");
    await page.goto("/");
    await page.locator("main h1").waitFor();

    const toggle = page.getByRole("button", { name: "Menü" });
    await tabTo(page, toggle, { max: 5 });
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    await expectFocus(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Veranstaltungen", exact: true }));
    await page.keyboard.press("Escape");
    await expectFocus(toggle);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("navigation", { name: "Hauptnavigation" }).isVisible()).toBe(false);

    // Following a link from the open menu folds it and focuses the new page's heading.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expectFocus(page.getByRole("heading", { level: 1, name: "Veranstaltungen" }));
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });
});
