import { sendReplyDigests } from "@vernetzt/core/forum/notify";
import { flushUsage } from "@vernetzt/core/usage/counters";

/** Every 15 minutes: the forum's reply digests, at most one e-mail per member and thread an hour. */
export async function handler() {
  const result = await sendReplyDigests();
  await flushUsage();
  console.log(JSON.stringify({ job: "forum-notifications", ...result }));
  return result;
}
