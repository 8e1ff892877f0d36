import { sendReplyDigests } from "@vernetzt/core/forum/notify";

/** Every 15 minutes: the forum's reply digests, at most one e-mail per member and thread an hour. */
export async function handler() {
  const result = await sendReplyDigests();
  console.log(JSON.stringify({ job: "forum-notifications", ...result }));
  return result;
}
