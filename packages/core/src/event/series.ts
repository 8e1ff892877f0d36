import type { RRule as RRuleType, Weekday } from "rrule";
import { db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { lazy } from "../lazy";
import { nowIso, utcToBerlin } from "../time";
import type { EventItem } from "./event.entity";
import { assertCoordinator, createEvent, normaliseEventInput, type Viewer } from "./events";
import type { EventInput, SeriesInput } from "./schema";

// rrule ships UMD to Node and ESM to bundlers: take RRule from whichever shape arrived.
const rrule = lazy(async () => {
  const module = await import("rrule");
  return ("RRule" in module ? module : (module as unknown as { default: typeof module }).default).RRule;
});

// Recurrence is computed on wall-clock time (a "floating" date treated as UTC), so a series at
// 18:00 stays at 18:00 in Berlin across daylight-saving changes.
const floating = (local: string) => new Date(`${local}:00Z`);
const toLocal = (date: Date) => date.toISOString().slice(0, 16);
const minutesBetween = (a: string, b: string) => (floating(b).getTime() - floating(a).getTime()) / 60_000;
const addMinutes = (local: string, minutes: number) => toLocal(new Date(floating(local).getTime() + minutes * 60_000));

export async function seriesRule(input: SeriesInput): Promise<RRuleType> {
  const RRule = await rrule();
  const WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
  const start = floating(input.event.startsAt);
  const { frequency, interval, weekdayOfMonth, count } = input.repeat;
  const weekday: Weekday = WEEKDAYS[(start.getUTCDay() + 6) % 7]!;
  return new RRule({
    freq: frequency === "weekly" ? RRule.WEEKLY : RRule.MONTHLY,
    interval,
    count,
    dtstart: start,
    ...(frequency === "monthly" && weekdayOfMonth ? { byweekday: [weekday.nth(weekdayOfMonth)] } : {}),
    ...(frequency === "monthly" && !weekdayOfMonth ? { bymonthday: [start.getUTCDate()] } : {}),
  });
}

/** The dates of a series, each as the form would give them for a single event. */
export async function occurrences(input: SeriesInput): Promise<EventInput[]> {
  const { event } = input;
  const duration = minutesBetween(event.startsAt, event.endsAt);
  const deadlineLead = event.registrationDeadline ? minutesBetween(event.registrationDeadline, event.startsAt) : undefined;
  const dates = (await seriesRule(input)).all().map(toLocal);
  if (dates[0] !== event.startsAt) {
    throw new VisibleError("invalid", "start_not_in_series", "The first date does not match the repetition (e.g. it is not the first Wednesday).", {
      "repeat.weekdayOfMonth": "start_not_in_series",
    });
  }
  return dates.map((startsAt) => ({
    ...event,
    startsAt,
    endsAt: addMinutes(startsAt, duration),
    registrationDeadline: deadlineLead === undefined ? null : addMinutes(startsAt, -deadlineLead),
  }));
}

/** Creates a recurring series, e.g. every second month on the first Wednesday. */
export async function createSeries(viewer: Viewer, input: SeriesInput): Promise<EventItem[]> {
  assertCoordinator(viewer);
  normaliseEventInput(input.event);
  const dates = await occurrences(input);
  const seriesId = createId("ser");
  await db().entities.series.create({ seriesId, rule: (await seriesRule(input)).toString(), createdBy: viewer.userId, createdAt: nowIso() }).go();
  const events: EventItem[] = [];
  for (const date of dates) events.push(await createEvent(viewer, date, seriesId));
  return events;
}

/** This and the following events of the series, in date order. */
export async function followingInSeries(event: EventItem): Promise<EventItem[]> {
  if (event.seriesId === event.eventId) return [event];
  const { data } = await db()
    .entities.event.query.bySeries({ seriesId: event.seriesId })
    .gte({ startsAt: event.startsAt })
    .go({ pages: "all" });
  return data;
}

/**
 * Carries an edit of one date over to another date of the same series: everything but the day,
 * whose time of day, duration and deadline lead follow the edit.
 */
export function applyToDate(edit: EventInput, editedDate: EventItem, other: EventItem): EventInput {
  const duration = minutesBetween(edit.startsAt, edit.endsAt);
  const deadlineLead = edit.registrationDeadline ? minutesBetween(edit.registrationDeadline, edit.startsAt) : undefined;
  // Keep the other date's day, moved by as many days as the edit moved the edited one.
  const dayShift = Math.round(minutesBetween(utcToBerlin(editedDate.startsAt).slice(0, 10) + "T00:00", edit.startsAt.slice(0, 10) + "T00:00") / 1440);
  const day = addMinutes(`${utcToBerlin(other.startsAt).slice(0, 10)}T00:00`, dayShift * 1440).slice(0, 10);
  const startsAt = `${day}T${edit.startsAt.slice(11)}`;
  return {
    ...edit,
    startsAt,
    endsAt: addMinutes(startsAt, duration),
    registrationDeadline: deadlineLead === undefined ? null : addMinutes(startsAt, -deadlineLead),
  };
}
