import { anonymiseExpiredGuests } from "@vernetzt/core/event/retention";

/** Daily: guests' registrations of long-past events are anonymised (EventBridge in AWS, the local scheduler locally). */
export async function handler() {
  const result = await anonymiseExpiredGuests();
  console.log(JSON.stringify({ job: "guest-retention", ...result }));
  return result;
}
