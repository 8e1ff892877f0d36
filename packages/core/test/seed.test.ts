import { describe, expect, it } from "vitest";
import { seedDemo } from "../src/seed";
import { findUserByEmail, signIn } from "../src/user/account";
import { listEvents } from "../src/event/events";
import { listMembers } from "../src/member/members";
import { listCategories } from "../src/forum/categories";
import { listThreads } from "../src/forum/threads";
import { listNews } from "../src/newsletter/news";
import { board, myProgrammes } from "../src/programme/programmes";
import { searchDirectory } from "../src/people/profiles";
import { listOrganisations } from "../src/people/organisations";
import { listConversations } from "../src/people/messages";
import { listPages } from "../src/info/pages";
import { listContacts } from "../src/info/contacts";
import { listDocuments } from "../src/info/documents";

describe("first-start demo content", () => {
  it("creates a working coordinator login, members waiting for approval, and upcoming events of every visibility", async () => {
    const login = await seedDemo();
    expect((await signIn(login.email, login.password, { ip: "127.0.0.1" })).kind).toBe("session");
    const admin = (await findUserByEmail(login.email))!;
    expect(admin).toMatchObject({ role: "admin", status: "approved" });
    const actor = { userId: admin.userId, role: admin.role };
    const pending = await listMembers(actor, { status: "pending", q: "example.org" });
    expect(pending.members.map((m) => m.name)).toEqual(expect.arrayContaining(["Fatma Yılmaz", "Lena Schäfer"]));
    const viewer = { userId: admin.userId, role: admin.role, status: admin.status };
    const events = [];
    let cursor: string | undefined;
    do {
      const page = await listEvents(viewer, { when: "upcoming", organiser: undefined, cursor });
      events.push(...page.events);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    const seeded = events.filter((e) => ["DRK Kreisverband", "Caritasverband", "Diakonie", "Koordinierungsstelle Flüchtlingshilfe"].includes(e.organiser));
    expect(new Set(seeded.map((e) => e.visibility))).toEqual(new Set(["public", "members", "invited"]));
    expect(seeded.filter((e) => e.kind === "exchange_meeting").length).toBeGreaterThanOrEqual(6);

    const categories = await listCategories(admin);
    expect(categories.map((c) => c.name)).toEqual(expect.arrayContaining(["Ankündigungen", "Austausch", "Wohnungssuche", "Sprache und Lernen"]));
    const exchange = categories.find((c) => c.name === "Austausch")!;
    const { threads } = await listThreads(admin, exchange.categoryId);
    expect(threads[0]).toMatchObject({ replyCount: 1 });
    const news = await listNews(undefined, { status: "published" });
    expect(news.news.map((n) => n.title)).toEqual(expect.arrayContaining(["Neue Arbeitshilfe zum Datenschutz im Ehrenamt"]));

    const [programme] = await myProgrammes(viewer);
    expect(programme).toMatchObject({ name: "Qualifizierung Kindertagespflege 2027", role: "coordinator" });
    const overview = await board(viewer, programme!.programmeId);
    expect(overview.rows.map((r) => r.name)).toEqual(["Hevin Demir", "Olena Kovalenko", "Samira Haidari"]);
    expect(overview.rows.every((r) => r.done === 2 && r.mentors.length === 1)).toBe(true);
    const speakers = await searchDirectory(viewer, { language: "prs", q: "jonas" });
    expect(speakers.people.map((p) => p.name)).toContain("Jonas Becker");
    expect((await listOrganisations(viewer)).map((o) => o.name)).toEqual(expect.arrayContaining(["Café Willkommen e. V.", "Kleiderkammer Südstadt"]));
    const amira = (await findUserByEmail("amira.haddad@example.org"))!;
    const { conversations } = await listConversations(amira);
    expect(conversations[0]).toMatchObject({ unreadCount: 1, others: [{ name: "Jonas Becker" }] });
    const pages = await listPages(undefined);
    expect(pages.map((p) => p.slug)).toEqual(expect.arrayContaining(["ueber-das-projekt", "angebote", "faq", "impressum", "datenschutz"]));
    expect((await listContacts()).map((c) => c.name)).toContain("Miriam Köhler");
    const folders = await listDocuments(undefined);
    expect(folders.flatMap((f) => f.documents.map((d) => d.filename))).toContain("Konzept Vernetzung Ehrenamt.pdf");
  });
});
