import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { PDFDocument } from "pdf-lib";
import { db } from "../src/db";
import { createEvent, getEvent, listEvents, loadVisibleEvent, toEventInput, type Viewer } from "../src/event/events";
import { cancelEvent, saveEvent } from "../src/event/manage";
import { addParticipant, listParticipants, participantsCsv, setAttendance } from "../src/event/participants";
import { getRegistration, registerMember } from "../src/event/registration";
import { createSeries, followingInSeries } from "../src/event/series";
import { certificatePdf, issueCertificate, verifyCertificate } from "../src/event/certificate";
import { eventIcs } from "../src/event/ical";
import { publicFeed } from "../src/event/feed";
import { sendReminders } from "../src/event/reminders";
import { myEvents, memberFeed, renewCalendarToken } from "../src/event/mine";
import { utcToBerlin } from "../src/time";
import { coordinator, eventInput, fakeMember, inDays, publishedEvent } from "./events-fixtures";
import { lastMailTo, mailsTo, uniqueEmail } from "./mail";

const guest: Viewer = undefined;

describe("visibility", () => {
  it("guests see public events only; members also member events; invited events only their invitees", async () => {
    const member = fakeMember();
    const invitee = fakeMember("invitee");
    const asViewer = (u: typeof member): Viewer => ({ userId: u.userId, role: u.role, status: u.status });
    const tag = `vis${Math.random().toString(36).slice(2, 7)}`;
    const pub = await publishedEvent({ title: `${tag} public`, topics: [tag] });
    const mem = await publishedEvent({ title: `${tag} members`, topics: [tag], visibility: "members" });
    const inv = await publishedEvent({ title: `${tag} invited`, topics: [tag], visibility: "invited", inviteeIds: [invitee.userId] });
    const draft = await createEvent(coordinator, eventInput({ title: `${tag} draft`, topics: [tag], status: "draft" }));
    const titles = async (viewer: Viewer) => (await listEvents(viewer, { when: "upcoming", topic: tag })).events.map((e) => e.title).sort();
    expect(await titles(guest)).toEqual([`${tag} public`]);
    expect(await titles(asViewer(member))).toEqual([`${tag} members`, `${tag} public`]);
    expect(await titles(asViewer(invitee))).toEqual([`${tag} invited`, `${tag} members`, `${tag} public`]);
    expect(await titles(coordinator)).toEqual([`${tag} draft`, `${tag} invited`, `${tag} members`, `${tag} public`]);
    await expect(loadVisibleEvent(mem.eventId, guest)).rejects.toMatchObject({ code: "event_not_found" });
    await expect(loadVisibleEvent(inv.eventId, asViewer(member))).rejects.toMatchObject({ code: "event_not_found" });
    await expect(loadVisibleEvent(draft.eventId, asViewer(member))).rejects.toMatchObject({ code: "event_not_found" });
    expect((await loadVisibleEvent(pub.eventId, guest)).title).toBe(`${tag} public`);
  });

  it("shows the online link only to confirmed participants", async () => {
    const event = await publishedEvent({ address: null, onlineUrl: "https://meet.example.org/raum-42" });
    const member = fakeMember();
    const viewer: Viewer = { userId: member.userId, role: "volunteer", status: "approved" };
    const { toEventView } = await import("../src/event/events");
    expect((await toEventView(event, viewer)).onlineUrl).toBeNull();
    expect((await toEventView(event, viewer)).isOnline).toBe(true);
    await registerMember(member, event.eventId, {});
    const reg = await getRegistration(event.eventId, member.userId);
    expect((await toEventView((await getEvent(event.eventId))!, viewer, reg)).onlineUrl).toBe("https://meet.example.org/raum-42");
  });

  it("lists upcoming events by date and past ones latest first, paging with a cursor", async () => {
    const tag = `page${Math.random().toString(36).slice(2, 7)}`;
    for (let i = 1; i <= 23; i++) await publishedEvent({ title: `${tag} ${String(i).padStart(2, "0")}`, topics: [tag], startsAt: inDays(i + 1), endsAt: inDays(i + 1, 20) });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEvents(guest, { when: "upcoming", topic: tag, cursor });
      seen.push(...page.events.map((e) => e.title));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `${tag} ${String(i + 1).padStart(2, "0")}`));
  });

  it("keeps Berlin wall-clock times across daylight saving: stored in UTC", async () => {
    const event = await publishedEvent({ startsAt: "2027-07-07T18:00", endsAt: "2027-07-07T20:00" });
    expect(event.startsAt).toBe("2027-07-07T16:00:00.000Z");
    const winter = await publishedEvent({ startsAt: "2027-01-13T18:00", endsAt: "2027-01-13T20:00" });
    expect(winter.startsAt).toBe("2027-01-13T17:00:00.000Z");
  });
});

