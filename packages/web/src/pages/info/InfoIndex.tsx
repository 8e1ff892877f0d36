import { createSignal, For, Show } from "solid-js";
import { A, useNavigate } from "@solidjs/router";
import { errorText } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/info";
import { isStaff, useSession } from "../../session";
import { fetchPages } from "./api";

/** The "Informationen" menu: the content pages, contact persons and documents. */
export default function InfoIndex() {
  const session = useSession();
  const navigate = useNavigate();
  const pages = createLoader(fetchPages);
  const [slug, setSlug] = createSignal("");
  const staff = () => {
    const account = session.account();
    return !!account && isStaff(account);
  };
  // A new page opens in its editor; it exists once saved there.
  const create = createForm(async () => navigate(`/info/${encodeURIComponent(slug().trim().toLowerCase())}?new=1`));
  return (
    <Page title={t("info.title")}>
      <p class="lead">{t("info.lead")}</p>
      <Show when={pages.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="link-list">
        <For each={(pages.data() ?? []).filter((p) => p.inMenu)}>
          {(p) => (
            <li>
              <A href={`/info/${p.slug}`}>{p.title}</A>
              <Show when={p.visibility === "members"}>
                {" "}
                <span class="badge">{t("info.membersOnly")}</span>
              </Show>
            </li>
          )}
        </For>
        <li>
          <A href="/kontakt">{t("info.contactLink")}</A>
        </li>
        <li>
          <A href="/dokumente">{t("info.documentsLink")}</A>
        </li>
      </ul>
      <Show when={staff()}>
        <section class="card" aria-labelledby="new-page-title">
          <h2 id="new-page-title">{t("info.newPage")}</h2>
          <Form form={create} submitLabel={t("info.create")} secondary>
            <TextField form={create} name="slug" label={t("info.slug")} value={slug()} onValue={setSlug} pattern="[a-z0-9-]+" required />
          </Form>
        </section>
      </Show>
    </Page>
  );
}
