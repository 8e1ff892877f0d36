import { db } from "../db";
import { VisibleError } from "../errors";
import type { EventItem, RegistrationItem } from "./event.entity";
import { assertCoordinator, getEvent, noticeableChanges, setEventStatus, updateEvent, type Viewer } from "./events";
import { mailParticipant } from "./notify";
import { fillFromWaitlist } from "./registration";
import type { EventInput } from "./schema";
import { applyToDate, followingInSeries } from "./series";

/** Everyone holding a place or a waitlist number, or waiting to confirm. */
export async function activeRegistrations(eventId: string): Promise<RegistrationItem[]> {
  const { data } = await db().entities.registration.query.byEvent({ eventId }).go({ pages: "all" });
  return data.filter((r) => r.status !== "cancelled");
}

async function tellAboutChange(after: EventItem, changes: string[]) {
  if (changes.length === 0 || after.status !== "published") return;
  for (const r of await activeRegistrations(after.eventId)) {
    if (r.status === "unconfirmed") continue;
    await mailParticipant("eventChanged", after, r, { attachIcs: r.status === "confirmed" });
  }
}

/**
 * Saves a coordinator's edit of one date, or of this and all following dates of its series.
 * More seats let the waitlist move up; changes of time, place or title are mailed to everyone
 * registered, with the updated calendar entry.
 */
export async function saveEvent(viewer: Viewer, eventId: string, input: EventInput, scope: "one" | "series"): Promise<EventItem[]> {
  assertCoordinator(viewer);
  const edited = await getEvent(eventId);
  if (!edited) throw new VisibleError("not_found", "event_not_found", "No such event.");
  const targets = scope === "series" ? await followingInSeries(edited) : [edited];
  const saved: EventItem[] = [];
  for (const target of targets) {
    const inputForDate = target.eventId === edited.eventId ? input : applyToDate(input, edited, target);
    if (target.status === "cancelled") continue;
    const { before, after } = await updateEvent(viewer, target.eventId, inputForDate);
    const moreSeats = after.capacity === undefined || (before.capacity !== undefined && after.capacity > before.capacity);
    if (moreSeats && after.waitlistCount > 0) await fillFromWaitlist(after.eventId);
    await tellAboutChange(after, before.status === "published" ? noticeableChanges(before, after) : []);
    saved.push((await getEvent(after.eventId)) ?? after);
  }
  return saved;
}

export async function publishEvent(viewer: Viewer, eventId: string): Promise<EventItem> {
  return (await setEventStatus(viewer, eventId, "published")).after;
}

/** Cancels the event and tells everyone registered; their calendars get the cancellation. */
export async function cancelEvent(viewer: Viewer, eventId: string): Promise<{ event: EventItem; notified: number }> {
  const { before, after } = await setEventStatus(viewer, eventId, "cancelled");
  let notified = 0;
  if (before.status === "published") {
    for (const r of await activeRegistrations(eventId)) {
      await mailParticipant("eventCancelled", after, r, { attachIcs: r.status === "confirmed", withCancelLink: false });
      notified += 1;
    }
  }
  return { event: after, notified };
}
