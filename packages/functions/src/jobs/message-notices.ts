import { sendMessageNotices } from "@vernetzt/core/people/messages";

/** Every 10 minutes: e-mail notices of unread private messages, at most one per conversation and member an hour. */
export async function handler() {
  const result = await sendMessageNotices();
  console.log(JSON.stringify({ job: "message-notices", ...result }));
  return result;
}
