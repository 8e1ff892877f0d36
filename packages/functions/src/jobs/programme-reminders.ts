import { sendMilestoneReminders } from "@vernetzt/core/programme/reminders";

/** Every 6 hours: mentors hear of milestones due within a week (EventBridge in AWS, the local scheduler locally). */
export async function handler() {
  const result = await sendMilestoneReminders();
  console.log(JSON.stringify({ job: "programme-reminders", ...result }));
  return result;
}
