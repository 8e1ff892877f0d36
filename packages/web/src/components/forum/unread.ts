import { createSignal } from "solid-js";
import { client, readError } from "../../api";

// One count for the header's bell and the notifications page, so marking read there updates the bell at once.
const [unreadCount, setCount] = createSignal<number | null>(null);
export { unreadCount };

/** Counts that writes report; a check that was under way meanwhile may have read the older state. */
let writes = 0;

export function setUnreadCount(count: number | null): void {
  writes += 1;
  setCount(count);
}

export async function refreshUnreadCount(): Promise<void> {
  const before = writes;
  const res = await client.api.forum.notifications["unread-count"].$get();
  if (!res.ok) throw await readError(res);
  const { unreadCount: count } = await res.json();
  if (writes === before) setCount(count);
}
