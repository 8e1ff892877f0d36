import { createSignal, createUniqueId, Show } from "solid-js";
import { CONSENT_TEXT_DE } from "@vernetzt/core/newsletter/constants";
import { ApiError, client, readError } from "../../api";
import { createForm, Form, TextField, type FormController } from "../../components/Form";
import { Status } from "../../components/Notices";
import { locale, t } from "../../i18n/newsletter";

/** Public sign-up with double opt-in: the address, and consent given by ticking a box. */
export function SubscribeForm(props: { email?: string; labelledBy?: string }) {
  const [email, setEmail] = createSignal(props.email ?? "");
  const [consent, setConsent] = createSignal(false);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const form = createForm(async () => {
    // The API would refuse the same way; asking it first would only cost a request.
    if (!consent()) throw new ApiError(400, "invalid_input", "Consent is required.", { consent: "consent_required" });
    const address = email().trim();
    // The confirmation mail goes out in the language of this page.
    const res = await client.api.newsletter.subscribe.$post({ json: { email: address, consent: true, locale: locale() } });
    if (!res.ok) throw await readError(res);
    setSentTo(address);
  });
  return (
    <Show
      when={sentTo()}
      fallback={
        <Form form={form} submitLabel={t("newsletter.subscribe.submit")} aria-labelledby={props.labelledBy}>
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
          <ConsentField form={form} checked={consent()} onValue={setConsent} />
        </Form>
      }
    >
      {(address) => (
        <div class="subscribe-done">
          <Status>
            <strong>{t("newsletter.subscribe.done.title")}</strong> {t("newsletter.subscribe.done.text", { email: address() })}
          </Status>
          <p>{t("newsletter.subscribe.done.spam")}</p>
        </div>
      )}
    </Show>
  );
}

/** The consent box. Other languages show a translation, and the German wording that is recorded. */
function ConsentField(props: { form: FormController; checked: boolean; onValue(checked: boolean): void }) {
  const id = createUniqueId();
  const error = () => props.form.fieldError("consent");
  const translated = () => locale() !== "de";
  const describedBy = () => [translated() ? `${id}-hint` : "", error() ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field field-check consent">
      <input
        type="checkbox"
        id={id}
        name="consent"
        checked={props.checked}
        aria-required="true"
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={describedBy()}
        onChange={(event) => {
          props.form.clearField("consent");
          props.onValue(event.currentTarget.checked);
        }}
      />
      <div>
        <label for={id}>{t("newsletter.subscribe.consent")}</label>
        <Show when={translated()}>
          <p class="hint" id={`${id}-hint`}>
            {t("newsletter.subscribe.consentRecorded")} <q lang="de">{CONSENT_TEXT_DE}</q>
          </p>
        </Show>
        <Show when={error()}>
          <p class="field-error" id={`${id}-error`}>
            {error()}
          </p>
        </Show>
      </div>
    </div>
  );
}
