import { createSignal, createUniqueId } from "solid-js";
import { client, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { t } from "../../i18n/info";

/** GDPR: download everything as JSON; delete the account after confirming the password. */
export function PrivacySection(props: { onDeleted(): void }) {
  const [password, setPassword] = createSignal("");
  const [removePosts, setRemovePosts] = createSignal(false);
  const removeId = createUniqueId();
  const form = createForm(async () => {
    const res = await client.api.privacy.delete.$post({ json: { password: password(), removePosts: removePosts() } });
    if (!res.ok) throw await readError(res);
    props.onDeleted();
  });
  return (
    <section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t("privacy.section")}</h2>
      <p>{t("privacy.exportText")}</p>
      <p>
        <a class="button" href="/api/privacy/export" rel="external" download="">
          {t("privacy.export")}
        </a>
      </p>
      <h3 id="delete-title">{t("privacy.deleteTitle")}</h3>
      <p>{t("privacy.deleteText")}</p>
      <Form form={form} submitLabel={t("privacy.deleteSubmit")} aria-labelledby="delete-title">
        <div class="field field-check">
          <input type="checkbox" id={removeId} name="removePosts" checked={removePosts()} onChange={(e) => setRemovePosts(e.currentTarget.checked)} />
          <label for={removeId}>{t("privacy.removePosts")}</label>
        </div>
        <TextField
          form={form}
          name="password"
          type="password"
          autocomplete="current-password"
          label={t("privacy.password")}
          value={password()}
          onValue={setPassword}
          required
        />
      </Form>
    </section>
  );
}
