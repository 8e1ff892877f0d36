import { createSignal, createUniqueId, Show } from "solid-js";
import { A } from "@solidjs/router";
import { ApiError, client, readError } from "../api";
import { createForm, Form, TextField } from "../components/Form";
import { Page } from "../components/Page";
import { ResendVerification } from "../components/ResendVerification";
import { locale, t } from "../i18n/info";

export default function SignUp() {
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [accepted, setAccepted] = createSignal(false);
  const [registered, setRegistered] = createSignal<string | null>(null);
  const termsId = createUniqueId();

  const form = createForm(async () => {
    if (!accepted()) throw new ApiError(400, "invalid_input", "The privacy notice must be accepted.", { acceptTerms: "terms_required" });
    const res = await client.api.auth.signup.$post({
      json: { name: name(), email: email(), password: password(), locale: locale(), acceptTerms: true },
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
            <div class="field field-check">
              <input
                type="checkbox"
                id={termsId}
                name="acceptTerms"
                checked={accepted()}
                required
                aria-invalid={form.fieldError("acceptTerms") ? "true" : undefined}
                aria-describedby={form.fieldError("acceptTerms") ? `${termsId}-error` : undefined}
                onChange={(event) => {
                  form.clearField("acceptTerms");
                  setAccepted(event.currentTarget.checked);
                }}
              />
              <label for={termsId}>{t("signup.terms")}</label>
              <a href="/datenschutz" target="_blank" rel="noopener">
                {t("signup.termsLink")}
              </a>
              <Show when={form.fieldError("acceptTerms")}>
                {(message) => (
                  <p class="field-error" id={`${termsId}-error`}>
                    {message()}
                  </p>
                )}
              </Show>
            </div>
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
