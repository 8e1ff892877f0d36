import { createEffect, createSignal, on, Show } from "solid-js";
import { A } from "@solidjs/router";
import { t } from "../../i18n";
import { pollOnNavigation } from "../poll";
import { refreshUnreadCount, setUnreadCount, unreadCount } from "./unread";

/** The header's link to the forum notifications, with the unread count; checked every minute and on each navigation. */
export function NotificationBell() {
  const [news, setNews] = createSignal("");
  pollOnNavigation(refreshUnreadCount, () => setUnreadCount(null));

  // Screen readers hear of a new notification once, not of every check.
  createEffect(
    on(unreadCount, (count, previous) => {
      if (count !== null && previous !== null && previous !== undefined && count > previous) setNews(t("forum.bell.arrived", { count }));
    }),
  );

  const count = () => unreadCount() ?? 0;
  const label = () => (count() === 0 ? t("forum.bell.none") : t("forum.bell.some", { count: count() }));

  return (
    <>
      <A href="/forum/notifications" class="bell" aria-label={label()}>
        <span class="bell-icon" aria-hidden="true" />
        <Show when={count() > 0}>
          <span class="bell-count" aria-hidden="true">
            {count() > 99 ? "99+" : count()}
          </span>
        </Show>
      </A>
      <span class="visually-hidden" role="status">
        {news()}
      </span>
    </>
  );
}
