import { describe, expect, it } from "vitest";
import { CHILDMINDER_TEMPLATE } from "@vernetzt/core/programme/constants";
import { berlinToday } from "@vernetzt/core/programme/programmes";
import { addDays } from "@vernetzt/core/programme/constants";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

async function setUp() {
  const coordinator = await signedIn("coordinator");
  const mentorA = await signedIn("volunteer");
  const mentorB = await signedIn("volunteer");
  const created = await coordinator.browser.api.programmes.$post({
    json: { name: "Qualifizierung Kindertagespflege 2027", courseStart: addDays(berlinToday(), 20), stages: CHILDMINDER_TEMPLATE.de },
  });
  expect(created.status).toBe(201);
  const { programme } = await created.json();
  const add = async (mentorId: string, name: string) => {
    const res = await coordinator.browser.api.programmes[":programmeId"].participants.$post({
      param: { programmeId: programme.programmeId },
      json: { name, email: "tn@example.org", coordinatorId: coordinator.user.userId, mentorIds: [mentorId], consentDate: berlinToday(), consentText: "Einwilligung" },
    });
    expect(res.status).toBe(201);
    return (await res.json()).participantId;
  };
  const a = await add(mentorA.user.userId, "Nour A");
  const b = await add(mentorB.user.userId, "Mariam B");
  return { coordinator, mentorA, mentorB, programme, a, b };
}

