import { describe, expect, it } from "vitest";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { eventInput, inDays } from "../../core/test/events-fixtures";
import { db } from "@vernetzt/core/db";
import { serverTexts } from "@vernetzt/core/i18n/index";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

async function coordinatorWithEvent(overrides: Parameters<typeof eventInput>[0] = {}) {
  const { browser, user } = await signedIn("coordinator");
  const res = await browser.api.events.$post({ json: eventInput(overrides) });
  expect(res.status).toBe(201);
  const { event } = await res.json();
  return { coordinator: browser, coordinatorUser: user, event };
}

describe("event routes: who may do what", () => {
  it("guests read public events, not member events; only coordinators create", async () => {
    const { event: pub } = await coordinatorWithEvent();
    const { event: mem } = await coordinatorWithEvent({ visibility: "members" });
    const guest = new BrowserSession();
    expect((await guest.api.events[":eventId"].$get({ param: { eventId: pub.eventId } })).status).toBe(200);
    expect((await guest.api.events[":eventId"].$get({ param: { eventId: mem.eventId } })).status).toBe(404);
    expect((await guest.api.events.$post({ json: eventInput() })).status).toBe(401);
    const { browser: volunteer } = await signedIn("volunteer");
    expect((await volunteer.api.events[":eventId"].$get({ param: { eventId: mem.eventId } })).status).toBe(200);
    expect((await volunteer.api.events.$post({ json: eventInput() })).status).toBe(403);
    const { browser: pending } = await signedIn("volunteer", "pending");
    expect((await pending.api.events[":eventId"].$get({ param: { eventId: mem.eventId } })).status).toBe(404);
    expect((await pending.api.events[":eventId"].registration.$post({ param: { eventId: pub.eventId }, json: {} })).status).toBe(403);
  });

  it("participant lists, exports and check-in are for coordinators only", async () => {
    const { event, coordinator, coordinatorUser } = await coordinatorWithEvent();
    const { browser: volunteer, user } = await signedIn("volunteer");
    await volunteer.api.events[":eventId"].registration.$post({ param: { eventId: event.eventId }, json: {} });
    for (const browser of [new BrowserSession(), volunteer]) {
      expect((await browser.api.events[":eventId"].participants.$get({ param: { eventId: event.eventId } })).status).toBeGreaterThanOrEqual(401);
      expect((await browser.raw(`/api/events/${event.eventId}/participants.csv`)).status).toBeGreaterThanOrEqual(401);
      const checkIn = await browser.api.events[":eventId"].participants[":participantKey"].attendance.$put({ param: { eventId: event.eventId, participantKey: user.userId }, json: { attendance: "attended" } });
      expect([401, 403]).toContain(checkIn.status);
    }
    const list = await coordinator.api.events[":eventId"].participants.$get({ param: { eventId: event.eventId } });
    expect((await list.json()).participants.map((p) => p.participantKey)).toEqual([user.userId]);
    const csv = await coordinator.raw(`/api/events/${event.eventId}/participants.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="teilnehmende-.*\.csv"$/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const german = new TextDecoder().decode(bytes).split("\r\n");
    expect(german[0]).toBe("Name;E-Mail;Status;Wartelistenplatz;Anwesenheit;Gast;Angemeldet am");
    expect(german[1]).toContain(";bestätigt;");

    // The export speaks the requesting coordinator's language; the format stays the same.
    await db().entities.user.patch({ userId: coordinatorUser.userId }).set({ locale: "uk" }).go();
    const ukrainian = await (await coordinator.raw(`/api/events/${event.eventId}/participants.csv`)).text();
    const lines = ukrainian.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Ім’я;Електронна пошта;Статус;Місце в листі очікування;Присутність;Гість;Дата реєстрації");
    expect(lines[1]).toContain(";підтверджено;");
  });
});

describe("registering through the API", () => {
  it("a member registers with one click; a second click is a 409; places left are shown", async () => {
    const { event } = await coordinatorWithEvent({ capacity: 20 });
    const { browser } = await signedIn("volunteer");
    const first = await browser.api.events[":eventId"].registration.$post({ param: { eventId: event.eventId }, json: {} });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ outcome: "confirmed", event: { placesLeft: 19, confirmedCount: 1, myRegistration: { status: "confirmed" } } });
    const second = await browser.api.events[":eventId"].registration.$post({ param: { eventId: event.eventId }, json: {} });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "already_registered" } });
  });

  it("a guest registers with name and e-mail and confirms by the link; no seat before that", async () => {
    const { event } = await coordinatorWithEvent({ capacity: 2 });
    const guest = new BrowserSession();
    const email = uniqueEmail("guest");
    const res = await guest.api.events[":eventId"]["guest-registration"].$post({ param: { eventId: event.eventId }, json: { name: "Gast Gastmann", email } });
    expect(res.status).toBe(202);
    expect((await (await guest.api.events[":eventId"].$get({ param: { eventId: event.eventId } })).json()).event.placesLeft).toBe(2);
    const token = /\?confirm=([A-Za-z0-9_-]{43})/.exec((await lastMailTo(email, /bestätigen/)).body.text ?? "")![1]!;
    const confirmed = await guest.api.registrations.confirm.$post({ json: { token } });
    expect(await confirmed.json()).toMatchObject({ outcome: "confirmed", eventId: event.eventId });
    expect((await (await guest.api.events[":eventId"].$get({ param: { eventId: event.eventId } })).json()).event.placesLeft).toBe(1);
    const cancelToken = /registrations\/cancel\?token=([A-Za-z0-9_-]{43})/.exec((await lastMailTo(email, /Anmeldung bestätigt/)).body.text ?? "")![1]!;
    expect(await (await guest.api.registrations.cancel.$get({ query: { token: cancelToken } })).json()).toMatchObject({ status: "confirmed", name: "Gast Gastmann" });
    expect((await guest.api.registrations.cancel.$post({ json: { token: cancelToken } })).status).toBe(200);
    expect((await (await guest.api.events[":eventId"].$get({ param: { eventId: event.eventId } })).json()).event.placesLeft).toBe(2);
  });

  it("rejects bad event input with the fields named, and changes nothing", async () => {
    const { browser } = await signedIn("coordinator");
    const res = await browser.api.events.$post({
      json: { ...eventInput(), kind: "party" as never, startsAt: "morgen", capacity: -3, onlineUrl: "javascript:alert(1)" },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as unknown as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(["capacity", "kind", "onlineUrl", "startsAt"]);
    const ends = await browser.api.events.$post({ json: eventInput({ startsAt: inDays(5, 18), endsAt: inDays(5, 17) }) });
    expect(await ends.json()).toMatchObject({ error: { code: "ends_before_start", fields: { endsAt: "ends_before_start" } } });
  });
});

describe("calendars and certificates", () => {
  it("serves an event's .ics, the public feed, and answers unknown certificate codes with 404", async () => {
    const { event } = await coordinatorWithEvent();
    const guest = new BrowserSession();
    const ics = await guest.raw(`/api/events/${event.eventId}/event.ics`);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await ics.text()).toContain(`UID:${event.eventId}@localhost`);
    const feed = await guest.raw("/api/calendar/public.ics");
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    // The subscribe link carries the reader's language; the feed's name follows it.
    const ukrainian = await (await guest.raw("/api/calendar/public.ics?lang=uk")).text();
    expect(ukrainian).toContain(`X-WR-CALNAME:${serverTexts("uk").ical.feedAll}`);
    expect((await guest.raw("/api/calendar/public.ics?lang=tr")).status).toBe(400);
    expect((await guest.raw("/api/certificates/AAAA-BBBB-CCCC")).status).toBe(404);
    expect((await guest.raw("/api/certificates/<script>")).status).toBe(400);
  });
});

describe("member calendar feed and event cancellation", () => {
  it("a member creates, uses and revokes a personal feed URL", async () => {
    const { browser } = await signedIn("volunteer");
    expect(await (await browser.api.me["calendar-feed"].$get()).json()).toEqual({ exists: false });
    const { url } = await (await browser.api.me["calendar-feed"].$post({ json: {} })).json();
    expect(await (await browser.api.me["calendar-feed"].$get()).json()).toEqual({ exists: true });
    const path = new URL(url).pathname;
    const feed = await new BrowserSession().raw(path);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    await browser.api.me["calendar-feed"].revoke.$post({ json: {} });
    expect((await new BrowserSession().raw(path)).status).toBe(404);
  });

  it("cancelling an event says how many registered people were told", async () => {
    const { event, coordinator } = await coordinatorWithEvent();
    const { browser } = await signedIn("volunteer");
    await browser.api.events[":eventId"].registration.$post({ param: { eventId: event.eventId }, json: {} });
    const res = await coordinator.api.events[":eventId"].cancel.$post({ param: { eventId: event.eventId }, json: {} });
    expect(await res.json()).toMatchObject({ notified: 1, event: { status: "cancelled", registrationOpen: false, registrationClosedReason: "event_cancelled" } });
  });
});

