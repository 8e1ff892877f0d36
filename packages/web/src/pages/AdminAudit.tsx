import { createSignal, For, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, client, errorText, readError } from "../api";
import { SignedIn } from "../components/Guards";
import { Alert } from "../components/Notices";
import { Page } from "../components/Page";
import { formatDateTime, t } from "../i18n";
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
  const [list, setList] = createStore<{ entries: AuditEntry[]; cursor: string | null }>({ entries: [], cursor: null });
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<ApiError | null>(null);
  async function load(more: boolean) {
    setLoading(true);
    setError(null);
    try {
      const res = await client.api.audit.$get({ query: more && list.cursor ? { cursor: list.cursor } : {} });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      setList({ entries: more ? [...list.entries, ...page.entries] : page.entries, cursor: page.cursor });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setLoading(false);
    }
  }
  onMount(() => void load(false));
  const person = (id: string, name: string | null) => name ?? (id.startsWith("usr_") || id === "former_member" ? t("audit.former") : id);
  return (
    <>
      <p class="lead">{t("audit.lead")}</p>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <div class="table-scroll">
        <table aria-busy={loading() ? "true" : undefined}>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.target")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={list.entries}>
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
      <Show when={!loading() && list.entries.length === 0 && !error()}>
        <p class="empty">{t("audit.empty")}</p>
      </Show>
      <Show when={list.cursor && !loading()}>
        <button type="button" class="button" onClick={() => void load(true)}>
          {t("audit.more")}
        </button>
      </Show>
    </>
  );
}
