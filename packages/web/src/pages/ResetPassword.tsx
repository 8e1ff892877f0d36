import { createSignal, Match, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import { client, readError } from "../api";
import { createForm, Form, TextField } from "../components/Form";
import { Alert, Status } from "../components/Notices";
import { Page } from "../components/Page";
import { useQueryParam } from "../components/query";
import { t } from "../i18n";
import { useSession } from "../session";

export default function ResetPassword() {
  const session = useSession();
  const token = useQueryParam("token");
  const [password, setPassword] = createSignal("");
  const [done, setDone] = createSignal(false);
  const form = createForm(async () => {
    const res = await client.api.auth["reset-password"].$post({ json: { token: token() ?? "", password: password() } });
    if (!res.ok) throw await readError(res);
    // The server ended every session, this browser's included.
    session.setAccount(null);
    setDone(true);
  });
  return (
    <Page title={t("reset.title")}>
      <Switch>
        <Match when={done()}>
          <Status>{t("reset.done")}</Status>
          <A href="/signin" class="button primary">
            {t("common.toSignin")}
          </A>
        </Match>
        <Match when={!token()}>
          <Alert>{t("link.missingToken")}</Alert>
          <A href="/forgot-password">{t("reset.requestNew")}</A>
        </Match>
        <Match when={token()}>
          <Form form={form} submitLabel={t("reset.submit")}>
            <TextField
              form={form}
              name="password"
              type="password"
              autocomplete="new-password"
              label={t("reset.password")}
              hint={t("field.passwordHint")}
              value={password()}
              onValue={setPassword}
              required
            />
          </Form>
          <Show when={form.error()?.code === "invalid_token"}>
            <p>
              <A href="/forgot-password">{t("reset.requestNew")}</A>
            </p>
          </Show>
        </Match>
      </Switch>
    </Page>
  );
}
