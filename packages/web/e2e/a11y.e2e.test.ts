import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeFindings, focusRingFindings, motionFindings, reflowFindings } from "./a11y-checks";
import { baseUrl, launchBrowser, newVisitor, signIn } from "./browser";
import { buildWorld, sentIssue, type World } from "./world";

type Role = "visitor" | "member" | "coordinator";
/** The seeded data, with a newsletter issue in the archive. */
type PageWorld = World & { issueNumber: number };

interface PageCheck {
  role: Role;
  /** How the report names the page (and the state it is in). */
  name: string;
  path: (world: PageWorld) => string;
  /** Text only the finished page shows, beyond its heading. */
  shows?: string | RegExp;
  /** Brings the page into a further state worth checking: a form opened, errors shown. */
  act?: (page: Page, world: World) => Promise<void>;
}

/** Every main page in each state. A new page is one more row. */
const PAGES: PageCheck[] = [
  { role: "visitor", name: "home", path: () => "/" },
  { role: "visitor", name: "events", path: () => "/events" },
  { role: "visitor", name: "event", path: (w) => `/events/${w.openEventId}`, shows: "Anmeldung absenden" },
  { role: "visitor", name: "newsletter sign-up and archive", path: () => "/newsletter" },
  { role: "visitor", name: "newsletter issue", path: (w) => `/newsletter/${w.issueNumber}`, shows: "Beratung jetzt auch samstags" },
  { role: "visitor", name: "news", path: () => "/news" },
  { role: "visitor", name: "sign-in", path: () => "/signin" },
  {
    role: "visitor",
    name: "sign-in with errors",
    path: () => "/signin",
    act: async (page) => {
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page.locator("[aria-invalid='true']").first().waitFor();
    },
  },
  { role: "visitor", name: "sign-up", path: () => "/signup" },
  { role: "visitor", name: "forgot password", path: () => "/forgot-password" },
  { role: "visitor", name: "impressum", path: () => "/impressum" },
  { role: "visitor", name: "datenschutz", path: () => "/datenschutz" },
  { role: "visitor", name: "not found", path: () => "/gibt-es-nicht" },
  { role: "visitor", name: "information", path: () => "/info" },
  { role: "visitor", name: "information page", path: (w) => `/info/${w.infoSlug}` },
  { role: "visitor", name: "contact", path: () => "/kontakt", shows: "Miriam Köhler" },
  { role: "visitor", name: "documents", path: () => "/dokumente", shows: "Konzepte" },
  { role: "visitor", name: "organisations", path: () => "/organisations" },
  { role: "visitor", name: "organisation", path: (w) => `/organisations/${w.organisationId}` },

  { role: "member", name: "home", path: () => "/" },
  { role: "member", name: "events", path: () => "/events" },
  { role: "member", name: "event with registration form", path: (w) => `/events/${w.openEventId}`, shows: "Verbindlich anmelden" },
  {
    role: "member",
    name: "event registration with errors",
    path: (w) => `/events/${w.openEventId}`,
    act: async (page) => {
      await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
      await page.locator("[aria-invalid='true']").first().waitFor();
    },
  },
  { role: "member", name: "event registered for", path: (w) => `/events/${w.registeredEventId}`, shows: /Sie sind angemeldet/ },
  { role: "member", name: "my events", path: () => "/me/events", shows: "Sprachcafé am Mittwoch" },
  { role: "member", name: "account", path: () => "/account" },
  {
    role: "member",
    name: "account, two-factor set-up",
    path: () => "/account",
    act: async (page, world) => {
      const section = page.locator("#two-factor");
      await section.getByRole("button").first().click();
      await section.getByLabel("Passwort", { exact: true }).fill(world.member.password);
      await section.getByRole("button", { name: "Weiter" }).click();
      await section.locator("img").waitFor();
    },
  },
  { role: "member", name: "forum", path: () => "/forum" },
  { role: "member", name: "forum category", path: (w) => `/forum/categories/${w.categoryId}`, shows: "Wer kennt eine Beratungsstelle für Wohngeld?" },
  {
    role: "member",
    name: "forum category, new thread form",
    path: (w) => `/forum/categories/${w.categoryId}`,
    act: async (page) => {
      await page.getByRole("button", { name: "Neues Thema starten" }).click();
      await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
      await page.locator("[aria-invalid='true']").first().waitFor();
    },
  },
  { role: "member", name: "forum thread with reply form", path: (w) => `/forum/threads/${w.threadId}`, shows: "die Beratungsstelle im Rathaus hilft dienstags." },
  {
    role: "member",
    name: "forum thread, mention suggestions open",
    path: (w) => `/forum/threads/${w.threadId}`,
    act: async (page, world) => {
      const box = page.getByLabel("Ihre Antwort");
      await box.focus();
      await box.pressSequentially(`Danke @[${world.coordinator.name.slice(0, 8)}`);
      await page.getByRole("option", { name: world.coordinator.name }).waitFor();
    },
  },
  { role: "member", name: "forum search", path: () => `/forum/search?q=${encodeURIComponent("Wohngeld")}` },
  { role: "member", name: "forum notifications", path: () => "/forum/notifications" },
  { role: "member", name: "forum groups", path: () => "/forum/groups" },
  { role: "member", name: "forum group", path: (w) => `/forum/groups/${w.groupId}` },
  { role: "member", name: "forum settings", path: () => "/forum/settings" },
  { role: "member", name: "news", path: () => "/news" },
  { role: "member", name: "member directory", path: () => "/people" },
  { role: "member", name: "member directory by language", path: () => "/people?language=ar" },
  { role: "member", name: "my profile", path: () => "/people/me" },
  { role: "member", name: "a member's profile", path: (w) => `/people/${w.coordinator.user.userId}` },
  { role: "member", name: "messages", path: () => "/messages" },
  { role: "member", name: "conversation", path: (w) => `/messages/${w.conversationId}`, shows: "Hallo, haben Sie Unterlagen zum Wohngeld?" },
  { role: "member", name: "organisation with members", path: (w) => `/organisations/${w.organisationId}` },
  { role: "member", name: "programmes as mentor", path: () => "/programmes" },
  { role: "member", name: "participant as mentor", path: (w) => `/programmes/${w.programmeId}/participants/${w.participantId}`, shows: "Hevin Demir" },

  { role: "coordinator", name: "members admin", path: () => "/admin/members" },
  { role: "coordinator", name: "new event", path: () => "/events/new" },
  {
    role: "coordinator",
    name: "new event with errors",
    path: () => "/events/new",
    act: async (page) => {
      await page.getByRole("button", { name: "Veranstaltung anlegen" }).click();
      await page.locator("[aria-invalid='true']").first().waitFor();
    },
  },
  { role: "coordinator", name: "event editor", path: (w) => `/events/${w.openEventId}/edit` },
  { role: "coordinator", name: "event as coordinator", path: (w) => `/events/${w.registeredEventId}` },
  { role: "coordinator", name: "participants", path: (w) => `/events/${w.registeredEventId}/participants`, shows: /Bestätigt \(1\)/ },
  { role: "coordinator", name: "check-in", path: (w) => `/events/${w.registeredEventId}/check-in` },
  { role: "coordinator", name: "newsletter admin", path: () => "/admin/newsletter" },
  { role: "coordinator", name: "new news item", path: () => "/news/new" },
  { role: "coordinator", name: "news editor", path: (w) => `/news/${w.newsId}/edit` },
  { role: "coordinator", name: "forum reports", path: () => "/forum/reports" },
  { role: "coordinator", name: "moderation log", path: () => "/forum/moderation-log" },
  { role: "coordinator", name: "message reports", path: () => "/messages/reports" },
  { role: "coordinator", name: "programmes", path: () => "/programmes" },
  { role: "coordinator", name: "new programme", path: () => "/programmes/new" },
  { role: "coordinator", name: "programme board", path: (w) => `/programmes/${w.programmeId}`, shows: "Hevin Demir" },
  { role: "coordinator", name: "participant", path: (w) => `/programmes/${w.programmeId}/participants/${w.participantId}`, shows: "Hevin Demir" },
  { role: "coordinator", name: "new participant", path: (w) => `/programmes/${w.programmeId}/participants/new` },
  { role: "coordinator", name: "information page editor", path: (w) => `/info/${w.infoSlug}` },
  { role: "coordinator", name: "documents as coordinator", path: () => "/dokumente" },
  { role: "coordinator", name: "contact with its editors", path: () => "/kontakt", shows: "Miriam Köhler" },
  { role: "coordinator", name: "audit log", path: () => "/admin/audit" },
  { role: "coordinator", name: "usage", path: () => "/admin/usage" },
];

