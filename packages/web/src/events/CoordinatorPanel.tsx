import { createSignal, Show } from "solid-js";
import { A } from "@solidjs/router";
import { client, errorText, readError } from "../api";
import { createAction } from "../components/Form";
import { Alert } from "../components/Notices";
import { t } from "../i18n/events";
import { segment } from "./links";
import type { EventView } from "./types";

/** What coordinators do with an event from its page: edit, publish, see participants, check in, cancel. */
export function CoordinatorPanel(props: { event: EventView; onEvent(event: EventView): void }) {
  const action = createAction();
  const [confirming, setConfirming] = createSignal(false);
  const [done, setDone] = createSignal<"published" | "cancelled" | null>(null);
  let cancelButton: HTMLButtonElement | undefined;
  let keepButton: HTMLButtonElement | undefined;
  let message: HTMLParagraphElement | undefined;
  const base = () => `/events/${props.event.eventId}`;
  const registered = () => props.event.confirmedCount + props.event.waitlistCount;

  function publish() {
    void action.run(async () => {
      const res = await client.api.events[":eventId"].publish.$post({ param: { eventId: segment(props.event.eventId) }, json: {} });
      if (!res.ok) throw await readError(res);
      props.onEvent((await res.json()).event);
      setDone("published");
      message?.focus();
    });
  }

  function cancelEvent() {
    void action.run(async () => {
      const res = await client.api.events[":eventId"].cancel.$post({ param: { eventId: segment(props.event.eventId) }, json: {} });
      if (!res.ok) throw await readError(res);
      setConfirming(false);
      props.onEvent((await res.json()).event);
      setDone("cancelled");
      message?.focus();
    });
  }

  return (
    <section class="card coordinator-panel" aria-labelledby="coordinator-title">
      <h2 id="coordinator-title">{t("eventAdmin.title")}</h2>
      <p class="status status-success" role="status" tabindex="-1" ref={message} hidden={!done()}>
        {done() === "published" ? t("eventAdmin.published") : done() === "cancelled" ? t("eventAdmin.cancelled") : ""}
      </p>
      <ul class="link-list">
        <Show when={props.event.status !== "cancelled"}>
          <li>
            <A href={`${base()}/edit`}>{t("eventAdmin.edit")}</A>
          </li>
        </Show>
        <li>
          <A href={`${base()}/participants`}>{t("eventAdmin.participants", { count: props.event.confirmedCount })}</A>
        </li>
        <Show when={props.event.status === "published"}>
          <li>
            <A href={`${base()}/check-in`}>{t("eventAdmin.checkIn")}</A>
          </li>
        </Show>
      </ul>
      <div class="actions">
        <Show when={props.event.status === "draft"}>
          <button type="button" class="button primary" aria-disabled={action.busy() ? "true" : undefined} onClick={publish}>
            {t("eventAdmin.publish")}
          </button>
        </Show>
        <Show when={props.event.status !== "cancelled" && !confirming()}>
          <button
            type="button"
            class="button danger"
            ref={cancelButton}
            onClick={() => {
              setConfirming(true);
              keepButton?.focus();
            }}
          >
            {t("eventAdmin.cancelEvent")}
          </button>
        </Show>
      </div>
      <Show when={confirming()}>
        <div class="confirm" role="group" aria-labelledby="cancel-event-question">
          <p id="cancel-event-question">
            {props.event.status === "published" && registered() > 0
              ? t("eventAdmin.cancelQuestionNotify", { count: registered() })
              : t("eventAdmin.cancelQuestion")}
          </p>
          <div class="actions">
            <button type="button" class="button danger" aria-disabled={action.busy() ? "true" : undefined} onClick={cancelEvent}>
              {action.busy() ? t("common.sending") : t("eventAdmin.cancelYes")}
            </button>
            <button
              type="button"
              class="button"
              ref={keepButton}
              onClick={() => {
                setConfirming(false);
                cancelButton?.focus();
              }}
            >
              {t("eventAdmin.cancelNo")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
    </section>
  );
}