describe("series", () => {
  it("every second month on the first Wednesday, at the same Berlin time", async () => {
    const events = await createSeries(coordinator, {
      event: eventInput({ kind: "exchange_meeting", title: "Austauschtreffen", startsAt: "2027-01-06T18:00", endsAt: "2027-01-06T20:00" }),
      repeat: { frequency: "monthly", interval: 2, weekdayOfMonth: 1, count: 4 },
    });
    expect(events.map((e) => utcToBerlin(e.startsAt))).toEqual(["2027-01-06T18:00", "2027-03-03T18:00", "2027-05-05T18:00", "2027-07-07T18:00"]);
    expect(new Set(events.map((e) => e.seriesId)).size).toBe(1);
  });

  it("refuses a first date that is not in the rule", async () => {
    await expect(
      createSeries(coordinator, { event: eventInput({ startsAt: "2027-01-14T18:00", endsAt: "2027-01-14T20:00" }), repeat: { frequency: "monthly", interval: 1, weekdayOfMonth: 1, count: 3 } }),
    ).rejects.toMatchObject({ code: "start_not_in_series" });
  });

  it("edits one date alone, or this and all following dates", async () => {
    const events = await createSeries(coordinator, {
      event: eventInput({ title: "Supervision", startsAt: "2027-02-03T17:00", endsAt: "2027-02-03T19:00" }),
      repeat: { frequency: "weekly", interval: 1, count: 4 },
    });
    const [first, second] = events;
    await saveEvent(coordinator, first!.eventId, { ...toEventInput(first!), title: "Supervision (Raum 2)" }, "one");
    expect((await getEvent(second!.eventId))?.title).toBe("Supervision");
    await saveEvent(coordinator, second!.eventId, { ...toEventInput(second!), title: "Supervision neu", startsAt: "2027-02-10T18:00", endsAt: "2027-02-10T20:30" }, "series");
    const after = await followingInSeries((await getEvent(first!.eventId))!);
    expect(after.map((e) => [e.title, utcToBerlin(e.startsAt), utcToBerlin(e.endsAt)])).toEqual([
      ["Supervision (Raum 2)", "2027-02-03T17:00", "2027-02-03T19:00"],
      ["Supervision neu", "2027-02-10T18:00", "2027-02-10T20:30"],
      ["Supervision neu", "2027-02-17T18:00", "2027-02-17T20:30"],
      ["Supervision neu", "2027-02-24T18:00", "2027-02-24T20:30"],
    ]);
  });
});

describe("changes and cancellation", () => {
  it("tells registered people about a new time, with the updated calendar entry", async () => {
    const event = await publishedEvent();
    const member = fakeMember();
    await registerMember(member, event.eventId, {});
    await saveEvent(coordinator, event.eventId, { ...toEventInput(event), startsAt: inDays(15, 17), endsAt: inDays(15, 19) }, "one");
    const mail = await lastMailTo(member.email, /Geändert/);
    expect(mail.body.text).toContain("17:00");
    expect(mail.attachments[0]?.contentType).toContain("text/calendar");
  });

  it("more seats move the waitlist up automatically", async () => {
    const event = await publishedEvent({ capacity: 1 });
    const [a, b] = [fakeMember(), fakeMember()];
    await registerMember(a, event.eventId, {});
    await registerMember(b, event.eventId, {});
    await saveEvent(coordinator, event.eventId, { ...toEventInput(event), capacity: 2 }, "one");
    expect((await getRegistration(event.eventId, b.userId))?.status).toBe("confirmed");
  });

  it("cancelling tells everyone registered", async () => {
    const event = await publishedEvent();
    const member = fakeMember();
    await registerMember(member, event.eventId, {});
    await cancelEvent(coordinator, event.eventId);
    await lastMailTo(member.email, /Abgesagt/);
    await expect(registerMember(fakeMember(), event.eventId, {})).rejects.toMatchObject({ code: "registration_closed" });
  });
});

