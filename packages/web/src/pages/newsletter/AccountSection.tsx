import { createSignal, createUniqueId, onMount, Show, type Accessor } from "solid-js";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { t } from "../../i18n/newsletter";
import type { Account } from "../../session";

type MemberSubscription = InferResponseType<typeof client.api.newsletter.me.$get, 200>;

/** The account page's newsletter switch: members are verified already, so no confirmation link. */
export function NewsletterSection(props: { account: Accessor<Account> }) {
  return (
    <section class="card" id="newsletter" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">{t("newsletterAccount.title")}</h2>
      <p>{t("newsletterAccount.intro", { email: props.account().email })}</p>
      <Show when={props.account().status === "approved"} fallback={<p class="meta">{t("newsletterAccount.pending")}</p>}>
        <SubscriptionSwitch email={props.account().email} />
      </Show>
    </section>
  );
}

function SubscriptionSwitch(props: { email: string }) {
  const id = createUniqueId();
  const [subscription, setSubscription] = createSignal<MemberSubscription>();
  const load = createAction();
  const save = createAction();
  onMount(() =>
    void load.run(async () => {
      const res = await client.api.newsletter.me.$get();
      if (!res.ok) throw await readError(res);
      setSubscription(await res.json());
    }),
  );

  function change(box: HTMLInputElement) {
    const wanted = box.checked;
    void save
      .run(async () => {
        const res = await client.api.newsletter.me.$put({ json: { subscribed: wanted } });
        if (!res.ok) throw await readError(res);
        setSubscription(await res.json());
      })
      .then(() => {
        box.checked = subscription()?.subscribed ?? false;
      });
  }

  return (
    <>
      <Show when={load.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={subscription()} fallback={<Show when={!load.error()}><Loading /></Show>}>
        {(current) => (
          <>
            <div class="switch-field">
              <input
                type="checkbox"
                role="switch"
                id={id}
                checked={current().subscribed}
                disabled={current().suppressed}
                aria-describedby={`${id}-state`}
                aria-busy={save.busy() ? "true" : undefined}
                onChange={(event) => change(event.currentTarget)}
              />
              <label for={id}>{t("newsletterAccount.switch")}</label>
            </div>
            <p class="meta" id={`${id}-state`} role="status">
              {current().subscribed ? t("newsletterAccount.on") : t("newsletterAccount.off")}
            </p>
            <Show when={current().suppressed}>
              <p class="callout callout-warning">{t("newsletterAccount.suppressed", { email: props.email })}</p>
            </Show>
          </>
        )}
      </Show>
      <Show when={save.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </>
  );
}