const DESKTOP = { width: 1280, height: 900 };
// 200 % zoom of a 1280 px window lays the page out 640 CSS px wide.
const ZOOMED = { width: 640, height: 450 };
const PHONE = { width: 360, height: 740 };

/** Waits until the page has its heading and nothing is still loading. */
async function settled(page: Page, shows?: string | RegExp) {
  await page.locator("main h1").first().waitFor();
  if (shows) await page.getByText(shows).first().waitFor();
  await page.waitForFunction(() => !document.querySelector("main .loading"));
}

/** Follows an in-app link to `path`, as a reader clicking one would (no page load). */
async function navigateInApp(page: Page, path: string) {
  await page.evaluate((href) => {
    const link = Object.assign(document.createElement("a"), { href });
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** After an in-app navigation the new page's heading has focus and names the document. */
async function routeFocusFindings(page: Page): Promise<string[]> {
  const { focused, heading, title } = await page.evaluate(() => {
    const h1 = document.querySelector("main h1");
    return { focused: document.activeElement === h1, heading: h1?.textContent?.trim() ?? "", title: document.title };
  });
  const problems: string[] = [];
  if (!focused) problems.push("[serious] route-focus – after navigating, focus is not on the page's heading");
  if (!title.startsWith(heading)) problems.push(`[moderate] document-title – the title "${title}" does not name the page "${heading}"`);
  return problems;
}

let browser: Browser;
let world: PageWorld;
const pages = {} as Record<Role, Page>;

beforeAll(async () => {
  browser = await launchBrowser();
  const built = await buildWorld();
  world = { ...built, issueNumber: await sentIssue(built.coordinator) };
  const [visitor, member, coordinator] = await Promise.all([newVisitor(browser), newVisitor(browser), newVisitor(browser)]);
  await Promise.all([signIn(member.page, world.member.email, world.member.password), signIn(coordinator.page, world.coordinator.email, world.coordinator.password)]);
  await member.page.getByRole("heading", { name: `Hallo ${world.member.name}!` }).waitFor();
  await coordinator.page.getByRole("heading", { name: `Hallo ${world.coordinator.name}!` }).waitFor();
  for (const { page } of [visitor, member, coordinator]) await page.emulateMedia({ reducedMotion: "reduce" });
  Object.assign(pages, { visitor: visitor.page, member: member.page, coordinator: coordinator.page });
});
afterAll(async () => browser?.close());

describe.each(["visitor", "member", "coordinator"] as const)("WCAG 2.1 AA for the %s", (role) => {
  const checks = PAGES.filter((check) => check.role === role);
  it.each(checks.map((check) => [check.name, check] as const))("%s: axe finds nothing; focus, reflow and motion hold", async (_name, check) => {
    const page = pages[role];
    const path = check.path(world);
    const found: string[] = [];
    const note = (where: string, lines: string[]) => found.push(...lines.map((line) => `${role} ${check.name} (${path}, ${where}): ${line}`));

    await page.setViewportSize(DESKTOP);
    // Pages are reached by in-app links, as readers reach them; a page revisited in a new state is loaded afresh.
    const here = page.url().startsWith(baseUrl()) ? new URL(page.url()) : null;
    const fresh = check.act !== undefined || here === null || here.pathname + here.search === path;
    if (fresh) await page.goto(path);
    else await navigateInApp(page, path);
    await settled(page, check.shows);
    if (!fresh) note("after navigation", await routeFocusFindings(page));
    await check.act?.(page, world);

    note("desktop", [...(await axeFindings(page)), ...(await focusRingFindings(page)), ...(await motionFindings(page))]);
    await page.setViewportSize(ZOOMED);
    note("200 % zoom", await reflowFindings(page));
    await page.setViewportSize(PHONE);
    note("phone", [...(await axeFindings(page)), ...(await reflowFindings(page)), ...(await focusRingFindings(page))]);
    expect(found, `\n${found.join("\n")}\n`).toEqual([]);
  });
});
