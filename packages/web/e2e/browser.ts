import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

// Debian's Chromium; the flags keep it off the (closed) network and quiet in a container.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run through the e2e vitest project");
  return url;
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A fresh browser profile (own cookies), German, on a phone-sized or desktop window. */
export async function newVisitor(browser: Browser, viewport: "phone" | "desktop" = "desktop"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "de-DE",
    viewport: viewport === "phone" ? { width: 360, height: 740 } : { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // Generous waits: on a 2-core CI machine the browser shares the CPU with the platform it tests.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  return { context, page };
}

/** The main navigation, opening the menu first where it folds away (phones). */
export async function navigation(page: Page) {
  const toggle = page.getByRole("button", { name: "Menü" });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return page.getByRole("navigation", { name: "Hauptnavigation" });
}

/** Signs in through the sign-in page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
}
