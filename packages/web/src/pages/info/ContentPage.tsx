import { createEffect, createSignal, createUniqueId, For, on, Show } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { Loading } from "../../components/Guards";
import { createForm, Form, SelectField, TextField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { useQueryParam } from "../../components/query";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, formatDateTime, t } from "../../i18n/info";
import { fetchPage, type PageView } from "./api";

/** A coordinator-edited page: /impressum, /datenschutz and /info/:slug. */
export function ContentPage(props: { slug: string }) {
  const page = createLoader(() => fetchPage(props.slug));
  // The loader fetched the first page itself; a new slug (one info page to the next) fetches again.
  createEffect(on(() => props.slug, () => void page.reload(), { defer: true }));
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  return (
    <Show when={page.data()} fallback={<Show when={page.error()} fallback={<Loading />}>{(err) => <Page title={t("info.title")}><Alert>{errorText(err())}</Alert></Page>}</Show>}>
      {(p) => (
        <Page title={p().title}>
          <Show when={saved()}>
            <Status>{t("page.saved")}</Status>
          </Show>
          <Show
            when={editing()}
            fallback={
              <>
                {/* Rendered from Markdown on the server with raw HTML off and an allow-list sanitiser. */}
                <div class="prose" innerHTML={p().html} />
                <Show when={p().updatedAt}>
                  <p class="aside">{t("page.updated", { date: formatDate(p().updatedAt) })}</p>
                </Show>
                <Show when={p().mayEdit}>
                  <div class="actions">
                    <button type="button" class="button" onClick={() => { setSaved(false); setEditing(true); }}>
                      {t("page.edit")}
                    </button>
                  </div>
                  <PageHistory slug={p().slug} />
                </Show>
              </>
            }
          >
            <PageEditor
              page={p()}
              onSaved={async () => {
                setEditing(false);
                setSaved(true);
                await page.reload();
              }}
              onCancel={() => setEditing(false)}
            />
          </Show>
        </Page>
      )}
    </Show>
  );
}

export function PageEditor(props: { page: Pick<PageView, "slug" | "title" | "body" | "visibility" | "position" | "inMenu" | "legal"> & { revision?: number }; onSaved(): void | Promise<void>; onCancel?(): void }) {
  const navigate = useNavigate();
  const [title, setTitle] = createSignal(props.page.title);
  const [body, setBody] = createSignal(props.page.body);
  const [visibility, setVisibility] = createSignal(props.page.visibility);
  const [position, setPosition] = createSignal(String(props.page.position));
  const [inMenu, setInMenu] = createSignal(props.page.inMenu);
  const bodyId = createUniqueId();
  const menuId = createUniqueId();
  const form = createForm(async () => {
    const res = await client.api.pages[":slug"].$put({
      param: { slug: props.page.slug },
      json: {
        title: title(),
        body: body(),
        visibility: visibility(),
        position: Number(position()) || 0,
        inMenu: inMenu(),
        ...(props.page.revision !== undefined ? { revision: props.page.revision } : {}),
      },
    });
    if (!res.ok) throw await readError(res);
    await props.onSaved();
  });
  const remove = createForm(async () => {
    if (!window.confirm(t("page.deleteConfirm"))) return;
    const res = await client.api.pages[":slug"].delete.$post({ param: { slug: props.page.slug }, json: {} });
    if (!res.ok) throw await readError(res);
    navigate("/info");
  });
  return (
    <section aria-labelledby="page-edit-title">
      <h2 id="page-edit-title">{t("page.editTitle")}</h2>
      <Form
        form={form}
        submitLabel={t("page.save")}
        class="form form-wide"
        extraActions={
          <Show when={props.onCancel}>
            <button type="button" class="button" onClick={() => props.onCancel?.()}>
              {t("common.cancel")}
            </button>
          </Show>
        }
      >
        <TextField form={form} name="title" label={t("page.title")} value={title()} onValue={setTitle} required />
        <div class="field">
          <label for={bodyId}>{t("page.body")}</label>
          <p class="hint" id={`${bodyId}-hint`}>
            {t("page.bodyHint")}
          </p>
          <textarea id={bodyId} name="body" rows={16} aria-describedby={`${bodyId}-hint`} value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
        <Show when={!props.page.legal}>
          <SelectField
            form={form}
            name="visibility"
            label={t("page.visibility")}
            value={visibility()}
            onValue={setVisibility}
            options={[
              { value: "public", label: t("page.visibility.public") },
              { value: "members", label: t("page.visibility.members") },
            ]}
          />
          <TextField form={form} name="position" type="number" inputmode="numeric" min="0" max="999" label={t("page.position")} value={position()} onValue={setPosition} />
          <div class="field field-check">
            <input type="checkbox" id={menuId} name="inMenu" checked={inMenu()} onChange={(e) => setInMenu(e.currentTarget.checked)} />
            <label for={menuId}>{t("page.inMenu")}</label>
          </div>
        </Show>
      </Form>
      <Show when={!props.page.legal && props.page.revision}>
        <Form form={remove} submitLabel={t("page.delete")} secondary>
          {null}
        </Form>
      </Show>
    </section>
  );
}

function PageHistory(props: { slug: string }) {
  const history = createLoader(async () => {
    const res = await client.api.pages[":slug"].history.$get({ param: { slug: props.slug } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).revisions;
  });
  return (
    <Show when={(history.data() ?? []).length > 0}>
      <details class="history">
        <summary>{t("page.history")}</summary>
        <ul>
          <For each={history.data()}>
            {(r) => <li>{t("page.historyEntry", { revision: r.revision, date: formatDateTime(r.editedAt), name: r.editedBy ?? t("page.formerMember") })}</li>}
          </For>
        </ul>
      </details>
    </Show>
  );
}

export const Impressum = () => <ContentPage slug="impressum" />;
export const Datenschutz = () => <ContentPage slug="datenschutz" />;
export default function InfoPage() {
  const params = useParams();
  const isNew = useQueryParam("new");
  return (
    <Show when={isNew() === "1"} fallback={<ContentPage slug={params.slug ?? ""} />}>
      <NewPage slug={params.slug ?? ""} />
    </Show>
  );
}

function NewPage(props: { slug: string }) {
  const navigate = useNavigate();
  return (
    <Page title={t("info.newPage")}>
      <PageEditor
        page={{ slug: props.slug, title: "", body: "", visibility: "public", position: 50, inMenu: true, legal: false }}
        onSaved={() => navigate(`/info/${props.slug}`, { replace: true })}
        onCancel={() => navigate("/info")}
      />
    </Page>
  );
}
