import { createSignal, createUniqueId, Show } from "solid-js";
import { A } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { TokenLink } from "../../components/TokenLink";
import { t } from "../../i18n/forum";

type Link = InferResponseType<typeof client.api.forum.unsubscribe.$get, 200>;
type Outcome = InferResponseType<typeof client.api.forum.unsubscribe.$post, 200>;

/**
 * The link in every reply e-mail; works without signing in. Opening it only shows what it would
 * do (mail scanners open links too); the member then chooses this thread or all forum e-mail.
 */
export default function ForumUnsubscribe() {
  const describe = async (token: string) => {
    const res = await client.api.forum.unsubscribe.$get({ query: { token } });
    if (!res.ok) throw await readError(res);
    return { token, link: await res.json() };
  };
  return (
    <Page title={t("forum.unsubscribe.title")}>
      <TokenLink redeem={describe} working={t("forum.unsubscribe.loading")} done={(found) => <Choice token={found.token} link={found.link} />} />
    </Page>
  );
}

/** This thread or all forum e-mail, chosen by the member once the link is known to be good. */
function Choice(props: { token: string; link: Link }) {
  const choiceName = createUniqueId();
  const [all, setAll] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome>();
  const action = createAction();
  let doneMessage: HTMLParagraphElement | undefined;

  function unsubscribe(event: SubmitEvent) {
    event.preventDefault();
    void action.run(async () => {
      const res = await client.api.forum.unsubscribe.$post({ json: { token: props.token, all: all() } });
      if (!res.ok) throw await readError(res);
      setOutcome(await res.json());
      doneMessage?.focus();
    });
  }

  return (
    <>
      <p class="status status-success" role="status" tabindex="-1" ref={doneMessage} hidden={!outcome()}>
        <Show when={outcome()}>
          {(done) =>
            done().emailNotifications
              ? t("forum.unsubscribe.doneThread", { title: done().threadTitle })
              : t("forum.unsubscribe.doneAll", { title: done().threadTitle })
          }
        </Show>
      </p>
      <Show when={!outcome()}>
        <h2>{t("forum.unsubscribe.for", { title: props.link.threadTitle })}</h2>
        <Show when={!props.link.following}>
          <p>{t("forum.unsubscribe.notFollowing")}</p>
        </Show>
        <form class="form" onSubmit={unsubscribe}>
          <fieldset class="radio-group">
            <legend>{t("forum.unsubscribe.choice")}</legend>
            <div class="radio">
              <input type="radio" id={`${choiceName}-thread`} name={choiceName} checked={!all()} onChange={() => setAll(false)} />
              <label for={`${choiceName}-thread`}>{t("forum.unsubscribe.thread")}</label>
            </div>
            <div class="radio">
              <input type="radio" id={`${choiceName}-all`} name={choiceName} checked={all()} onChange={() => setAll(true)} />
              <label for={`${choiceName}-all`}>{t("forum.unsubscribe.all")}</label>
            </div>
          </fieldset>
          <div class="actions">
            <button type="submit" class="button primary" aria-disabled={action.busy() ? "true" : undefined}>
              {action.busy() ? t("common.sending") : t("forum.unsubscribe.submit")}
            </button>
          </div>
        </form>
      </Show>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={outcome()}>
        <p>
          {t("forum.unsubscribe.settingsHint")} <A href="/forum/settings">{t("forum.unsubscribe.settingsLink")}</A>
        </p>
      </Show>
    </>
  );
}
