import { createSignal, For, onMount, Show } from "solid-js";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../api";
import { createAction, TextField } from "../../components/Form";
import { createPagedList, ListFooter } from "../../components/paged";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/people";
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
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.messages.reports.$get({ query: { status: "open", ...(cursor ? { cursor } : {}) } });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): Report[] => page.reports,
  });
  const { list, setList, error } = paged;
  const [message, setMessage] = createSignal("");
  onMount(() => void paged.load(false));
  return (
    <>
      <p class="status status-success" role="status" hidden={!message()}>
        {message()}
      </p>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="report-list">
        <For each={list.items}>
          {(report) => (
            <ReportItem
              report={report}
              onResolved={() => {
                setList("items", (reports) => reports.filter((r) => r.reportId !== report.reportId));
                setMessage(t("messages.reports.resolved"));
              }}
            />
          )}
        </For>
      </ul>
      <ListFooter paged={paged} more={t("messages.more")}>
        {t("messages.reports.empty")}
      </ListFooter>
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
