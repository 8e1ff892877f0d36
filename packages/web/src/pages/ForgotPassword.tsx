import { createSignal, Show } from "solid-js";
import { A } from "@solidjs/router";
import { client, readError } from "../api";
import { createForm, Form, TextField } from "../components/Form";
import { Status } from "../components/Notices";
import { Page } from "../components/Page";
import { t } from "../i18n";

export default function ForgotPassword() {
  const [email, setEmail] = createSignal("");
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const form = createForm(async () => {
    const res = await client.api.auth["forgot-password"].$post({ json: { email: email() } });
    if (!res.ok) throw await readError(res);
    setSentTo(email().trim());
  });
  return (
    <Page title={t("forgot.title")}>
      <Show
        when={sentTo()}
        fallback={
          <>
            <p>{t("forgot.intro")}</p>
            <Form form={form} submitLabel={t("forgot.submit")} extraActions={<A href="/signin">{t("common.toSignin")}</A>}>
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
            </Form>
          </>
        }
      >
        {(address) => <Status>{t("forgot.done", { email: address() })}</Status>}
      </Show>
    </Page>
  );
}
