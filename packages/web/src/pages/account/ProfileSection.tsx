import { createEffect, createSignal, on, Show, type Accessor } from "solid-js";
import { client, readError } from "../../api";
import { createForm, Form, SelectField, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { LOCALES, t, type Locale } from "../../i18n";
import { useSession, type Account } from "../../session";

export function ProfileSection(props: { account: Accessor<Account> }) {
  const session = useSession();
  const [name, setName] = createSignal(props.account().name);
  const [language, setLanguage] = createSignal<Locale>(props.account().locale);
  const [saved, setSaved] = createSignal(false);
  // The header's language switch changes the account too; keep this form in step with it.
  createEffect(on(() => props.account().locale, (current) => setLanguage(() => current), { defer: true }));

  const form = createForm(async () => {
    setSaved(false);
    const res = await client.api.account.$patch({ json: { name: name(), locale: language() } });
    if (!res.ok) throw await readError(res);
    const { account } = await res.json();
    session.setAccount(account);
    setName(account.name);
    setSaved(true);
  });

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("profile.title")}</h2>
      <Form form={form} submitLabel={t("profile.submit")}>
        <TextField
          form={form}
          name="name"
          autocomplete="name"
          label={t("field.name")}
          value={name()}
          onValue={(value) => {
            setSaved(false);
            setName(value);
          }}
          required
        />
        <SelectField
          form={form}
          name="locale"
          label={t("field.locale")}
          value={language()}
          options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          onValue={(value) => {
            setSaved(false);
            setLanguage(() => value);
          }}
        />
      </Form>
      <Show when={saved()}>
        <Status>{t("profile.saved")}</Status>
      </Show>
    </section>
  );
}
