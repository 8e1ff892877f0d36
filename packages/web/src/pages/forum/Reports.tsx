import { createEffect, createSignal, createUniqueId, For, on, Show } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createAction, TextField } from "../../components/Form";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { createPagedList, ListFooter } from "../../components/paged";
import { formatDateTime, t } from "../../i18n/forum";
import { REPORT_STATUSES, segment, threadHref, type PostAction, type QueuedReport, type ReportStatus } from "./data";
import { ForumGate, ForumNav } from "./Gate";

export default function ForumReports() {
  return (
    <Page title={t("forum.reports.title")} wide>
      <ForumGate staffOnly>
        {() => (
          <>
            <ForumNav />
            <ReportQueue />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

function ReportQueue() {
  const [params] = useSearchParams();
  const status = (): ReportStatus => REPORT_STATUSES.find((s) => s === params.status) ?? "open";
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.forum.reports.$get({ query: { status: status(), cursor } });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): QueuedReport[] => page.reports,
  });
  const { list, setList, error } = paged;
  const [message, setMessage] = createSignal("");
  let messageElement: HTMLParagraphElement | undefined;

  createEffect(
    on(status, () => {
      setMessage("");
      setList({ items: [], cursor: null });
      void paged.load(false);
    }),
  );

  function resolved(reportId: string, text: string) {
    setList("items", (reports) => reports.filter((r) => r.reportId !== reportId));
    setMessage(text);
    // The report's buttons are gone with it: the outcome keeps the keyboard focus.
    messageElement?.focus();
  }

  return (
    <div class="forum reports">
      <nav class="tabs" aria-label={t("forum.reports.tabs")}>
        <ul>
          <For each={REPORT_STATUSES}>
            {(tab) => (
              <li>
                <a href={`/forum/reports?${new URLSearchParams({ status: tab })}`} aria-current={tab === status() ? "page" : undefined}>
                  {t(`forum.reports.tab.${tab}`)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <p class="status status-success" role="status" tabindex="-1" ref={messageElement} hidden={!message()}>
        {message()}
      </p>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="report-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>{(report) => <ReportItem report={report} onResolved={resolved} onPost={(post) => setList("items", (r) => r.reportId === report.reportId, "post", post)} />}</For>
      </ul>
      <ListFooter paged={paged} more={t("forum.reports.loadMore")}>
        {t(`forum.reports.empty.${status()}`)}
      </ListFooter>
    </div>
  );
}

function ReportItem(props: { report: QueuedReport; onResolved(reportId: string, message: string): void; onPost(post: QueuedReport["post"]): void }) {
  const titleId = createUniqueId();
  const action = createAction();
  const [note, setNote] = createSignal("");

  function moderatePost(kind: PostAction) {
    void action.run(async () => {
      const res = await client.api.forum.threads[":threadId"].posts[":postId"].moderate.$post({
        param: { threadId: segment(props.report.threadId), postId: segment(props.report.postId) },
        json: { action: kind, reason: props.report.reason },
      });
      if (!res.ok) throw await readError(res);
      const { post } = await res.json();
      const current = props.report.post;
      if (current) props.onPost({ ...current, status: post.status, excerpt: post.status === "deleted" ? null : current.excerpt });
    });
  }

  function resolve(outcome: "dismissed" | "actioned") {
    void action.run(async () => {
      const res = await client.api.forum.reports[":reportId"].resolve.$post({
        param: { reportId: segment(props.report.reportId) },
        json: { outcome, note: note().trim() || undefined },
      });
      if (!res.ok) throw await readError(res);
      props.onResolved(props.report.reportId, t(`forum.reports.resolved.${outcome}`));
    });
  }

  return (
    <li class="report" aria-labelledby={titleId} aria-busy={action.busy() ? "true" : undefined}>
      <h2 id={titleId} class="report-title">
        <A href={threadHref(props.report.threadId, props.report.postId)}>{props.report.threadTitle ?? t("forum.reports.threadGone")}</A>
      </h2>
      <Show when={props.report.post} fallback={<p class="post-placeholder">{t("forum.reports.postGone")}</p>}>
        {(post) => (
          <div class="report-post">
            <p class="meta">
              {t("forum.reports.postBy", { name: post().authorName })}
              <Show when={post().status !== "visible"}>
                <span class="badge badge-warning">{t(post().status === "hidden" ? "forum.badge.hidden" : "forum.badge.deleted")}</span>
              </Show>
            </p>
            <blockquote class="post-quote">
              <p>{post().excerpt ?? t("forum.post.deleted")}</p>
            </blockquote>
          </div>
        )}
      </Show>
      <p class="report-reason">
        <strong>{t("forum.reports.reason", { name: props.report.reporterName, date: formatDateTime(props.report.createdAt) })}</strong> {props.report.reason}
      </p>
      <Show
        when={props.report.status === "open"}
        fallback={
          <p class="meta">
            {t(`forum.reports.outcome.${props.report.outcome ?? "dismissed"}`, { name: props.report.resolvedByName ?? "", date: formatDateTime(props.report.resolvedAt ?? props.report.createdAt) })}
            <Show when={props.report.note}>
              {(text) => (
                <>
                  {" "}
                  – {text()}
                </>
              )}
            </Show>
          </p>
        }
      >
        <div class="actions">
          <Show when={props.report.post?.status === "visible"}>
            <button type="button" class="button small" aria-describedby={titleId} onClick={() => moderatePost("hide")}>
              {t("forum.post.moderate.hide")}
            </button>
          </Show>
          <Show when={props.report.post?.status === "hidden"}>
            <button type="button" class="button small" aria-describedby={titleId} onClick={() => moderatePost("unhide")}>
              {t("forum.post.moderate.unhide")}
            </button>
          </Show>
        </div>
        <TextField name="note" label={t("forum.reports.note")} value={note()} onValue={setNote} autocomplete="off" />
        <div class="actions">
          <button type="button" class="button primary" aria-describedby={titleId} onClick={() => resolve("actioned")}>
            {t("forum.reports.resolve.actioned")}
          </button>
          <button type="button" class="button" aria-describedby={titleId} onClick={() => resolve("dismissed")}>
            {t("forum.reports.resolve.dismissed")}
          </button>
        </div>
      </Show>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </li>
  );
}
