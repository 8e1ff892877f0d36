import { describe, expect, it } from "vitest";
import { db } from "../src/db";
import { registerGuest } from "../src/event/registration";
import { anonymiseExpiredGuests, ANONYMOUS_GUEST_NAME } from "../src/event/retention";
import { registerMember } from "../src/event/registration";
import { fakeMember, publishedEvent } from "./events-fixtures";
import { uniqueEmail } from "./mail";

const MONTH = 30 * 86_400_000;

/** An event with one guest and one member, then moved `monthsAgo` into the past. */
async function pastEventWithGuest(monthsAgo: number) {
  const event = await publishedEvent();
  const email = uniqueEmail("Gast.Person");
  await registerGuest(event.eventId, { name: "Gisela Gast", email, answers: {} });
  const member = fakeMember();
  await registerMember(member, event.eventId, {});
  const startsAt = new Date(Date.now() - monthsAgo * MONTH).toISOString();
  const endsAt = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
  await db().entities.event.patch({ eventId: event.eventId }).set({ startsAt, endsAt, seriesId: event.seriesId }).go();
  return { event, email, member };
}

const registrationsOf = async (eventId: string) => (await db().entities.registration.query.byEvent({ eventId }).go({ pages: "all" })).data;

describe("guest retention", () => {
  it("anonymises guests of events that ended more than 12 months ago, keeps members and recent guests, and a second run changes nothing", async () => {
    const old = await pastEventWithGuest(13);
    const recent = await pastEventWithGuest(6);

    const first = await anonymiseExpiredGuests();
    expect(first.anonymised).toBeGreaterThanOrEqual(1);

    const oldRegs = await registrationsOf(old.event.eventId);
    expect(oldRegs).toHaveLength(2);
    const guest = oldRegs.find((r) => !r.userId)!;
    expect(guest).toMatchObject({ name: ANONYMOUS_GUEST_NAME, email: "", answers: {} });
    expect(guest.participantKey).toMatch(/^anon#/);
    expect(JSON.stringify(oldRegs).toLowerCase()).not.toContain(old.email.toLowerCase());
    expect(oldRegs.find((r) => r.userId === old.member.userId)?.name).toBe(old.member.name);

    expect(JSON.stringify(await registrationsOf(recent.event.eventId)).toLowerCase()).toContain(recent.email.toLowerCase());

    const second = await anonymiseExpiredGuests();
    expect(second.anonymised).toBe(0);
    expect(await registrationsOf(old.event.eventId)).toEqual(oldRegs);
  });

  it("honours GUEST_RETENTION_MONTHS", async () => {
    const { event, email } = await pastEventWithGuest(4);
    process.env.GUEST_RETENTION_MONTHS = "3";
    try {
      // The watermark of earlier runs lies later than this event: a run with a shorter period still reaches it.
      await anonymiseExpiredGuests();
    } finally {
      delete process.env.GUEST_RETENTION_MONTHS;
    }
    expect(JSON.stringify(await registrationsOf(event.eventId)).toLowerCase()).not.toContain(email.toLowerCase());
  });
});
