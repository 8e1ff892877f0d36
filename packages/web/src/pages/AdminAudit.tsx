import { For, onMount, Show } from "solid-js";
import { client, errorText, readError } from "../api";
import { SignedIn } from "../components/Guards";
import { Alert } from "../components/Notices";
import { Page } from "../components/Page";
import { createPagedList, ListFooter } from "../components/paged";
import { formatDateTime, t } from "../i18n/info";
import type { AuditEntry } from "./info/api";

/** Admins: the administration log, newest first, paged by key. */
export default function AdminAudit() {
  return (
    <Page title={t("audit.title")} wide>
      <SignedIn>{() => <AuditLog />}</SignedIn>
    </Page>
  );
}

function AuditLog() {
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.audit.$get({ query: cursor ? { cursor } : {} });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): AuditEntry[] => page.entries,
  });
  const { list, error } = paged;
  onMount(() => void paged.load(false));
  const person = (id: string, name: string | null) => name ?? (id.startsWith("usr_") || id === "former_member" ? t("audit.former") : id);
  return (
    <>
      <p class="lead">{t("audit.lead")}</p>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <div class="table-scroll">
        <table aria-busy={list.loading ? "true" : undefined}>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.target")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={list.items}>
              {(e) => (
                <tr>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{person(e.actorId, e.actorName)}</td>
                  <td>
                    {t(`audit.action.${e.action}`)}
                    <Show when={e.detail}> ({e.detail})</Show>
                  </td>
                  <td>{person(e.targetId, e.targetName)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <ListFooter paged={paged} more={t("audit.more")} quietLoading>
        {t("audit.empty")}
      </ListFooter>
    </>
  );
}