describe("programme routes", () => {
  it("answer each role as the access matrix says", async () => {
    const { coordinator, mentorA, programme, a, b } = await setUp();
    const { browser: otherCoordinator } = await signedIn("coordinator");
    const { browser: volunteer } = await signedIn("volunteer");
    const guest = new BrowserSession();
    const get = (browser: BrowserSession, participantId: string) => browser.api.programmes.participants[":participantId"].$get({ param: { participantId } });
    const milestone = (browser: BrowserSession, participantId: string) =>
      browser.api.programmes.participants[":participantId"].milestones[":milestoneId"].$put({ param: { participantId, milestoneId: "m02" }, json: { status: "in_progress", dueDate: programme.courseStart, note: "" } });

    expect((await get(coordinator.browser, a)).status).toBe(200);
    expect((await get(mentorA.browser, a)).status).toBe(200);
    expect((await get(mentorA.browser, b)).status).toBe(404);
    expect((await get(otherCoordinator, a)).status).toBe(404);
    expect((await get(volunteer, a)).status).toBe(404);
    expect((await get(guest, a)).status).toBe(401);

    expect((await milestone(mentorA.browser, a)).status).toBe(200);
    expect((await milestone(mentorA.browser, b)).status).toBe(404);
    expect((await milestone(otherCoordinator, a)).status).toBe(404);

    // Coordinator-only routes: a mentor (volunteer) is stopped at the edge.
    expect((await mentorA.browser.api.programmes.participants[":participantId"].log.$get({ param: { participantId: a } })).status).toBe(403);
    expect((await mentorA.browser.raw(`/api/programmes/participants/${a}/export`)).status).toBe(403);
    expect((await mentorA.browser.api.programmes.participants[":participantId"].delete.$post({ param: { participantId: a }, json: {} })).status).toBe(403);
    expect((await otherCoordinator.api.programmes.participants[":participantId"].delete.$post({ param: { participantId: a }, json: {} })).status).toBe(404);

    const board = await mentorA.browser.api.programmes[":programmeId"].board.$get({ param: { programmeId: programme.programmeId } });
    expect((await board.json()).rows.map((r) => r.name)).toEqual(["Nour A"]);
    expect((await otherCoordinator.api.programmes[":programmeId"].board.$get({ param: { programmeId: programme.programmeId } })).status).toBe(404);

    const mine = async (browser: BrowserSession) => (await (await browser.api.programmes.$get()).json()).programmes.map((p) => [p.programmeId, p.role]);
    expect(await mine(mentorA.browser)).toEqual([[programme.programmeId, "mentor"]]);
    expect(await mine(otherCoordinator)).toEqual([]);
    expect(await mine(volunteer)).toEqual([]);
    // Six members sign in (scrypt each): generous on a busy two-core machine.
  }, 120_000);

  it("keeps participants from coordinators without two-factor sign-in where it is required, not from mentors", async () => {
    const { coordinator, mentorA, a } = await setUp();
    const before = process.env.REQUIRE_2FA_FOR_STAFF;
    process.env.REQUIRE_2FA_FOR_STAFF = "true";
    try {
      const res = await coordinator.browser.raw(`/api/programmes/participants/${a}`);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("two_factor_setup_required");
      expect((await mentorA.browser.api.programmes.participants[":participantId"].$get({ param: { participantId: a } })).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.REQUIRE_2FA_FOR_STAFF;
      else process.env.REQUIRE_2FA_FOR_STAFF = before;
    }
  });

  it("rejects bad input naming the field, changing nothing", async () => {
    const { coordinator, programme, a } = await setUp();
    const res = await coordinator.browser.raw(`/api/programmes/${programme.programmeId}/participants`, {
      json: { name: "X", coordinatorId: coordinator.user.userId, consentDate: "2026-02-30", consentText: "ok", secret: 1 },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields).toMatchObject({ consentDate: "invalid_date" });
    const board = await (await coordinator.browser.api.programmes[":programmeId"].board.$get({ param: { programmeId: programme.programmeId } })).json();
    expect(board.rows.map((r) => r.participantId)).not.toContain(undefined);
    expect(board.rows).toHaveLength(2);
    const badMilestone = await coordinator.browser.api.programmes.participants[":participantId"].milestones[":milestoneId"].$put({ param: { participantId: a, milestoneId: "m99" }, json: { status: "done", dueDate: null, note: "" } });
    expect(badMilestone.status).toBe(404);
  });

  it("exports a participant's data as a JSON download and prints a PDF summary, both logged", async () => {
    const { coordinator, mentorA, a } = await setUp();
    const exported = await coordinator.browser.raw(`/api/programmes/participants/${a}/export`);
    expect(exported.headers.get("content-disposition")).toBe(`attachment; filename="datenauskunft-${a}.json"`);
    const data = (await exported.json()) as { person: { name: string }; consent: { text: string } };
    expect(data.person.name).toBe("Nour A");
    expect(data.consent.text).toBe("Einwilligung");
    const pdf = await mentorA.browser.raw(`/api/programmes/participants/${a}/summary.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const farsi = await mentorA.browser.raw(`/api/programmes/participants/${a}/summary.pdf?locale=fa`);
    expect(farsi.status).toBe(200);
    expect(new TextDecoder().decode((await farsi.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    expect((await mentorA.browser.raw(`/api/programmes/participants/${a}/summary.pdf?locale=tr`)).status).toBe(400);
    const log = await (await coordinator.browser.api.programmes.participants[":participantId"].log.$get({ param: { participantId: a } })).json();
    expect(log.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["data_exported", "summary_printed", "participant_created"]));
  });

  it("deletes a participant for the coordinator; afterwards nobody finds them", async () => {
    const { coordinator, mentorA, programme, a } = await setUp();
    const res = await coordinator.browser.api.programmes.participants[":participantId"].delete.$post({ param: { participantId: a }, json: {} });
    expect(await res.json()).toEqual({ status: "deleted" });
    expect((await coordinator.browser.api.programmes.participants[":participantId"].$get({ param: { participantId: a } })).status).toBe(404);
    expect((await mentorA.browser.api.programmes.participants[":participantId"].$get({ param: { participantId: a } })).status).toBe(404);
    const log = await (await coordinator.browser.api.programmes[":programmeId"].log.$get({ param: { programmeId: programme.programmeId } })).json();
    expect(log.entries[0]).toMatchObject({ action: "participant_deleted", participantId: a });
  });
});
