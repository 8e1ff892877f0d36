import { describe, expect, it } from "vitest";
import { db } from "../src/db";
import { getEvent, updateEvent, toEventInput } from "../src/event/events";
import { cancelByLink, cancelRegistration, confirmGuest, fillFromWaitlist, getRegistration, registerGuest, registerMember } from "../src/event/registration";
import { coordinator, fakeMember, inDays, publishedEvent } from "./events-fixtures";
import { lastMailTo, uniqueEmail } from "./mail";

async function registrationsOf(eventId: string) {
  const { data } = await db().entities.registration.query.byEvent({ eventId }).go({ pages: "all" });
  return data;
}

describe("capacity under concurrency", () => {
  it("50 simultaneous registrations for 10 seats: exactly 10 confirmed, 40 waitlisted in distinct places — three times over", async () => {
    for (let round = 0; round < 3; round++) {
      const event = await publishedEvent({ capacity: 10 });
      const members = Array.from({ length: 50 }, () => fakeMember("racer"));
      const results = await Promise.allSettled(members.map((m) => registerMember(m, event.eventId, {})));
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const stored = await registrationsOf(event.eventId);
      const confirmed = stored.filter((r) => r.status === "confirmed");
      const waitlisted = stored.filter((r) => r.status === "waitlisted");
      expect(confirmed).toHaveLength(10);
      expect(waitlisted).toHaveLength(40);
      expect(new Set(waitlisted.map((r) => r.waitlistPosition)).size).toBe(40);
      const counters = await getEvent(event.eventId);
      expect(counters).toMatchObject({ confirmedCount: 10, waitlistCount: 40 });
    }
  }, 120_000);

  it("the same person registering five times at once gets one registration and four 409s", async () => {
    const event = await publishedEvent();
    const member = fakeMember();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => registerMember(member, event.eventId, {})));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toMatchObject({ kind: "conflict", code: "already_registered" });
    }
    expect(await getEvent(event.eventId)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
  });
});

describe("waitlist", () => {
  it("a cancellation gives the seat to the first on the waitlist, who is told by mail with a calendar entry", async () => {
    const event = await publishedEvent({ capacity: 1 });
    const [first, second, third] = [fakeMember("first"), fakeMember("second"), fakeMember("third")];
    expect((await registerMember(first, event.eventId, {})).outcome).toBe("confirmed");
    expect((await registerMember(second, event.eventId, {})).outcome).toBe("waitlisted");
    expect((await registerMember(third, event.eventId, {})).outcome).toBe("waitlisted");
    await lastMailTo(second.email, /Warteliste/);

    await cancelRegistration(event.eventId, first.userId);
    expect((await getRegistration(event.eventId, second.userId))?.status).toBe("confirmed");
    expect((await getRegistration(event.eventId, third.userId))?.status).toBe("waitlisted");
    const promoted = await lastMailTo(second.email, /Platz ist frei/);
    expect(promoted.attachments.map((a) => a.contentType)).toContainEqual(expect.stringContaining("text/calendar"));
    expect(await getEvent(event.eventId)).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });
  });

  it("cancelling by the link in the confirmation mail needs no sign-in and can be repeated", async () => {
    const event = await publishedEvent({ capacity: 5 });
    const member = fakeMember();
    await registerMember(member, event.eventId, {});
    const mail = await lastMailTo(member.email, /Anmeldung bestätigt/);
    const token = /registrations\/cancel\?token=([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1];
    expect(token).toBeDefined();
    expect(await cancelByLink(token!)).toMatchObject({ eventId: event.eventId });
    await cancelByLink(token!);
    expect(await getEvent(event.eventId)).toMatchObject({ confirmedCount: 0 });
    // Registering again after cancelling is allowed.
    expect((await registerMember(member, event.eventId, {})).outcome).toBe("confirmed");
  });

  it("raising the capacity moves waiting people up; lowering it below the confirmed count is refused", async () => {
    const event = await publishedEvent({ capacity: 1 });
    const [a, b, c] = [fakeMember(), fakeMember(), fakeMember()];
    for (const m of [a, b, c]) await registerMember(m, event.eventId, {});
    const input = toEventInput((await getEvent(event.eventId))!);
    await updateEvent(coordinator, event.eventId, { ...input, capacity: 3 });
    await fillFromWaitlist(event.eventId);
    expect(await getEvent(event.eventId)).toMatchObject({ confirmedCount: 3, waitlistCount: 0 });
    await expect(updateEvent(coordinator, event.eventId, { ...input, capacity: 2 })).rejects.toMatchObject({ code: "capacity_below_confirmed" });
  });
});

describe("guests", () => {
  it("a guest's seat counts only after the e-mailed link is opened", async () => {
    const event = await publishedEvent({ capacity: 3 });
    const email = uniqueEmail("guest");
    await registerGuest(event.eventId, { name: "Gast Person", email, answers: {} });
    expect(await getEvent(event.eventId)).toMatchObject({ confirmedCount: 0 });
    const mail = await lastMailTo(email, /Anmeldung bestätigen/);
    const token = /\?confirm=([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? "")?.[1];
    expect(await confirmGuest(token!)).toMatchObject({ outcome: "confirmed" });
    expect(await confirmGuest(token!)).toMatchObject({ outcome: "confirmed" });
    expect(await getEvent(event.eventId)).toMatchObject({ confirmedCount: 1 });
    await lastMailTo(email, /Anmeldung bestätigt/);
    await expect(registerGuest(event.eventId, { name: "Gast Person", email: email.toUpperCase(), answers: {} })).rejects.toMatchObject({ code: "already_registered" });
  });

  it("guests cannot register for member-only events", async () => {
    const event = await publishedEvent({ visibility: "members" });
    await expect(registerGuest(event.eventId, { name: "Gast", email: uniqueEmail(), answers: {} })).rejects.toMatchObject({ code: "event_not_found" });
  });
});

describe("registration rules", () => {
  it("closes at the deadline", async () => {
    const event = await publishedEvent({ registrationDeadline: inDays(-1) , startsAt: inDays(3), endsAt: inDays(3, 20) });
    await expect(registerMember(fakeMember(), event.eventId, {})).rejects.toMatchObject({ code: "registration_closed", fields: { reason: "deadline_passed" } });
  });

  it("checks answers to the event's questions", async () => {
    const event = await publishedEvent({
      questions: [
        { id: "qchild", label: "Kinderbetreuung nötig?", kind: "yes_no", required: true },
        { id: "qlang", label: "Sprache", kind: "choice", options: ["Deutsch", "Arabisch"], required: false },
      ],
    });
    await expect(registerMember(fakeMember(), event.eventId, {})).rejects.toMatchObject({ fields: { "answers.qchild": "required" } });
    await expect(registerMember(fakeMember(), event.eventId, { qchild: "vielleicht" })).rejects.toMatchObject({ fields: { "answers.qchild": "invalid_choice" } });
    await expect(registerMember(fakeMember(), event.eventId, { qchild: "yes", qx: "?" })).rejects.toMatchObject({ fields: { "answers.qx": "unknown_question" } });
    const ok = await registerMember(fakeMember(), event.eventId, { qchild: "yes", qlang: "Arabisch" });
    expect(ok.registration.answers).toEqual({ qchild: "yes", qlang: "Arabisch" });
  });
});
