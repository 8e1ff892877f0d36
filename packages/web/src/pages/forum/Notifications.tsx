import { createSignal, For, onMount, Show } from "solid-js";
import { A } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { createPagedList, ListFooter } from "../../components/paged";
import { setUnreadCount } from "../../components/forum/unread";
import { formatDateTime, t } from "../../i18n/forum";
import { groupHref, threadHref, type NotificationView } from "./data";
import { ForumGate, ForumNav } from "./Gate";

export default function ForumNotifications() {
  return (
    <Page title={t("forum.notifications.title")}>
      <ForumGate>
        {() => (
          <>
            <ForumNav />
            <NotificationList />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

/** Where a notification leads: the post it is about, or the group. */
function notificationHref(n: NotificationView): string {
  if (n.threadId) return threadHref(n.threadId, n.postId);
  if (n.groupId) return groupHref(n.groupId);
  return "/forum";
}

function NotificationList() {
  const [unread, setUnread] = createSignal(0);
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.forum.notifications.$get({ query: { cursor } });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): NotificationView[] => page.notifications,
    onPage(page) {
      setUnread(page.unreadCount);
      setUnreadCount(page.unreadCount);
    },
  });
  const { list, setList, error } = paged;
  const [message, setMessage] = createSignal("");
  const markAll = createAction();
  onMount(() => void paged.load(false));

  async function markRead(notificationIds?: string[]) {
    const res = await client.api.forum.notifications.read.$post({ json: notificationIds ? { notificationIds } : {} });
    if (!res.ok) throw await readError(res);
    const { unreadCount } = await res.json();
    setList("items", (n) => !notificationIds || notificationIds.includes(n.notificationId), "read", true);
    setUnread(unreadCount);
    setUnreadCount(unreadCount);
  }

  function markAllRead() {
    void markAll.run(async () => {
      await markRead();
      setMessage(t("forum.notifications.allRead"));
    });
  }

  function opened(n: NotificationView) {
    if (n.read) return;
    // The link is followed at once and marks the notification read on the way; should that fail,
    // it simply stays unread, and the page it leads to is the better place for the reader now.
    void markRead([n.notificationId]).catch((err: unknown) => {
      if (!(err instanceof ApiError)) throw err;
    });
  }

  return (
    <div class="forum notifications">
      <div class="page-intro">
        <p class="meta">{unread() === 0 ? t("forum.notifications.noneUnread") : t("forum.notifications.unread", { count: unread() })}</p>
        <Show when={unread() > 0}>
          <button type="button" class="button" aria-disabled={markAll.busy() ? "true" : undefined} onClick={markAllRead}>
            {t("forum.notifications.markAll")}
          </button>
        </Show>
      </div>
      <p class="visually-hidden" role="status">
        {message()}
      </p>
      <Show when={markAll.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="notification-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>
          {(n) => (
            <li class="notification" classList={{ "notification-unread": !n.read }}>
              <A href={notificationHref(n)} onClick={() => opened(n)}>
                <Show when={!n.read}>
                  <span class="badge badge-accent">{t("forum.badge.new")}</span>{" "}
                </Show>
                {t(`forum.notification.${n.kind}`, { actor: n.actorName, subject: n.subject })}
              </A>
              <p class="meta">
                <time datetime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
            </li>
          )}
        </For>
      </ul>
      <ListFooter paged={paged} more={t("forum.notifications.loadMore")}>
        {t("forum.notifications.empty")}
      </ListFooter>
    </div>
  );
}
