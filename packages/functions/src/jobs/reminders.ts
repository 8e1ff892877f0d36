import { sendReminders } from "@vernetzt/core/event/reminders";

/** Hourly: the day-before reminders (EventBridge rule in AWS, the local scheduler locally). */
export async function handler() {
  const result = await sendReminders();
  console.log(JSON.stringify({ job: "reminders", ...result }));
  return result;
}
