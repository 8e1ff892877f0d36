import { createSignal, Show } from "solid-js";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { TokenLink } from "../../components/TokenLink";
import { t } from "../../i18n/newsletter";
import { SubscribeForm } from "./SubscribeForm";

type Subscription = InferResponseType<typeof client.api.newsletter.unsubscribe.$get, 200>;

/** The unsubscribe link of every issue: shows whose subscription it is, and ends it on request. */
export default function NewsletterUnsubscribe() {
  const describe = async (token: string) => {
    const res = await client.api.newsletter.unsubscribe.$get({ query: { token } });
    if (!res.ok) throw await readError(res);
    return { token, subscription: await res.json() };
  };
  return (
    <Page title={t("newsletter.unsubscribe.title")}>
      <TokenLink
        redeem={describe}
        working={t("newsletter.unsubscribe.loading")}
        done={(found) => <UnsubscribeChoice token={found.token} subscription={found.subscription} />}
      />
    </Page>
  );
}

function UnsubscribeChoice(props: { token: string; subscription: Subscription }) {
  const [current, setCurrent] = createSignal(props.subscription);
  const [done, setDone] = createSignal(false);
  const action = createAction();
  let doneMessage: HTMLParagraphElement | undefined;

  function unsubscribe() {
    void action.run(async () => {
      const res = await client.api.newsletter.unsubscribe.$post({ query: { token: props.token } });
      if (!res.ok) throw await readError(res);
      const { email } = await res.json();
      setCurrent({ email, status: "unsubscribed" });
      setDone(true);
      doneMessage?.focus();
    });
  }

  return (
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
          <button type="button" class="button primary" aria-disabled={action.busy() ? "true" : undefined} onClick={unsubscribe}>
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
  );
}