describe("participants", () => {
  it("exports a list Excel opens: BOM, semicolons, umlauts and answers intact", async () => {
    const event = await publishedEvent({ questions: [{ id: "qkid", label: "Kinderbetreuung?", kind: "yes_no", required: true }] });
    const member = { ...fakeMember(), name: "Jürgen Weiß; \"Jo\"" };
    await registerMember(member, event.eventId, { qkid: "yes" });
    const { csv, filename } = await participantsCsv(coordinator, event.eventId);
    expect(filename).toMatch(/^teilnehmende-.*\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Name;E-Mail;Status;Wartelistenplatz;Anwesenheit;Gast;Angemeldet am;Kinderbetreuung?");
    expect(lines[1]).toContain('"Jürgen Weiß; ""Jo"""');
    expect(lines[1]).toContain(";bestätigt;");
    expect(lines[1]!.split(";").at(-1)).toBe("ja");

    const english = (await participantsCsv(coordinator, event.eventId, "en")).csv.slice(1).split("\r\n");
    expect(english[0]).toBe("Name;Email;Status;Waiting list place;Attendance;Guest;Registered on;Kinderbetreuung?");
    expect(english[1]).toContain(";confirmed;");
    expect(english[1]!.split(";").at(-1)).toBe("yes");
  });

  it("coordinators add people by hand, check them in, and only participants get certificates", async () => {
    const event = await publishedEvent({ kind: "training", startsAt: inDays(1, 9), endsAt: inDays(1, 12) });
    const member = fakeMember();
    await addParticipant(coordinator, event.eventId, { name: "Per Hand", email: uniqueEmail("hand") });
    await registerMember(member, event.eventId, {});
    const { participants } = await listParticipants(coordinator, event.eventId);
    expect(participants.map((p) => [p.name, p.status, p.addedByCoordinator])).toEqual([
      [member.name, "confirmed", false],
      ["Per Hand", "confirmed", true],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), "de")));
    await setAttendance(coordinator, event.eventId, member.userId, "attended");
    // Not over yet: no certificate.
    await expect(issueCertificate(member, event.eventId)).rejects.toMatchObject({ code: "no_certificate" });
    await db().entities.event.patch({ eventId: event.eventId }).set({ endsAt: new Date(Date.now() - 1000).toISOString() }).go();
    const certificate = await issueCertificate(member, event.eventId);
    expect((await issueCertificate(member, event.eventId)).code).toBe(certificate.code);
    expect(await verifyCertificate(certificate.code.toLowerCase())).toMatchObject({ name: member.name, eventTitle: event.title, organiser: event.organiser });
    const pdf = await PDFDocument.load(await certificatePdf({ ...certificate, name: "Fatma Yılmaz" }));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain(event.title);
    const other = fakeMember();
    await expect(issueCertificate(other, event.eventId)).rejects.toMatchObject({ code: "registration_not_found" });
    expect((await myEvents(member, "past")).map((m) => [m.event.eventId, m.attendance, m.certificateAvailable])).toEqual([[event.eventId, "attended", true]]);
  });
});

describe("reminders", () => {
  it("remind each participant once, however often and however concurrently the job runs", async () => {
    const inHours = (h: number) => utcToBerlin(new Date(Date.now() + h * 3_600_000).toISOString());
    const event = await publishedEvent({ startsAt: inHours(3), endsAt: inHours(5) });
    const soon = await getEvent(event.eventId);
    const members = [fakeMember(), fakeMember(), fakeMember()];
    for (const m of members) await registerMember(m, event.eventId, {});
    expect(Date.parse(soon!.startsAt) - Date.now()).toBeLessThan(24 * 3_600_000);
    await Promise.all([sendReminders(), sendReminders(), sendReminders()]);
    await sendReminders();
    for (const m of members) {
      expect((await mailsTo(m.email)).filter((mail) => /Erinnerung/.test(mail.subject))).toHaveLength(1);
    }
  });
});

describe("calendars", () => {
  it("an event's .ics parses back with a UID, DTSTAMP, UTC times and escaped text", async () => {
    const event = await publishedEvent({ title: "Podium: Wohnen, Arbeit; Zukunft", address: "Rathaus, Saal 1" });
    const parsed = new ICAL.Component(ICAL.parse(await eventIcs(event, false)));
    const vevent = new ICAL.Event(parsed.getFirstSubcomponent("vevent")!);
    expect(vevent.uid).toBe(`${event.eventId}@localhost`);
    expect(vevent.summary).toBe("Podium: Wohnen, Arbeit; Zukunft");
    expect(vevent.location).toBe("Rathaus, Saal 1");
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    expect(vevent.endDate.toJSDate().toISOString()).toBe(event.endsAt);
    expect(parsed.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect((await eventIcs(event, false)).split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it("the public feed lists public events only; a member's feed their confirmed registrations", async () => {
    const pub = await publishedEvent({ title: "Öffentlich im Feed" });
    const mem = await publishedEvent({ title: "Nur Mitglieder im Feed", visibility: "members" });
    const feed = new ICAL.Component(ICAL.parse(await publicFeed()));
    const uids = feed.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"));
    expect(uids).toContain(`${pub.eventId}@localhost`);
    expect(uids).not.toContain(`${mem.eventId}@localhost`);

    const member = fakeMember();
    await db().entities.user.create({ ...member, emailKey: member.email, nameKey: "m", searchText: "m", passwordHash: "x", passwordChangedAt: "x" }).go();
    await registerMember(member, mem.eventId, {});
    const token = await renewCalendarToken(member);
    const mine = new ICAL.Component(ICAL.parse(await memberFeed(token)));
    expect(mine.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"))).toEqual([`${mem.eventId}@localhost`]);
    const renewed = await renewCalendarToken({ ...member, calendarTokenHash: (await db().entities.user.get({ userId: member.userId }).go()).data!.calendarTokenHash });
    await expect(memberFeed(token)).rejects.toMatchObject({ code: "feed_not_found" });
    expect(await memberFeed(renewed)).toContain("BEGIN:VCALENDAR");
  });
});
