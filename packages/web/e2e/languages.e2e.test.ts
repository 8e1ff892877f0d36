import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createUser } from "@vernetzt/core/user/account";
import { serverFa } from "@vernetzt/core/i18n/server.fa";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { ar } from "../src/i18n/ar";
import { fa } from "../src/i18n/fa";
import { baseUrl, launchBrowser } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** A visitor whose browser prefers the given language, on a phone or a desktop window. */
async function visitor(locale: string, width: 360 | 1280) {
  const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width, height: width === 360 ? 740 : 900 } });
  context.setDefaultTimeout(60_000);
  return { context, page: await context.newPage() };
}

/** Nothing sticks out sideways: a broken right-to-left layout shows as horizontal scrolling. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe("languages in the browser", () => {
  it("a guest on a phone switches to Arabic: the page turns right to left, in Arabic, without sideways scrolling", async () => {
    const { context, page } = await visitor("de-DE", 360);
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Willkommen bei Vernetzt" }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("ltr");

    await page.locator("summary.language-switch").click();
    await page.getByRole("button", { name: "Sprache wechseln: العربية" }).click();

    await page.getByRole("heading", { level: 1, name: ar["home.title"] }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    await page.getByRole("button", { name: ar["nav.menu"] }).click();
    await page.getByRole("navigation", { name: ar["nav.label"] }).getByRole("link", { name: ar["nav.signin"] }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);

    // The choice outlasts a reload; going back to German restores left to right.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: ar["home.title"] }).waitFor();
    await page.locator("summary.language-switch").click();
    await page.getByRole("button", { name: `${ar["language.switchTo"]} Deutsch` }).click();
    await page.getByRole("heading", { level: 1, name: "Willkommen bei Vernetzt" }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    await context.close();
  });

  it("a Farsi member's browser shows Farsi, and the password reset mail comes in Farsi, right to left", async () => {
    const email = uniqueEmail("farsi");
    await createUser({ name: "Parisa Ahmadi", email, password: "Granatapfel im Winter", locale: "fa", status: "approved", emailVerified: true });
    const { context, page } = await visitor("fa-IR", 1280);
    await page.goto("/forgot-password");
    await page.getByRole("heading", { level: 1, name: fa["forgot.title"] }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByLabel(fa["field.email"]).fill(email);
    await page.getByRole("button", { name: fa["forgot.submit"] }).click();

    const mail = await lastMailTo(email);
    expect(mail.subject).toBe(serverFa.mail.resetPassword.subject);
    expect(mail.body.text).toContain("Parisa Ahmadi");
    expect(mail.body.text).toContain(serverFa.mail.resetPassword.action);
    expect(mail.body.html).toContain('dir="rtl"');
    expect(mail.body.html).toContain('lang="fa"');
    await context.close();
  });
});
