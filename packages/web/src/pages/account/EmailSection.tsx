import { createSignal, Show } from "solid-js";
import { client, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { t } from "../../i18n";

export function EmailSection() {
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const form = createForm(async () => {
    setSentTo(null);
    const res = await client.api.account.email.$post({ json: { email: email(), password: password() } });
    if (!res.ok) throw await readError(res);
    setSentTo(email().trim());
    setEmail("");
    setPassword("");
  });
  return (
    <section class="card" aria-labelledby="email-title">
      <h2 id="email-title">{t("email.title")}</h2>
      <p>{t("email.intro")}</p>
      <Form form={form} submitLabel={t("email.submit")}>
        <TextField
          form={form}
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          label={t("email.new")}
          value={email()}
          onValue={setEmail}
          required
        />
        <TextField
          form={form}
          name="password"
          type="password"
          autocomplete="current-password"
          label={t("email.password")}
          value={password()}
          onValue={setPassword}
          required
        />
      </Form>
      <Show when={sentTo()}>{(address) => <Status>{t("email.done", { email: address() })}</Status>}</Show>
    </section>
  );
}
