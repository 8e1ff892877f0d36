import { createSignal, Show } from "solid-js";
import { client, readError } from "../api";
import { t } from "../i18n";
import { createForm, Form, TextField } from "./Form";
import { Status } from "./Notices";

/** Asks for a new confirmation link; without a known address it asks for one first. */
export function ResendVerification(props: { email?: string }) {
  const [email, setEmail] = createSignal(props.email ?? "");
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const form = createForm(async () => {
    const address = props.email ?? email();
    const res = await client.api.auth["resend-verification"].$post({ json: { email: address } });
    if (!res.ok) throw await readError(res);
    setSentTo(address);
  });
  return (
    <div class="resend">
      <Form form={form} submitLabel={t("resend.submit")} class="form form-inline" secondary>
        <Show when={props.email === undefined}>
          <TextField form={form} name="email" type="email" autocomplete="email" label={t("field.email")} value={email()} onValue={setEmail} />
        </Show>
      </Form>
      <Show when={sentTo()}>{(address) => <Status>{t("resend.done", { email: address() })}</Status>}</Show>
    </div>
  );
}
