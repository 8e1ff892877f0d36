import { createSignal, Show } from "solid-js";
import { client, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { t } from "../../i18n";

export function PasswordSection() {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [changed, setChanged] = createSignal(false);
  const form = createForm(async () => {
    setChanged(false);
    const res = await client.api.account.password.$post({ json: { currentPassword: current(), newPassword: next() } });
    if (!res.ok) throw await readError(res);
    setCurrent("");
    setNext("");
    setChanged(true);
  });
  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("password.title")}</h2>
      <Form form={form} submitLabel={t("password.submit")}>
        <TextField
          form={form}
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          label={t("password.current")}
          value={current()}
          onValue={setCurrent}
          required
        />
        <TextField
          form={form}
          name="newPassword"
          type="password"
          autocomplete="new-password"
          label={t("password.new")}
          hint={t("field.passwordHint")}
          value={next()}
          onValue={setNext}
          required
        />
      </Form>
      <Show when={changed()}>
        <Status>{t("password.done")}</Status>
      </Show>
    </section>
  );
}
