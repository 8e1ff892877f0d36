import { conditionFailed, db } from "../db";
import { nowIso } from "../time";
import { mailParticipant } from "./notify";

const HOUR = 3_600_000;

/**
 * Reminds everyone with a seat of events starting within the next 24 hours. Run hourly (an
 * EventBridge rule in AWS, the local scheduler locally). Each reminder is claimed with a
 * conditional write before it is sent, so overlapping or repeated runs never send one twice.
 */
export async function sendReminders(now = Date.now()): Promise<{ sent: number }> {
  const from = new Date(now).toISOString();
  const until = new Date(now + 24 * HOUR).toISOString();
  const { data: events } = await db()
    .entities.event.query.byDate({})
    .between({ startsAt: from }, { startsAt: until })
    .where((attr, op) => op.eq(attr.status, "published"))
    .go({ pages: "all" });
  let sent = 0;
  for (const event of events) {
    const { data: registrations } = await db().entities.registration.query.byEvent({ eventId: event.eventId }).go({ pages: "all" });
    for (const r of registrations) {
      if (r.status !== "confirmed" || r.reminderSentAt) continue;
      try {
        await db()
          .entities.registration.patch({ eventId: r.eventId, participantKey: r.participantKey })
          .set({ reminderSentAt: nowIso() })
          .where((attr, op) => `${op.notExists(attr.reminderSentAt)} AND ${op.eq(attr.status, "confirmed")}`)
          .go();
      } catch (err) {
        if (conditionFailed(err)) continue;
        throw err;
      }
      await mailParticipant("eventReminder", event, r, { attachIcs: true });
      sent += 1;
    }
  }
  return { sent };
}
