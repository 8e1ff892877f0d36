import { createSignal, For, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n";
import { MembersGate, PeopleNav } from "../people/Gate";
import { segment } from "../people/labels";

type Report = InferResponseType<typeof client.api.messages.reports.$get, 200>["reports"][number];

export default function MessageReports() {
  return (
    <Page title={t("messages.reports.title")} wide>
      <MembersGate staffOnly>
        {() => (
          <>
            <PeopleNav />
            <Queue />
          </>
        )}
      </MembersGate>
    </Page>
  );
}

function Queue() {
  const [list, setList] = createStore<{ reports: Report[]; cursor: string | null; loading: boolean }>({ reports: [], cursor: null, loading: false });
  const [error, setError] = createSignal<ApiError | null>(null);
  const [message, setMessage] = createSignal("");
  async function load(more: boolean) {
    setList("loading", true);
    try {
      const res = await client.api.messages.reports.$get({ query: { status: "open", ...(more && list.cursor ? { cursor: list.cursor } : {}) } });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      setList({ reports: more ? [...list.reports, ...page.reports] : page.reports, cursor: page.cursor });
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
      <p class="status status-success" role="status" hidden={!message()}>
        {message()}
      </p>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="report-list">
        <For each={list.reports}>
          {(report) => (
            <ReportItem
              report={report}
              onResolved={() => {
                setList("reports", (reports) => reports.filter((r) => r.reportId !== report.reportId));
                setMessage(t("messages.reports.resolved"));
              }}
            />
          )}
        </For>
      </ul>
      <Show when={!list.loading && !error() && list.reports.length === 0}>
        <p class="empty">{t("messages.reports.empty")}</p>
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

function ReportItem(props: { report: Report; onResolved(): void }) {
  const [note, setNote] = createSignal("");
  const action = createAction();
  function resolve() {
    void action.run(async () => {
      const res = await client.api.messages.reports[":reportId"].resolve.$post({ param: { reportId: segment(props.report.reportId) }, json: { note: note() } });
      if (!res.ok) throw await readError(res);
      props.onResolved();
    });
  }
  return (
    <li class="report card">
      <p class="meta">{t("messages.reports.by", { reporter: props.report.reporterName, author: props.report.authorName, date: formatDateTime(props.report.createdAt) })}</p>
      <blockquote class="post-quote">
        <p class="prewrap">{props.report.body}</p>
      </blockquote>
      <Show when={props.report.reason}>
        <p>
          <strong>{t("messages.reports.reason")}</strong> {props.report.reason}
        </p>
      </Show>
      <TextField name="note" label={t("messages.reports.note")} value={note()} onValue={setNote} autocomplete="off" />
      <div class="actions">
        <button type="button" class="button primary" onClick={resolve}>
          {t("messages.reports.resolve")}
        </button>
      </div>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </li>
  );
}
