import { For, onMount, Show } from "solid-js";
import { A } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createPagedList, ListFooter } from "../../components/paged";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/forum";
import { categoryHref, groupHref, threadHref, type ModLogEntry } from "./data";
import { ForumGate, ForumNav } from "./Gate";

export default function ForumModerationLog() {
  return (
    <Page title={t("forum.log.title")} wide>
      <ForumGate staffOnly>
        {() => (
          <>
            <ForumNav />
            <LogList />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

/** The details worth showing: a reason, a note, an outcome or a new name, never internal ids. */
const SHOWN_DETAILS = ["reason", "note", "name", "outcome", "role"] as const;

function detailText(entry: ModLogEntry): string {
  return SHOWN_DETAILS.flatMap((key) => {
    const value = entry.details[key];
    if (!value) return [];
    if (key === "outcome" && (value === "dismissed" || value === "actioned")) return [t(`forum.reports.outcomeShort.${value}`)];
    if (key === "role" && (value === "member" || value === "moderator")) return [t(`forum.group.role.${value}`)];
    return [value];
  }).join(" · ");
}

function targetHref(entry: ModLogEntry): string | null {
  if (entry.threadId) return threadHref(entry.threadId, entry.postId);
  if (entry.groupId) return groupHref(entry.groupId);
  if (entry.categoryId) return categoryHref(entry.categoryId);
  return null;
}

function LogList() {
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.forum["moderation-log"].$get({ query: { cursor } });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): ModLogEntry[] => page.entries,
  });
  const { list, error } = paged;
  onMount(() => void paged.load(false));

  return (
    <div class="forum mod-log">
      <p class="lead">{t("forum.log.lead")}</p>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ol class="log-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>
          {(entry) => (
            <li class="log-entry">
              <p>
                <strong>{t(`forum.modAction.${entry.action}`)}</strong>{" "}
                <Show when={targetHref(entry)}>
                  {(href) => <A href={href()}>{t("forum.log.target")}</A>}
                </Show>
              </p>
              <p class="meta">
                <time datetime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                <span>{entry.actorName}</span>
                <Show when={detailText(entry)}>{(text) => <span>{text()}</span>}</Show>
              </p>
            </li>
          )}
        </For>
      </ol>
      <ListFooter paged={paged} more={t("forum.log.loadMore")}>
        {t("forum.log.empty")}
      </ListFooter>
    </div>
  );
}
