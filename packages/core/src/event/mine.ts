import { db } from "../db";
import { VisibleError } from "../errors";
import { createSecret, digest } from "../id";
import type { UserItem } from "../user/user.entity";
import type { EventItem, RegistrationItem } from "./event.entity";
import { certifiable } from "./certificate";
import { toEventView, type EventView, type Viewer } from "./events";
import { waitlistPlace } from "./registration";
import { feedIcs } from "./ical";

export interface MyEvent {
  event: EventView;
  status: RegistrationItem["status"];
  attendance: "attended" | "no_show" | null;
  certificateAvailable: boolean;
}

async function eventsById(ids: string[]): Promise<Map<string, EventItem>> {
  if (ids.length === 0) return new Map();
  const { data } = await db().entities.event.get(ids.map((eventId) => ({ eventId }))).go();
  return new Map(data.map((e) => [e.eventId, e]));
}

async function registrationsOf(participantKey: string): Promise<RegistrationItem[]> {
  const { data } = await db().entities.registration.query.byParticipant({ participantKey }).go({ pages: "all" });
  return data.filter((r) => r.status !== "cancelled" && r.status !== "unconfirmed");
}

/** A member's registrations, upcoming (soonest first) or past (latest first), with attendance. */
export async function myEvents(user: UserItem, when: "upcoming" | "past"): Promise<MyEvent[]> {
  const viewer: Viewer = { userId: user.userId, role: user.role, status: user.status };
  const registrations = await registrationsOf(user.userId);
  const events = await eventsById(registrations.map((r) => r.eventId));
  const now = Date.now();
  const result: MyEvent[] = [];
  for (const r of registrations) {
    const event = events.get(r.eventId);
    if (!event) continue;
    const past = Date.parse(event.endsAt) <= now;
    if (past !== (when === "past")) continue;
    result.push({
      event: await toEventView(event, viewer, r, await waitlistPlace(r)),
      status: r.status,
      attendance: r.attendance ?? null,
      certificateAvailable: r.status === "confirmed" && r.attendance === "attended" && certifiable(event),
    });
  }
  result.sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt) * (when === "upcoming" ? 1 : -1));
  return result;
}

/**
 * Calendar apps cannot sign in, so a member's feed URL carries its own secret. Asking again
 * replaces it (and so revokes the old URL).
 */
export async function renewCalendarToken(user: UserItem): Promise<string> {
  const token = createSecret();
  const previous = user.calendarTokenHash;
  await db()
    .transaction.write(({ calendarFeed, user: users }) => [
      calendarFeed.create({ tokenHash: digest(token), userId: user.userId }).commit(),
      users.patch({ userId: user.userId }).set({ calendarTokenHash: digest(token) }).commit(),
      ...(previous ? [calendarFeed.delete({ tokenHash: previous }).commit()] : []),
    ])
    .go();
  return token;
}

export function calendarFeedStatus(user: UserItem): { exists: boolean } {
  return { exists: Boolean(user.calendarTokenHash) };
}

/** Revokes the member's feed URL. */
export async function revokeCalendarToken(user: UserItem): Promise<void> {
  if (!user.calendarTokenHash) return;
  const tokenHash = user.calendarTokenHash;
  await db()
    .transaction.write(({ calendarFeed, user: users }) => [
      calendarFeed.delete({ tokenHash }).commit(),
      users.patch({ userId: user.userId }).remove(["calendarTokenHash"]).commit(),
    ])
    .go();
}

/** The iCalendar feed of one member's confirmed registrations. */
export async function memberFeed(token: string): Promise<string> {
  const { data: feed } = await db().entities.calendarFeed.get({ tokenHash: digest(token) }).go();
  if (!feed) throw new VisibleError("not_found", "feed_not_found", "No such calendar feed.");
  const [{ data: user }, all] = await Promise.all([db().entities.user.get({ userId: feed.userId }).go(), registrationsOf(feed.userId)]);
  const registrations = all.filter((r) => r.status === "confirmed");
  const events = await eventsById(registrations.map((r) => r.eventId));
  const entries = [...events.values()].filter((e) => e.status !== "draft").map((event) => ({ event, showOnlineUrl: true }));
  return feedIcs("feedMine", entries, user?.locale);
}
