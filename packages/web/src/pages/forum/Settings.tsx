import { createSignal, createUniqueId, Show } from "solid-js";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/forum";
import { ForumGate, ForumNav } from "./Gate";

export default function ForumSettings() {
  return (
    <Page title={t("forum.settings.title")}>
      <ForumGate>
        {() => (
          <>
            <ForumNav />
            <SettingsForm />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

/** Forum e-mail on or off: mentions come at once, replies in followed threads at most hourly. */
function SettingsForm() {
  const id = createUniqueId();
  const action = createAction();
  const [saved, setSaved] = createSignal("");
  const [enabled, setEnabled] = createSignal<boolean>();
  const settings = createLoader(async () => {
    const res = await client.api.forum.settings.$get();
    if (!res.ok) throw await readError(res);
    return (await res.json()).settings;
  });
  const current = () => enabled() ?? settings.data()?.emailNotifications;

  function change(box: HTMLInputElement) {
    const emailNotifications = box.checked;
    setSaved("");
    void action
      .run(async () => {
        const res = await client.api.forum.settings.$put({ json: { emailNotifications } });
        if (!res.ok) throw await readError(res);
        const next = (await res.json()).settings;
        setEnabled(next.emailNotifications);
        setSaved(t(next.emailNotifications ? "forum.settings.on" : "forum.settings.off"));
      })
      .then(() => {
        box.checked = current() ?? box.checked;
      });
  }

  return (
    <Show
      when={current() !== undefined}
      fallback={
        <Show when={settings.error()} fallback={<Loading />}>
          {(err) => <Alert>{errorText(err())}</Alert>}
        </Show>
      }
    >
      <section class="forum-settings" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("forum.settings.email")}</h2>
        <p id={`${id}-text`}>{t("forum.settings.text")}</p>
        <div class="switch-field">
          <input
            type="checkbox"
            role="switch"
            id={id}
            checked={current() === true}
            aria-describedby={`${id}-text`}
            aria-busy={action.busy() ? "true" : undefined}
            onChange={(event) => change(event.currentTarget)}
          />
          <label for={id}>{t("forum.settings.toggle")}</label>
        </div>
        <p class="meta">{t("forum.settings.followHint")}</p>
        <p class="meta" role="status">
          {saved()}
        </p>
        <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      </section>
    </Show>
  );
}
