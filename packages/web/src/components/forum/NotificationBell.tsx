import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import { ApiError } from "../../api";
import { t } from "../../i18n";
import { refreshUnreadCount, setUnreadCount, unreadCount } from "./unread";

const POLL_MS = 60_000;

/** The header's link to the forum notifications, with the unread count; checked every minute and on each navigation. */
export function NotificationBell() {
  const location = useLocation();
  const [news, setNews] = createSignal("");
  // The count belongs to whoever is signed in now, not to the account before.
  setUnreadCount(null);

  async function poll() {
    try {
      await refreshUnreadCount();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // A failed check keeps the last count: the bell is a hint, and the next minute asks again.
    }
  }

  createEffect(on(() => location.pathname, () => void poll()));
  const timer = setInterval(() => {
    if (!document.hidden) void poll();
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));

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
