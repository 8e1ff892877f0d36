import { config } from "../config";
import { formatLongDate } from "../i18n/format";
import type { Locale } from "../user/constants";
import { db, retryConflicts } from "../db";
import { sendMail } from "../mail/send";
import { renderMail } from "../mail/templates";
import { DAY, nowIso } from "../time";
import { addDays, FORMER_MEMBER, REMINDER_DAYS_BEFORE } from "./constants";
import { berlinToday, isPending, usersById } from "./programmes";

export const participantUrl = (programmeId: string, participantId: string) => `${config().appOrigin}/programmes/${programmeId}/participants/${participantId}`;

/** A due date (a Berlin calendar day) in the mentor's language; noon UTC is that day in Berlin. */
const formatDay = (date: string, locale: Locale) => formatLongDate(`${date}T12:00:00Z`, locale);

/**
 * Reminds each mentor of milestones due within the next REMINDER_DAYS_BEFORE days. Each mail
 * (milestone, due date, mentor) is claimed with a conditional write before it is sent, so
 * overlapping runs and retries never send it twice; a moved due date is reminded again.
 */
export async function sendMilestoneReminders(now = Date.now()): Promise<{ sent: number }> {
  const today = berlinToday(now);
  const last = addDays(today, REMINDER_DAYS_BEFORE);
  const { data: due } = await db()
    .entities.milestone.query.pendingByDue({})
    // The upper bound is the next day: a key continues after its date, so "last" itself would sort below it.
    .between({ reminderKey: today }, { reminderKey: addDays(last, 1) })
    .go({ pages: "all" });
  const milestones = due.filter((m) => isPending(m) && m.dueDate && m.dueDate >= today && m.dueDate <= last);
  if (milestones.length === 0) return { sent: 0 };

  const participantIds = [...new Set(milestones.map((m) => m.participantId))];
  const { data: participants } = await db().entities.participant.get(participantIds.map((participantId) => ({ participantId }))).go();
  const byId = new Map(participants.map((p) => [p.participantId, p]));
  const programmeIds = [...new Set(participants.map((p) => p.programmeId))];
  const { data: programmes } = programmeIds.length ? await db().entities.programme.get(programmeIds.map((programmeId) => ({ programmeId }))).go() : { data: [] };
  const programmeNames = new Map(programmes.map((p) => [p.programmeId, p.name]));
  const mentors = await usersById(participants.flatMap((p) => p.mentorIds).filter((id) => id !== FORMER_MEMBER));

  let sent = 0;
  for (const m of milestones) {
    const participant = byId.get(m.participantId);
    if (!participant) continue;
    for (const mentorId of participant.mentorIds) {
      const mentor = mentors.get(mentorId);
      if (!mentor || mentor.status !== "approved") continue;
      // The claim, conditioned on the participant still existing: a deletion meanwhile leaves no claim behind.
      const claim = await retryConflicts(() =>
        db()
          .transaction.write(({ milestoneReminder, participant: p }) => [
            milestoneReminder
              .create({
                participantId: m.participantId,
                milestoneId: m.milestoneId,
                dueDate: m.dueDate!,
                userId: mentorId,
                claimedAt: nowIso(),
                ttl: Math.floor((Date.parse(`${m.dueDate}T00:00:00Z`) + 60 * DAY) / 1000),
              })
              .commit(),
            p.check({ participantId: m.participantId }).where((attr, op) => op.exists(attr.participantId)).commit(),
          ])
          .go(),
      );
      // Canceled: already claimed by an earlier or overlapping run, or the participant is gone.
      if (claim.canceled) continue;
      const mail = renderMail(
        "milestoneReminder",
        mentor.locale,
        {
          name: mentor.name,
          participant: participant.name,
          programme: programmeNames.get(participant.programmeId) ?? "",
          milestone: m.title,
          due: formatDay(m.dueDate!, mentor.locale),
        },
        participantUrl(participant.programmeId, participant.participantId),
      );
      await sendMail({ to: mentor.email, ...mail });
      sent += 1;
    }
  }
  return { sent };
}
