import { config } from "../config";
import { conditionFailed, db } from "../db";
import { createSecret, digest } from "../id";
import { nowIso } from "../time";
import type { RegistrationItem } from "./event.entity";

const DAY = 86_400_000;
/** Events are read from a little before the last run's cut-off, so multi-day events are not missed. */
const OVERLAP = 14 * DAY;
const WATERMARK = "guest_retention_until";
export const ANONYMOUS_GUEST_NAME = "Gast (anonymisiert)";

/** The cut-off: events that ended before this are past the retention period. */
export function retentionCutoff(now: number, months = config().guestRetentionMonths): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/**
 * A guest's registration under a key that names nobody; status and attendance stay for the
 * statistics. Replaced in one transaction (the key itself held the address).
 */
async function anonymise(r: RegistrationItem): Promise<boolean> {
  const anonymous: RegistrationItem = {
    ...r,
    participantKey: `anon#${r.registrationId}`,
    name: ANONYMOUS_GUEST_NAME,
    email: "",
    answers: {},
    cancelToken: createSecret(),
    updatedAt: nowIso(),
  };
  const result = await db()
    .transaction.write(({ registration, registrationLink }) => [
      registrationLink.delete({ tokenHash: digest(r.cancelToken) }).commit(),
      registration.delete({ eventId: r.eventId, participantKey: r.participantKey }).where((attr, op) => op.exists(attr.registrationId)).commit(),
      registration.create(anonymous).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  return !result.canceled;
}

/**
 * Scheduled daily: anonymises guests' registrations of events that ended more than
 * GUEST_RETENTION_MONTHS (default 12) ago. Reads events by date from where the last run stopped
 * (a watermark), so each run touches only newly expired events; safe to run twice.
 */
export async function anonymiseExpiredGuests(now = Date.now()): Promise<{ events: number; anonymised: number }> {
  const cutoff = retentionCutoff(now);
  const { data: mark } = await db().entities.counter.get({ name: WATERMARK }).go();
  const from = new Date(Math.max(0, (mark?.value ?? 0) - OVERLAP)).toISOString();
  const { data: events } = await db()
    .entities.event.query.byDate({})
    .between({ startsAt: from }, { startsAt: cutoff })
    .where((attr, op) => op.lte(attr.endsAt, cutoff))
    .go({ pages: "all", attributes: ["eventId"] });
  let anonymised = 0;
  for (const { eventId } of events) {
    const { data } = await db()
      .entities.registration.query.byEvent({ eventId })
      .begins({ participantKey: "guest#" })
      .go({ pages: "all" });
    for (const r of data) if (await anonymise(r)) anonymised += 1;
  }
  // Moves only forward: an overlapping older run cannot move it back.
  await db()
    .entities.counter.upsert({ name: WATERMARK, value: Date.parse(cutoff) })
    .where((attr, op) => `${op.notExists(attr.value)} OR ${op.lt(attr.value, Date.parse(cutoff))}`)
    .go()
    .catch((err: unknown) => {
      if (!conditionFailed(err)) throw err;
    });
  return { events: events.length, anonymised };
}
