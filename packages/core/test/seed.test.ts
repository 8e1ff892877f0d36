import { describe, expect, it } from "vitest";
import { seedDemo } from "../src/seed";
import { findUserByEmail, signIn } from "../src/user/account";
import { listEvents } from "../src/event/events";
import { listMembers } from "../src/member/members";

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
  });
});
