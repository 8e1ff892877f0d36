import { Show } from "solid-js";
import { A } from "@solidjs/router";
import { t } from "../../i18n/info";
import type { Contact } from "./api";

// Apart from the contact page, so that the home page's box does not bring the page's editor along.
export function ContactCard(props: { contact: Contact; headingLevel?: 2 | 3 }) {
  const c = () => props.contact;
  return (
    <div class="contact-card">
      <Show when={props.headingLevel === 3} fallback={<h2>{c().name}</h2>}>
        <h3>{c().name}</h3>
      </Show>
      <Show when={c().role}>
        <p class="contact-role">{c().role}</p>
      </Show>
      <dl class="facts">
        <Show when={c().phone}>
          <div>
            <dt>{t("contact.phone")}</dt>
            <dd>
              <a href={`tel:${c().phone.replace(/[^0-9+]/g, "")}`}>{c().phone}</a>
            </dd>
          </div>
        </Show>
        <Show when={c().email}>
          <div>
            <dt>{t("contact.email")}</dt>
            <dd>
              <a href={`mailto:${c().email}`}>{c().email}</a>
            </dd>
          </div>
        </Show>
        <Show when={c().address}>
          <div>
            <dt>{t("contact.address")}</dt>
            <dd class="pre-line">{c().address}</dd>
          </div>
        </Show>
        <Show when={c().officeHours}>
          <div>
            <dt>{t("contact.officeHours")}</dt>
            <dd class="pre-line">{c().officeHours}</dd>
          </div>
        </Show>
      </dl>
    </div>
  );
}

/** The compact box on the home page: the first contact person (the home page loads them). */
export function ContactBox(props: { contacts: readonly Contact[] | undefined }) {
  return (
    <Show when={props.contacts?.[0]}>
      {(first) => (
        <aside class="card contact-box" aria-labelledby="contact-box-title">
          <h2 id="contact-box-title">{t("contact.box")}</h2>
          <ContactCard contact={first()} headingLevel={3} />
          <A href="/kontakt">{t("contact.all")}</A>
        </aside>
      )}
    </Show>
  );
}
