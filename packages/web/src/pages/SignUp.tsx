import { createSignal, Show } from "solid-js";
import { A } from "@solidjs/router";
import { client, readError } from "../api";
import { createForm, Form, TextField } from "../components/Form";
import { Page } from "../components/Page";
import { ResendVerification } from "../components/ResendVerification";
import { locale, t } from "../i18n";

export default function SignUp() {
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [registered, setRegistered] = createSignal<string | null>(null);

  const form = createForm(async () => {
    const res = await client.api.auth.signup.$post({
      json: { name: name(), email: email(), password: password(), locale: locale() },
    });
    if (!res.ok) throw await readError(res);
    setRegistered(email().trim());
  });

  return (
    <Show
      when={registered()}
      fallback={
        <Page title={t("signup.title")}>
          <p>{t("signup.intro")}</p>
          <Form form={form} submitLabel={t("signup.submit")}>
            <TextField form={form} name="name" autocomplete="name" label={t("field.name")} value={name()} onValue={setName} required />
            <TextField
              form={form}
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              label={t("field.email")}
              value={email()}
              onValue={setEmail}
              required
            />
            <TextField
              form={form}
              name="password"
              type="password"
              autocomplete="new-password"
              label={t("field.password")}
              hint={t("field.passwordHint")}
              value={password()}
              onValue={setPassword}
              required
            />
          </Form>
          <p class="aside">
            {t("signup.haveAccount")} <A href="/signin">{t("nav.signin")}</A>
          </p>
        </Page>
      }
    >
      {(address) => (
        <Page title={t("signup.done.title")}>
          <p>{t("signup.done.text", { email: address() })}</p>
          <p>{t("signup.done.spam")}</p>
          <ResendVerification email={address()} />
        </Page>
      )}
    </Show>
  );
}
