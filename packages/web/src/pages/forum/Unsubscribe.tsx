import { createSignal, createUniqueId, Match, onMount, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { useQueryParam } from "../../components/query";
import { t } from "../../i18n";

type Link = InferResponseType<typeof client.api.forum.unsubscribe.$get, 200>;
type Outcome = InferResponseType<typeof client.api.forum.unsubscribe.$post, 200>;

/**
 * The link in every reply e-mail; works without signing in. Opening it only shows what it would
 * do (mail scanners open links too); the member then chooses this thread or all forum e-mail.
 */
export default function ForumUnsubscribe() {
  const token = useQueryParam("token");
  const choiceName = createUniqueId();
  const [link, setLink] = createSignal<Link>();
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [all, setAll] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome>();
  const action = createAction();
  let doneMessage: HTMLParagraphElement | undefined;

  onMount(async () => {
    const value = token();
    if (!value) return;
    try {
      const res = await client.api.forum.unsubscribe.$get({ query: { token: value } });
      if (!res.ok) throw await readError(res);
      setLink(await res.json());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoadError(err);
    }
  });

  function unsubscribe(event: SubmitEvent) {
    event.preventDefault();
    const value = token();
    if (!value) return;
    void action.run(async () => {
      const res = await client.api.forum.unsubscribe.$post({ json: { token: value, all: all() } });
      if (!res.ok) throw await readError(res);
      setOutcome(await res.json());
      doneMessage?.focus();
    });
  }

  return (
    <Page title={t("forum.unsubscribe.title")}>
      <Switch fallback={<Status tone="info">{t("forum.unsubscribe.loading")}</Status>}>
        <Match when={!token()}>
          <Alert>{t("link.missingToken")}</Alert>
        </Match>
        <Match when={loadError()}>{(err) => <Alert>{errorText(err())}</Alert>}</Match>
        <Match when={link()}>
          {(current) => (
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
                <h2>{t("forum.unsubscribe.for", { title: current().threadTitle })}</h2>
                <Show when={!current().following}>
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
          )}
        </Match>
      </Switch>
    </Page>
  );
}
