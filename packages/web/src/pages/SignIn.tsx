import { createSignal, Match, Show, Switch } from "solid-js";
import { A, Navigate } from "@solidjs/router";
import { ApiError, client, readError } from "../api";
import { CodeField } from "../components/CodeField";
import { createForm, Form, TextField } from "../components/Form";
import { safeNext } from "../components/Guards";
import { Page } from "../components/Page";
import { useQueryParam } from "../components/query";
import { ResendVerification } from "../components/ResendVerification";
import { t } from "../i18n";
import { announce } from "../announcements";
import { useSession, type Account } from "../session";

export default function SignIn() {
  const session = useSession();
  const next = useQueryParam("next");
  const target = () => safeNext(next());
  const [step, setStep] = createSignal<"password" | "code">("password");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [code, setCode] = createSignal("");
  const [unverifiedEmail, setUnverifiedEmail] = createSignal<string | null>(null);

  function finish(account: Account) {
    announce(() => t("session.signedIn", { name: account.name }), target());
    session.setAccount(account);
  }

  const passwordForm = createForm(async () => {
    setUnverifiedEmail(null);
    const res = await client.api.auth.signin.$post({ json: { email: email(), password: password() } });
    if (!res.ok) {
      const error = await readError(res);
      if (error.code === "email_not_verified") setUnverifiedEmail(email().trim());
      throw error;
    }
    const body = await res.json();
    if (body.status === "signed_in") finish(body.account);
    else setStep("code");
  });

  // The password step has to be repeated once its challenge is used up or expired.
  function restart(error: ApiError) {
    setCode("");
    setPassword("");
    setStep("password");
    passwordForm.setError(error);
  }

  const codeForm = createForm(async () => {
    const res = await client.api.auth.signin["two-factor"].$post({ json: { code: code() } });
    if (!res.ok) {
      const error = await readError(res);
      if (error.code === "signin_expired") return restart(error);
      // The API voids the challenge after too many wrong codes and then says invalid_token, which reads as a bad e-mail link.
      if (error.code === "invalid_token") return restart(new ApiError(error.status, "signin_expired", error.message));
      throw error;
    }
    const body = await res.json();
    if (body.status === "signed_in") finish(body.account);
  });

  return (
    <Page title={t("signin.title")}>
      <Switch>
        <Match when={session.account()}>
          <Navigate href={target()} />
        </Match>
        <Match when={step() === "code"}>
          <section aria-labelledby="code-step">
            <h2 id="code-step">{t("signin.code.title")}</h2>
            <p>{t("signin.code.intro")}</p>
            <Form
              form={codeForm}
              submitLabel={t("signin.code.submit")}
              extraActions={
                <button type="button" class="button" onClick={() => setStep("password")}>
                  {t("signin.code.restart")}
                </button>
              }
            >
              <CodeField form={codeForm} value={code()} onValue={setCode} focus />
            </Form>
          </section>
        </Match>
        <Match when={step() === "password"}>
          <Form
            form={passwordForm}
            submitLabel={t("signin.submit")}
            extraActions={<A href="/forgot-password">{t("signin.forgot")}</A>}
          >
            <TextField
              form={passwordForm}
              name="email"
              type="email"
              autocomplete="username"
              spellcheck={false}
              label={t("field.email")}
              value={email()}
              onValue={setEmail}
              required
            />
            <TextField
              form={passwordForm}
              name="password"
              type="password"
              autocomplete="current-password"
              label={t("field.password")}
              value={password()}
              onValue={setPassword}
              required
            />
          </Form>
          <Show when={unverifiedEmail()}>{(address) => <ResendVerification email={address()} />}</Show>
          <p class="aside">
            {t("signin.noAccount")} <A href="/signup">{t("nav.signup")}</A>
          </p>
        </Match>
      </Switch>
    </Page>
  );
}
