import { db } from "../db";
import { digest } from "../id";
import { nowIso } from "../time";
import type { PersonalDataContributor } from "../privacy/contributor";
import { FORMER_MEMBER_ID, inBatches } from "../privacy/former";
import { getUser } from "../user/account";
import type { RegistrationItem } from "./event.entity";
import { cancelRegistration } from "./registration";

/** The member's registrations, and those they made as a guest with the same address before joining. */
async function registrationsOf(userId: string): Promise<RegistrationItem[]> {
  const user = await getUser(userId);
  const keys = [userId, ...(user ? [`guest#${user.emailKey}`] : [])];
  const lists = await Promise.all(keys.map((participantKey) => db().entities.registration.query.byParticipant({ participantKey }).go({ pages: "all" })));
  return lists.flatMap((l) => l.data);
}

/** Events that name the member: as invitee, creator or last editor. A Query over the date index, filtered. */
async function eventsNaming(userId: string) {
  const { data } = await db()
    .entities.event.query.byDate({})
    .where((attr, op) => `${op.contains(attr.inviteeIds, userId)} OR ${op.eq(attr.createdBy, userId)} OR ${op.eq(attr.updatedBy, userId)}`)
    .go({ pages: "all" });
  return data;
}

export const eventPrivacy: PersonalDataContributor = {
  section: "events",
  async export(userId) {
    const [registrations, events, user] = await Promise.all([registrationsOf(userId), eventsNaming(userId), getUser(userId)]);
    const codes = registrations.flatMap((r) => (r.certificateCode ? [{ code: r.certificateCode }] : []));
    const { data: certificates } = codes.length > 0 ? await db().entities.certificate.get(codes).go() : { data: [] };
    const { data: titles } = registrations.length > 0 ? await db().entities.event.get([...new Set(registrations.map((r) => r.eventId))].map((eventId) => ({ eventId }))).go() : { data: [] };
    const titleOf = new Map(titles.map((e) => [e.eventId, e.title]));
    return {
      registrations: registrations.map((r) => ({
        eventId: r.eventId,
        eventTitle: titleOf.get(r.eventId) ?? null,
        eventStartsAt: r.eventStartsAt,
        asGuest: r.participantKey !== userId,
        name: r.name,
        email: r.email,
        status: r.status,
        answers: r.answers ?? {},
        attendance: r.attendance ?? null,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        certificateCode: r.certificateCode ?? null,
      })),
      certificates: certificates.map((c) => ({ code: c.code, name: c.name, eventTitle: c.eventTitle, startsAt: c.startsAt, issuedAt: c.issuedAt })),
      calendarFeed: { active: Boolean(user?.calendarTokenHash) },
      invitations: events.filter((e) => e.inviteeIds?.includes(userId)).map((e) => ({ eventId: e.eventId, title: e.title, startsAt: e.startsAt })),
    };
  },
  async erase(userId) {
    const user = await getUser(userId);
    const now = nowIso();
    // Seats of coming events go back to others (and the waitlist moves up) before the record goes.
    for (const r of await registrationsOf(userId)) {
      if (r.eventStartsAt > now && r.status !== "cancelled") await cancelRegistration(r.eventId, r.participantKey, { notify: false });
      if (r.certificateCode) await db().entities.certificate.delete({ code: r.certificateCode }).go();
      await db().entities.registrationLink.delete({ tokenHash: digest(r.cancelToken) }).go();
      await db().entities.registration.delete({ eventId: r.eventId, participantKey: r.participantKey }).go();
    }
    if (user?.calendarTokenHash) await db().entities.calendarFeed.delete({ tokenHash: user.calendarTokenHash }).go();
    await inBatches(await eventsNaming(userId), 5, async (event) => {
      if (event.inviteeIds?.includes(userId)) await db().entities.event.update({ eventId: event.eventId }).delete({ inviteeIds: [userId] }).go();
      if (event.updatedBy === userId) await db().entities.event.patch({ eventId: event.eventId }).set({ updatedBy: FORMER_MEMBER_ID }).go();
      if (event.createdBy === userId) {
        // createdBy is fixed after creation; the stored item is rewritten on condition nothing changed meanwhile.
        const { data: fresh } = await db().entities.event.get({ eventId: event.eventId }).go();
        if (fresh) {
          await db()
            .entities.event.put({ ...fresh, createdBy: FORMER_MEMBER_ID })
            .where((attr, op) => op.eq(attr.revision, fresh.revision))
            .go();
        }
        const { data: series } = await db().entities.series.get({ seriesId: event.seriesId }).go();
        if (series?.createdBy === userId) await db().entities.series.put({ ...series, createdBy: FORMER_MEMBER_ID }).go();
      }
    });
  },
};
