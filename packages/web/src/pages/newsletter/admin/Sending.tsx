import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../../api";
import { createAction } from "../../../components/Form";
import { Alert, Status } from "../../../components/Notices";
import { formatDateTime, t } from "../../../i18n/newsletter";
import type { NextIssue } from "./api";

type Preview = InferResponseType<typeof client.api.newsletter.next.preview.$get, 200>;

/** Whether an approved issue waits only for the scheduler to pick it up. */
export const dueNow = (issue: NextIssue) => issue.status === "approved" && !!issue.sendAfter && Date.parse(issue.sendAfter) <= Date.now();

/** Preview, test mail, approval for the next slot or right away, and taking an approval back. */
export function Sending(props: { issue: NextIssue; onIssue(issue: NextIssue): void; subscribers?: number; previewVersion: number }) {
  const previewAction = createAction();
  const testAction = createAction();
  const approveAction = createAction();
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [previewOf, setPreviewOf] = createSignal(-1);
  const [testSentTo, setTestSentTo] = createSignal<string | null>(null);
  const [confirmingNow, setConfirmingNow] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  let sendNowButton: HTMLButtonElement | undefined;
  let cancelNowButton: HTMLButtonElement | undefined;
  let messageElement: HTMLParagraphElement | undefined;

  function loadPreview() {
    const version = props.previewVersion;
    void previewAction.run(async () => {
      const res = await client.api.newsletter.next.preview.$get();
      if (!res.ok) throw await readError(res);
      setPreview(await res.json());
      setPreviewOf(version);
    });
  }

  function sendTest() {
    setTestSentTo(null);
    void testAction.run(async () => {
      const res = await client.api.newsletter.next.test.$post({ json: {} });
      if (!res.ok) throw await readError(res);
      setTestSentTo((await res.json()).to);
    });
  }

  function approve(sendNow: boolean) {
    setMessage(null);
    void approveAction.run(async () => {
      const res = await client.api.newsletter.next.approve.$post({ json: { sendNow } });
      if (!res.ok) throw await readError(res);
      setConfirmingNow(false);
      props.onIssue((await res.json()).issue);
      setMessage(t("newsletterAdmin.approved"));
      messageElement?.focus();
    });
  }

  function withdraw() {
    setMessage(null);
    void approveAction.run(async () => {
      const res = await client.api.newsletter.next.withdraw.$post({ json: {} });
      if (!res.ok) throw await readError(res);
      props.onIssue((await res.json()).issue);
      setMessage(t("newsletterAdmin.withdrawn"));
      messageElement?.focus();
    });
  }

  const stale = () => preview() !== null && previewOf() !== props.previewVersion;
  // A preview on screen follows the edits, so what is approved is what was looked at.
  createEffect(on(() => props.previewVersion, () => preview() && loadPreview(), { defer: true }));

  return (
    <>
      <div class="actions">
        <button type="button" class="button" aria-disabled={previewAction.busy() ? "true" : undefined} onClick={loadPreview}>
          {preview() ? t("newsletterAdmin.preview.refresh") : t("newsletterAdmin.preview.show")}
        </button>
        <button type="button" class="button" aria-disabled={testAction.busy() ? "true" : undefined} onClick={sendTest}>
          {testAction.busy() ? t("common.sending") : t("newsletterAdmin.test")}
        </button>
      </div>
      <Show when={previewAction.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={testAction.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={testSentTo()}>{(to) => <Status>{t("newsletterAdmin.testSent", { email: to() })}</Status>}</Show>
      <Show when={preview()}>
        {(current) => (
          <div class="preview" classList={{ "preview-stale": stale() }}>
            <p class="preview-subject">{t("newsletterAdmin.preview.subject", { subject: current().subject })}</p>
            {/* sandbox="" : the mail's HTML runs no script and cannot reach this page or navigate it. */}
            <iframe class="preview-frame" title={t("newsletterAdmin.preview.frame")} sandbox="" srcdoc={current().html} />
            <details class="disclosure">
              <summary>{t("newsletterAdmin.preview.text")}</summary>
              <pre class="preview-text" lang="de">
                {current().text}
              </pre>
            </details>
          </div>
        )}
      </Show>

      <div class="approval">
        <p class="status status-success" role="status" tabindex="-1" ref={messageElement} hidden={!message()}>
          {message()}
        </p>
        <Switch>
          <Match when={props.issue.status === "approved"}>
            <div class="actions">
              <button type="button" class="button" aria-disabled={approveAction.busy() ? "true" : undefined} onClick={withdraw}>
                {t("newsletterAdmin.withdraw")}
              </button>
            </div>
          </Match>
          <Match when={props.issue.status === "draft"}>
            <Show when={!props.issue.hasNews}>
              <p class="hint" id="no-news-hint">
                {t("newsletterAdmin.noNewsHint")}
              </p>
            </Show>
            <div class="actions">
              <button
                type="button"
                class="button primary"
                aria-disabled={approveAction.busy() ? "true" : undefined}
                aria-describedby={props.issue.hasNews ? undefined : "no-news-hint"}
                onClick={() => approve(false)}
              >
                {t("newsletterAdmin.approve", { date: formatDateTime(props.issue.nextSlot) })}
              </button>
              <button
                type="button"
                class="button"
                ref={sendNowButton}
                aria-expanded={confirmingNow()}
                aria-describedby={props.issue.hasNews ? undefined : "no-news-hint"}
                onClick={() => {
                  setConfirmingNow(true);
                  cancelNowButton?.focus();
                }}
              >
                {t("newsletterAdmin.sendNow")}
              </button>
            </div>
            <Show when={confirmingNow()}>
              <div class="confirm" role="group" aria-labelledby="confirm-send-now">
                <p id="confirm-send-now">{t("newsletterAdmin.confirmSendNow", { count: props.subscribers ?? "…" })}</p>
                <div class="actions">
                  <button type="button" class="button primary" onClick={() => approve(true)}>
                    {t("newsletterAdmin.confirmSendNow.yes")}
                  </button>
                  <button
                    type="button"
                    class="button"
                    ref={cancelNowButton}
                    onClick={() => {
                      setConfirmingNow(false);
                      sendNowButton?.focus();
                    }}
                  >
                    {t("common.cancel")}
                  </button>
                </div>
              </div>
            </Show>
          </Match>
        </Switch>
        <Show when={approveAction.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      </div>
    </>
  );
}
