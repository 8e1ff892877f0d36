import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { useQueryParam } from "../../components/query";
import { t } from "../../i18n";
import { SubscribeForm } from "./SubscribeForm";

type Subscription = InferResponseType<typeof client.api.newsletter.unsubscribe.$get, 200>;

/** The unsubscribe link of every issue: shows whose subscription it is, and ends it on request. */
export default function NewsletterUnsubscribe() {
  const token = useQueryParam("token");
  const [subscription, setSubscription] = createSignal<Subscription>();
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [done, setDone] = createSignal(false);
  const action = createAction();
  let doneMessage: HTMLParagraphElement | undefined;

  onMount(async () => {
    const value = token();
    if (!value) return;
    try {
      const res = await client.api.newsletter.unsubscribe.$get({ query: { token: value } });
      if (!res.ok) throw await readError(res);
      setSubscription(await res.json());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoadError(err);
    }
  });

  function unsubscribe(value: string) {
    void action.run(async () => {
      const res = await client.api.newsletter.unsubscribe.$post({ query: { token: value } });
      if (!res.ok) throw await readError(res);
      const { email } = await res.json();
      setSubscription({ email, status: "unsubscribed" });
      setDone(true);
      doneMessage?.focus();
    });
  }

  return (
    <Page title={t("newsletter.unsubscribe.title")}>
      <Switch fallback={<Status tone="info">{t("newsletter.unsubscribe.loading")}</Status>}>
        <Match when={!token()}>
          <Alert>{t("link.missingToken")}</Alert>
        </Match>
        <Match when={loadError()}>{(err) => <Alert>{errorText(err())}</Alert>}</Match>
        <Match when={subscription()}>
          {(current) => (
            <>
              <p class="status status-success" role="status" tabindex="-1" ref={doneMessage} hidden={!done()}>
                {done() ? t("newsletter.unsubscribe.done", { email: current().email }) : ""}
              </p>
              <Show when={!done()}>
                <h2>{t("newsletter.unsubscribe.for", { email: current().email })}</h2>
                <p>{t(`newsletter.unsubscribe.status.${current().status}`)}</p>
              </Show>
              <Show when={current().status === "active" || current().status === "pending"}>
                <div class="actions">
                  <button
                    type="button"
                    class="button primary"
                    aria-disabled={action.busy() ? "true" : undefined}
                    onClick={() => {
                      const value = token();
                      if (value) unsubscribe(value);
                    }}
                  >
                    {action.busy() ? t("common.sending") : t("newsletter.unsubscribe.submit")}
                  </button>
                </div>
              </Show>
              <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
              <Show when={current().status === "unsubscribed"}>
                <section class="card resubscribe" aria-labelledby="resubscribe-title">
                  <h2 id="resubscribe-title">{t("newsletter.unsubscribe.again.title")}</h2>
                  <p>{t("newsletter.unsubscribe.again.text")}</p>
                  <SubscribeForm email={current().email} labelledBy="resubscribe-title" />
                </section>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </Page>
  );
}
