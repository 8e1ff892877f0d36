import { For, onMount, Show } from "solid-js";
import { A } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../api";
import { refreshUnreadMessages } from "../../components/messages-unread";
import { createPagedList, ListFooter } from "../../components/paged";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/people";
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
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.messages.$get({ query: cursor ? { cursor } : {} });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): Summary[] => page.conversations,
    onPage: () => void refreshUnreadMessages().catch(() => undefined),
  });
  const { list, error } = paged;
  onMount(() => void paged.load(false));

  return (
    <>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="conversation-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>
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
      <ListFooter paged={paged} more={t("messages.more")}>
        {t("messages.empty")} <A href="/people">{t("people.nav.directory")}</A>
      </ListFooter>
    </>
  );
}
