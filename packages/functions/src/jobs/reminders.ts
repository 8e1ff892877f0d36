import { sendReminders } from "@vernetzt/core/event/reminders";
import { flushUsage } from "@vernetzt/core/usage/counters";

/** Hourly: the day-before reminders (EventBridge rule in AWS, the local scheduler locally). */
export async function handler() {
  const result = await sendReminders();
  await flushUsage();
  console.log(JSON.stringify({ job: "reminders", ...result }));
  return result;
}
