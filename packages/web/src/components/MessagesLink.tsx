import { createEffect, on, onCleanup, Show } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import { ApiError } from "../api";
import { t } from "../i18n";
import { refreshUnreadMessages, setUnreadMessages, unreadMessages } from "./messages-unread";

const POLL_MS = 60_000;

/** The navigation's link to private messages, with the unread count (checked every minute and on each navigation). */
export function MessagesLink() {
  const location = useLocation();
  setUnreadMessages(null);
  async function poll() {
    try {
      await refreshUnreadMessages();
    } catch (err) {
      // The badge is a hint: a failed check keeps the last count and the next one asks again.
      if (!(err instanceof ApiError)) throw err;
    }
  }
  createEffect(on(() => location.pathname, () => void poll()));
  const timer = setInterval(() => {
    if (!document.hidden) void poll();
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));
  const count = () => unreadMessages() ?? 0;
  return (
    <A href="/messages" aria-label={count() > 0 ? t("nav.messagesUnread", { count: count() }) : undefined}>
      {t("nav.messages")}
      <Show when={count() > 0}>
        {" "}
        <span class="nav-count" aria-hidden="true">
          {count() > 99 ? "99+" : count()}
        </span>
      </Show>
    </A>
  );
}
