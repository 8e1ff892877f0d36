import { createEffect, createSignal, For, onCleanup, Show } from "solid-js";
import { ApiError, client, errorText, readError } from "../../../api";
import { createLoader } from "../../../components/loader";
import { Alert } from "../../../components/Notices";
import { formatDateTime, t } from "../../../i18n/newsletter";
import type { IssueProgress } from "./api";

export const PROGRESS_POLL_MS = 3000;
const COUNTS = ["sent", "failed", "unknown", "remaining"] as const satisfies readonly (keyof IssueProgress)[];

/**
 * Sending progress of the latest issues. While one is being sent, or an approved issue is due, it
 * asks again every few seconds; `onStarted` tells when a new issue began sending.
 */
export function Progress(props: { expectingSend: boolean; onStarted(): void }) {
  // The newest issue number seen so far (0: none was ever sent); undefined until the first answer.
  let latestNumber: number | undefined;
  const progress = createLoader(async () => {
    const res = await client.api.newsletter.progress.$get();
    if (!res.ok) throw await readError(res);
    const { issues } = await res.json();
    const newest = issues[0]?.number ?? 0;
    if (latestNumber !== undefined && newest > latestNumber) props.onStarted();
    latestNumber = Math.max(newest, latestNumber ?? 0);
    return issues;
  });
  const sending = () => progress.data()?.some((issue) => issue.status === "sending") ?? false;

  createEffect(() => {
    if (!sending() && !props.expectingSend) return;
    const timer = setInterval(() => void progress.reload(), PROGRESS_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });

  return (
    <>
      <Show when={progress.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={progress.data()} fallback={<Show when={!progress.error()}><p class="loading">{t("common.loading")}</p></Show>}>
        {(issues) => (
          <Show when={issues().length > 0} fallback={<p class="empty">{t("newsletterAdmin.progress.empty")}</p>}>
            {/* Not a live region: counts change every few seconds while sending, too often to read out. */}
            <ul class="progress-list">
              <For each={issues()}>{(issue) => <ProgressItem issue={issue} onResent={() => void progress.reload()} />}</For>
            </ul>
            <p class="hint">{t("newsletterAdmin.progress.unknownHint")}</p>
          </Show>
        )}
      </Show>
    </>
  );
}

function ProgressItem(props: { issue: IssueProgress; onResent(): void }) {
  const done = () => props.issue.sent + props.issue.failed + props.issue.unknown;
  const [resendError, setResendError] = createSignal<string | null>(null);
  const [resending, setResending] = createSignal(false);
  async function resendUnknown() {
    if (!window.confirm(t("newsletterAdmin.progress.resendConfirm", { count: props.issue.unknown }))) return;
    setResending(true);
    setResendError(null);
    try {
      const res = await client.api.newsletter.issues[":issueId"]["resend-unknown"].$post({ param: { issueId: props.issue.issueId }, json: {} });
      if (!res.ok) throw await readError(res);
      props.onResent();
    } catch (err) {
      setResendError(err instanceof ApiError ? errorText(err) : String(err));
    } finally {
      setResending(false);
    }
  }
  return (
    <li class="progress-item">
      <p class="progress-title">
        <span>{t("newsletterAdmin.progress.issue", { number: props.issue.number, subject: props.issue.subject })}</span>
        <span class="badge" classList={{ "badge-accent": props.issue.status === "sending" }}>
          {t(`newsletterAdmin.progress.status.${props.issue.status}`)}
        </span>
      </p>
      <Show when={props.issue.recipientCount > 0}>
        <progress
          max={props.issue.recipientCount}
          value={done()}
          aria-label={t("newsletterAdmin.progress.bar", { done: done(), total: props.issue.recipientCount })}
        />
      </Show>
      <dl class="progress-counts">
        <For each={COUNTS}>
          {(kind) => (
            <div classList={{ [`count-${kind}`]: true, "count-nonzero": props.issue[kind] > 0 }}>
              <dt>{t(`newsletterAdmin.progress.${kind}`)}</dt>
              <dd>{props.issue[kind]}</dd>
            </div>
          )}
        </For>
      </dl>
      <Show when={props.issue.unknown > 0 && props.issue.status === "sent"}>
        <button type="button" class="button" disabled={resending()} onClick={() => void resendUnknown()}>
          {t("newsletterAdmin.progress.resendUnknown", { count: props.issue.unknown })}
        </button>
      </Show>
      <Show when={resendError()}>{(message) => <Alert>{message()}</Alert>}</Show>
      <p class="meta">
        <Show when={props.issue.sentAt} fallback={<Show when={props.issue.sendStartedAt}>{(at) => t("newsletterAdmin.progress.started", { date: formatDateTime(at()) })}</Show>}>
          {(at) => t("newsletterAdmin.progress.finished", { date: formatDateTime(at()) })}
        </Show>
      </p>
    </li>
  );
}
