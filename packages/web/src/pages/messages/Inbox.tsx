import { createSignal, For, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { refreshUnreadMessages } from "../../components/messages-unread";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n";
import { MembersGate, PeopleNav } from "../people/Gate";
import { NewGroup } from "./NewGroup";

type Summary = InferResponseType<typeof client.api.messages.$get, 200>["conversations"][number];

export const conversationName = (c: { title: string; others: { name: string }[] }) => c.title || c.others.map((o) => o.name).join(", ");

export default function Inbox() {
  return (
    <Page title={t("messages.title")} wide>
      <MembersGate>
        {() => (
          <>
            <PeopleNav />
            <p class="lead">{t("messages.lead")}</p>
            <ConversationList />
            <NewGroup />
          </>
        )}
      </MembersGate>
    </Page>
  );
}

function ConversationList() {
  const [list, setList] = createStore<{ conversations: Summary[]; cursor: string | null; loading: boolean }>({ conversations: [], cursor: null, loading: false });
  const [error, setError] = createSignal<ApiError | null>(null);

  async function load(more: boolean) {
    setList("loading", true);
    setError(null);
    try {
      const res = await client.api.messages.$get({ query: more && list.cursor ? { cursor: list.cursor } : {} });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      setList({ conversations: more ? [...list.conversations, ...page.conversations] : page.conversations, cursor: page.cursor });
      void refreshUnreadMessages().catch(() => undefined);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setList("loading", false);
    }
  }
  onMount(() => void load(false));

  return (
    <>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="conversation-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.conversations}>
          {(c) => (
            <li class="card conversation" classList={{ unread: c.unreadCount > 0 }}>
              <h2 class="conversation-title">
                <A href={`/messages/${encodeURIComponent(c.conversationId)}`}>{conversationName(c)}</A>
                <Show when={c.unreadCount > 0}>
                  {" "}
                  <span class="badge badge-accent">{t("messages.unread", { count: c.unreadCount })}</span>
                </Show>
              </h2>
              <p class="meta">
                <time datetime={c.lastMessageAt}>{formatDateTime(c.lastMessageAt)}</time>
              </p>
              <p class="preview">{c.lastFromMe ? t("messages.fromMe", { text: c.lastPreview }) : c.lastPreview}</p>
            </li>
          )}
        </For>
      </ul>
      <Show when={!list.loading && !error() && list.conversations.length === 0}>
        <p class="empty">
          {t("messages.empty")} <A href="/people">{t("people.nav.directory")}</A>
        </p>
      </Show>
      <Show when={list.loading}>
        <Loading />
      </Show>
      <Show when={list.cursor && !list.loading}>
        <button type="button" class="button" onClick={() => void load(true)}>
          {t("messages.more")}
        </button>
      </Show>
    </>
  );
}
