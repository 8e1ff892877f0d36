import { Show } from "solid-js";
import { A } from "@solidjs/router";
import { t } from "../i18n";
import { refreshUnreadMessages, setUnreadMessages, unreadMessages } from "./messages-unread";
import { pollOnNavigation } from "./poll";

/** The navigation's link to private messages, with the unread count (checked every minute and on each navigation). */
export function MessagesLink() {
  pollOnNavigation(refreshUnreadMessages, () => setUnreadMessages(null));
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
