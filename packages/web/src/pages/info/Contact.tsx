import { createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/info";
import { isStaff, useSession } from "../../session";
import { PlainLanguageBox } from "../../components/PlainLanguage";
import { TextAreaField } from "../../events/fields";
import { PLAIN_SUMMARY_MAX } from "@vernetzt/core/i18n/locales";
import { fetchContacts, fetchContactSummary, type Contact } from "./api";
import { ContactCard } from "./ContactBox";

export default function ContactPage() {
  const session = useSession();
  const contacts = createLoader(fetchContacts);
  const summary = createLoader(fetchContactSummary);
  const [editing, setEditing] = createSignal<Contact | "new" | null>(null);
  const staff = () => {
    const account = session.account();
    return !!account && isStaff(account);
  };
  async function remove(contact: Contact) {
    if (!window.confirm(t("contact.deleteConfirm", { name: contact.name }))) return;
    const res = await client.api.contacts[":contactId"].delete.$post({ param: { contactId: contact.contactId }, json: {} });
    if (res.ok) await contacts.reload();
  }
  return (
    <Page title={t("contact.title")}>
      <p class="lead">{t("contact.lead")}</p>
      <Show when={summary.data()}>{(text) => <PlainLanguageBox text={text()} />}</Show>
      <Show when={contacts.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={contacts.data()?.length === 0}>
        <p class="empty">{t("contact.empty")}</p>
      </Show>
      <For each={contacts.data()}>
        {(contact) => (
          <section class="card">
            <ContactCard contact={contact} />
            <Show when={staff()}>
              <div class="actions">
                <button type="button" class="button" onClick={() => setEditing(contact)}>
                  {t("contact.edit")}
                </button>
                <button type="button" class="button" onClick={() => void remove(contact)}>
                  {t("contact.delete")}
                </button>
              </div>
            </Show>
          </section>
        )}
      </For>
      <Show when={staff()}>
        <Show
          when={editing()}
          fallback={
            <button type="button" class="button primary" onClick={() => setEditing("new")}>
              {t("contact.add")}
            </button>
          }
        >
          {(current) => (
            <ContactEditor
              contact={current() === "new" ? undefined : (current() as Contact)}
              onDone={async () => {
                setEditing(null);
                await contacts.reload();
              }}
            />
          )}
        </Show>
        <Show when={summary.data() !== undefined}>
          <ContactSummaryEditor text={summary.data() ?? ""} onSaved={() => void summary.reload()} />
        </Show>
      </Show>
    </Page>
  );
}

/** Coordinators write or clear the page's summary in einfacher Sprache (plain text, German). */
function ContactSummaryEditor(props: { text: string; onSaved(): void }) {
  const [text, setText] = createSignal(props.text);
  const [saved, setSaved] = createSignal(false);
  const form = createForm(async () => {
    const res = await client.api.contacts["plain-summary"].$put({ json: { plainSummary: text() } });
    if (!res.ok) throw await readError(res);
    setSaved(true);
    props.onSaved();
  });
  return (
    <section class="card" aria-labelledby="contact-summary-title">
      <h2 id="contact-summary-title">{t("contact.plainSummary.title")}</h2>
      <Form form={form} submitLabel={t("contact.save")}>
        <TextAreaField
          form={form}
          name="plainSummary"
          label={t("contact.plainSummary")}
          hint={t("contact.plainSummaryHint", { max: PLAIN_SUMMARY_MAX })}
          value={text()}
          maxLength={PLAIN_SUMMARY_MAX}
          lang="de"
          rows={4}
          onValue={(value) => {
            setSaved(false);
            setText(value);
          }}
        />
      </Form>
      <Show when={saved()}>
        <Status>{t("contact.plainSummary.saved")}</Status>
      </Show>
    </section>
  );
}

function ContactEditor(props: { contact?: Contact; onDone(): Promise<void> }) {
  const c = props.contact;
  const [name, setName] = createSignal(c?.name ?? "");
  const [role, setRole] = createSignal(c?.role ?? "");
  const [phone, setPhone] = createSignal(c?.phone ?? "");
  const [email, setEmail] = createSignal(c?.email ?? "");
  const [address, setAddress] = createSignal(c?.address ?? "");
  const [officeHours, setOfficeHours] = createSignal(c?.officeHours ?? "");
  const [position, setPosition] = createSignal(String(c?.position ?? 0));
  const form = createForm(async () => {
    const json = { name: name(), role: role(), phone: phone(), email: email(), address: address(), officeHours: officeHours(), position: Number(position()) || 0 };
    const res = c
      ? await client.api.contacts[":contactId"].$put({ param: { contactId: c.contactId }, json })
      : await client.api.contacts.$post({ json });
    if (!res.ok) throw await readError(res);
    await props.onDone();
  });
  return (
    <section class="card" aria-labelledby="contact-edit-title">
      <h2 id="contact-edit-title">{c ? c.name : t("contact.add")}</h2>
      <Form form={form} submitLabel={t("contact.save")} extraActions={<button type="button" class="button" onClick={() => void props.onDone()}>{t("common.cancel")}</button>}>
        <TextField form={form} name="name" autocomplete="off" label={t("contact.name")} value={name()} onValue={setName} required />
        <TextField form={form} name="role" label={t("contact.role")} value={role()} onValue={setRole} />
        <TextField form={form} name="phone" type="tel" label={t("contact.phone")} value={phone()} onValue={setPhone} />
        <TextField form={form} name="email" type="email" label={t("contact.email")} value={email()} onValue={setEmail} />
        <TextField form={form} name="address" label={t("contact.address")} value={address()} onValue={setAddress} />
        <TextField form={form} name="officeHours" label={t("contact.officeHours")} value={officeHours()} onValue={setOfficeHours} />
        <TextField form={form} name="position" type="number" inputmode="numeric" min="0" max="999" label={t("contact.position")} value={position()} onValue={setPosition} />
      </Form>
    </section>
  );
}
