import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { useQueryParam } from "../../components/query";
import { t } from "../../i18n/events";
import { formatWhen } from "../../events/format";

type Described = InferResponseType<typeof client.api.registrations.cancel.$get, 200>;

/**
 * The cancellation link in every event e-mail. Opening it only shows what it would cancel (mail
 * scanners open links too); the seat is freed when the person confirms here. No sign-in needed.
 */
export default function CancelRegistration() {
  const token = useQueryParam("token");
  const [described, setDescribed] = createSignal<Described>();
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [cancelled, setCancelled] = createSignal(false);
  const action = createAction();
  let outcome: HTMLParagraphElement | undefined;

  onMount(async () => {
    const value = token();
    if (!value) return;
    try {
      const res = await client.api.registrations.cancel.$get({ query: { token: value } });
      if (!res.ok) throw await readError(res);
      setDescribed(await res.json());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoadError(err);
    }
  });

  function cancel(value: string) {
    void action.run(async () => {
      const res = await client.api.registrations.cancel.$post({ json: { token: value } });
      if (!res.ok) throw await readError(res);
      setCancelled(true);
      outcome?.focus();
    });
  }

  return (
    <Page title={t("cancelLink.title")}>
      <Switch fallback={<Loading />}>
        <Match when={!token()}>
          <Alert>{t("link.missingToken")}</Alert>
        </Match>
        <Match when={loadError()}>{(error) => <Alert>{errorText(error())}</Alert>}</Match>
        <Match when={described()}>
          {(registration) => (
            <>
              <dl class="event-facts">
                <div>
                  <dt>{t("cancelLink.event")}</dt>
                  <dd>
                    <A href={`/events/${registration().eventId}`} dir="auto">{registration().title}</A>
                  </dd>
                </div>
                <div>
                  <dt>{t("event.when")}</dt>
                  <dd>{formatWhen(registration())}</dd>
                </div>
                <div>
                  <dt>{t("cancelLink.name")}</dt>
                  <dd>{registration().name}</dd>
                </div>
              </dl>
              <Switch>
                <Match when={cancelled()}>
                  <p class="status status-success" role="status" tabindex="-1" ref={outcome}>
                    {t("cancelLink.done")}
                  </p>
                </Match>
                <Match when={registration().status === "cancelled"}>
                  <Status tone="info">{t("cancelLink.already")}</Status>
                </Match>
                <Match when={registration().status !== "cancelled"}>
                  <p>{t(registration().status === "waitlisted" ? "cancelLink.questionWaitlist" : "cancelLink.question")}</p>
                  <div class="actions">
                    <button type="button" class="button danger" aria-disabled={action.busy() ? "true" : undefined} onClick={() => cancel(token() ?? "")}>
                      {action.busy() ? t("common.sending") : t("cancelLink.submit")}
                    </button>
                    <A href={`/events/${registration().eventId}`} class="button">
                      {t("cancelLink.keep")}
                    </A>
                  </div>
                  <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </Page>
  );
}
