import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate, useParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { announce } from "../../announcements";
import { createAction, createForm, Form, SelectField, TextField } from "../../components/Form";
import { Loading, SignedIn } from "../../components/Guards";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { RadioField, TextAreaField } from "../../events/fields";
import { formatDateTime, t } from "../../i18n/newsletter";
import { categoryLabel, fetchNewsPage, mayWriteNews, NEWS_CATEGORIES, type News, type NewsCategory, type NewsStatus } from "./news";

const STATUSES = ["draft", "published"] as const satisfies readonly NewsStatus[];

export default function NewsEditor() {
  const params = useParams();
  return (
    <Page title={params.id ? t("newsEditor.editTitle") : t("newsEditor.newTitle")}>
      <SignedIn>
        {(account) => (
          <Show when={mayWriteNews(account())} fallback={<Alert>{t("newsEditor.noAccess")}</Alert>}>
            {/* Keyed: going from one draft to another through the list must load the other one. */}
            <Show when={params.id ?? "new"} keyed>
              {(id) => <Editor newsId={id === "new" ? undefined : id} />}
            </Show>
          </Show>
        )}
      </SignedIn>
    </Page>
  );
}

function Editor(props: { newsId?: string }) {
  return (
    <>
      <Show when={props.newsId} keyed fallback={<NewsForm />}>
        {(id) => <ExistingNews newsId={id} />}
      </Show>
      <Drafts current={props.newsId} />
    </>
  );
}

function ExistingNews(props: { newsId: string }) {
  const [news, setNews] = createSignal<News>();
  const [error, setError] = createSignal<ApiError | null>(null);
  onMount(async () => {
    try {
      const res = await client.api.news[":newsId"].$get({ param: { newsId: props.newsId } });
      if (!res.ok) throw await readError(res);
      setNews((await res.json()).news);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    }
  });
  return (
    <Switch fallback={<Loading />}>
      <Match when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Match>
      <Match when={news()}>{(item) => <NewsForm existing={item()} />}</Match>
    </Switch>
  );
}

