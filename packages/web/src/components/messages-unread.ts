import { createSignal } from "solid-js";
import { client, readError } from "../api";

// One unread count for the navigation badge and the messages pages, so reading updates the badge at once.
const [unreadMessages, setUnreadMessages] = createSignal<number | null>(null);
export { unreadMessages, setUnreadMessages };

export async function refreshUnreadMessages(): Promise<void> {
  const res = await client.api.messages.unread.$get();
  if (!res.ok) throw await readError(res);
  setUnreadMessages((await res.json()).unread);
}