function NewsForm(props: { existing?: News }) {
  const navigate = useNavigate();
  const [fields, setFields] = createStore({
    title: props.existing?.title ?? "",
    summary: props.existing?.summary ?? "",
    sourceUrl: props.existing?.sourceUrl ?? "",
    category: props.existing?.category ?? ("law_policy" satisfies NewsCategory),
    status: props.existing?.status ?? ("draft" satisfies NewsStatus),
  });
  const [saved, setSaved] = createSignal(false);
  const [confirmingDelete, setConfirmingDelete] = createSignal(false);
  const remove = createAction();
  let deleteButton: HTMLButtonElement | undefined;
  let cancelDeleteButton: HTMLButtonElement | undefined;

  const input = () => ({
    title: fields.title,
    summary: fields.summary,
    sourceUrl: fields.sourceUrl.trim() || null,
    category: fields.category,
    status: fields.status,
  });

  const form = createForm(async () => {
    setSaved(false);
    const existing = props.existing;
    if (!existing) {
      const res = await client.api.news.$post({ json: input() });
      if (!res.ok) throw await readError(res);
      const { news } = await res.json();
      const done = news.status === "published" ? "newsEditor.published" : "newsEditor.createdDraft";
      // Published news belongs on the list; a draft stays open for further work.
      const next = news.status === "published" ? "/news" : `/news/${news.newsId}/edit`;
      announce(() => t(done), next);
      navigate(next, { replace: news.status !== "published" });
      return;
    }
    const res = await client.api.news[":newsId"].$put({ param: { newsId: existing.newsId }, json: input() });
    if (!res.ok) throw await readError(res);
    const { news } = await res.json();
    if (existing.status === "draft" && news.status === "published") {
      announce(() => t("newsEditor.published"), "/news");
      navigate("/news");
      return;
    }
    setFields({ title: news.title, summary: news.summary, sourceUrl: news.sourceUrl ?? "", category: news.category, status: news.status });
    setSaved(true);
  });

  function deleteNews(newsId: string) {
    void remove.run(async () => {
      const res = await client.api.news[":newsId"].delete.$post({ param: { newsId }, json: {} });
      if (!res.ok) throw await readError(res);
      announce(() => t("newsEditor.deleted"), "/news");
      navigate("/news");
    });
  }

  function edit<K extends keyof typeof fields>(key: K) {
    return (value: (typeof fields)[K]) => {
      setSaved(false);
      setFields(key, () => value);
    };
  }

  return (
    <>
      <Form
        form={form}
        class="form form-wide"
        submitLabel={fields.status === "published" ? t("newsEditor.publish") : t("newsEditor.saveDraft")}
        extraActions={
          <Show when={props.existing}>
            <button
              type="button"
              class="button danger"
              ref={deleteButton}
              aria-expanded={confirmingDelete()}
              onClick={() => {
                setConfirmingDelete(true);
                cancelDeleteButton?.focus();
              }}
            >
              {t("newsEditor.delete")}
            </button>
          </Show>
        }
      >
        <TextField form={form} name="title" label={t("newsEditor.field.title")} value={fields.title} onValue={edit("title")} maxLength={200} required />
        <SelectField
          form={form}
          name="category"
          label={t("newsEditor.field.category")}
          value={fields.category}
          options={NEWS_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
          onValue={edit("category")}
        />
        <TextAreaField
          form={form}
          name="summary"
          label={t("newsEditor.field.summary")}
          hint={t("newsEditor.field.summaryHint")}
          rows={10}
          maxLength={5000}
          value={fields.summary}
          onValue={edit("summary")}
          required
        />
        <TextField
          form={form}
          name="sourceUrl"
          type="url"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          label={t("newsEditor.field.sourceUrl")}
          hint={t("newsEditor.field.sourceUrlHint")}
          value={fields.sourceUrl}
          onValue={edit("sourceUrl")}
          maxLength={500}
        />
        <RadioField
          form={form}
          name="status"
          label={t("newsEditor.field.status")}
          value={fields.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`newsEditor.status.${s}`) }))}
          onValue={edit("status")}
        />
      </Form>
      <Show when={saved()}>
        <Status>{t("newsEditor.saved")}</Status>
      </Show>
      <Show when={confirmingDelete() && props.existing}>
        {(existing) => (
          <div class="confirm" role="group" aria-labelledby="confirm-delete">
            <p id="confirm-delete">{t("newsEditor.confirmDelete", { title: existing().title })}</p>
            <div class="actions">
              <button type="button" class="button danger" onClick={() => deleteNews(existing().newsId)}>
                {t("newsEditor.confirmDelete.yes")}
              </button>
              <button
                type="button"
                class="button"
                ref={cancelDeleteButton}
                onClick={() => {
                  setConfirmingDelete(false);
                  deleteButton?.focus();
                }}
              >
                {t("common.cancel")}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={remove.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <p>
        <A href="/news">{t("newsEditor.toList")}</A>
      </p>
    </>
  );
}

function Drafts(props: { current?: string }) {
  const [list, setList] = createStore<{ news: News[]; cursor: string | null }>({ news: [], cursor: null });
  const [loaded, setLoaded] = createSignal(false);
  const load = createAction();

  function fetchMore(more: boolean) {
    void load.run(async () => {
      const page = await fetchNewsPage("draft", more ? list.cursor : null);
      setList({ news: more ? [...list.news, ...page.news] : page.news, cursor: page.cursor });
      setLoaded(true);
    });
  }
  onMount(() => fetchMore(false));

  return (
    <section class="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t("news.drafts")}</h2>
      <Show when={load.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={loaded()} fallback={<Show when={!load.error()}><Loading /></Show>}>
        <Show when={list.news.length > 0} fallback={<p class="empty">{t("newsEditor.drafts.empty")}</p>}>
          <ul class="draft-list">
            <For each={list.news}>
              {(draft) => (
                <li>
                  <A href={`/news/${draft.newsId}/edit`} aria-current={draft.newsId === props.current ? "page" : undefined}>
                    {draft.title}
                  </A>
                  <span class="meta">
                    {categoryLabel(draft.category)} · {t("newsEditor.drafts.meta", { name: draft.authorName, date: formatDateTime(draft.updatedAt) })}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={list.cursor && !load.busy()}>
        <button type="button" class="button" onClick={() => fetchMore(true)}>
          {t("newsEditor.drafts.loadMore")}
        </button>
      </Show>
    </section>
  );
}
