import { createEffect, createSignal, createUniqueId, For, Match, on, Show, Switch } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { announce } from "../../announcements";
import { createAction, createForm, Form, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { createPagedList, ListFooter } from "../../components/paged";
import { formatDateTime, t } from "../../i18n/forum";
import { isStaff, type Account } from "../../session";
import { CategoryForm } from "./CategoryForm";
import { groupHref, segment, threadHref, type CategoryView, type ThreadSummary } from "./data";
import { Disclosure } from "./Disclosure";
import { Breadcrumbs, ForumGate } from "./Gate";
import { PostEditor } from "./PostEditor";
import { ThreadBadges } from "./ThreadBadges";

export default function CategoryPage() {
  const params = useParams<{ categoryId: string }>();
  const [category, setCategory] = createSignal<CategoryView>();
  return (
    <Page title={category()?.name ?? t("forum.category.pageTitle")} wide>
      <ForumGate>
        {(account) => <CategoryContent categoryId={params.categoryId} account={account()} category={category()} onCategory={setCategory} />}
      </ForumGate>
    </Page>
  );
}

function CategoryContent(props: { categoryId: string; account: Account; category: CategoryView | undefined; onCategory(category: CategoryView | undefined): void }) {
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.forum.categories[":categoryId"].threads.$get({
        param: { categoryId: segment(props.categoryId) },
        query: { cursor },
      });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): ThreadSummary[] => page.threads,
    onPage: (page) => props.onCategory(page.category),
  });
  const { list, setList, error } = paged;
  const [writing, setWriting] = createSignal(false);
  let startButton: HTMLButtonElement | undefined;

  createEffect(
    on(
      () => props.categoryId,
      () => {
        props.onCategory(undefined);
        setList({ items: [], cursor: null });
        setWriting(false);
        void paged.load(false);
      },
    ),
  );

  return (
    <Switch fallback={<Loading />}>
      <Match when={!props.category && error()}>
        {(err) => (
          <>
            <Alert>{err().status === 404 ? t("forum.category.notFound") : errorText(err())}</Alert>
            <p>
              <A href="/forum">{t("forum.backToForum")}</A>
            </p>
          </>
        )}
      </Match>
      <Match when={props.category}>
        {(category) => (
          <div class="forum category">
            <Breadcrumbs trail={groupTrail(category())} />
            <Show when={category().description}>
              <p class="lead" dir="auto">{category().description}</p>
            </Show>
            <div class="page-intro">
              <p class="meta">{t("forum.category.counts", { threads: category().threadCount, posts: category().postCount })}</p>
              <Show
                when={category().canPost}
                fallback={<p class="status status-info">{t("forum.category.coordinatorsOnly")}</p>}
              >
                <button
                  type="button"
                  class="button primary"
                  ref={startButton}
                  aria-expanded={writing()}
                  onClick={() => setWriting(!writing())}
                >
                  {t("forum.category.newThread")}
                </button>
              </Show>
            </div>
            <Show when={writing()}>
              <NewThreadForm
                categoryId={category().categoryId}
                onCancel={() => {
                  setWriting(false);
                  startButton?.focus();
                }}
              />
            </Show>

            <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
            <ul class="thread-list" aria-busy={list.loading ? "true" : undefined}>
              <For each={list.items}>{(thread) => <ThreadRow thread={thread} />}</For>
            </ul>
            <ListFooter paged={paged} more={t("forum.category.loadMore")}>
              {t("forum.category.empty")}
            </ListFooter>
            <Show when={isStaff(props.account)}>
              <CategoryAdmin category={category()} onCategory={props.onCategory} />
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  );
}

const groupTrail = (category: CategoryView) => {
  const group = category.group;
  return group ? [{ href: groupHref(group.groupId), label: group.name }] : [];
};

function ThreadRow(props: { thread: ThreadSummary }) {
  return (
    <li class="thread-row" classList={{ "thread-unread": props.thread.unread }}>
      <h2 class="thread-title">
        <A href={threadHref(props.thread.threadId)} dir="auto">{props.thread.title}</A>
        <Show when={props.thread.unread}>
          <span class="badge badge-accent">{t("forum.badge.unread")}</span>
        </Show>
        <ThreadBadges thread={props.thread} />
      </h2>
      <p class="meta">
        <span>{t("forum.thread.by", { name: props.thread.authorName })}</span>
        <span>{t("forum.thread.replies", { count: props.thread.replyCount })}</span>
        <span>{t("forum.thread.lastActivity", { date: formatDateTime(props.thread.lastActivityAt), name: props.thread.lastAuthorName })}</span>
      </p>
    </li>
  );
}

function NewThreadForm(props: { categoryId: string; onCancel(): void }) {
  const navigate = useNavigate();
  const titleId = createUniqueId();
  const [title, setTitle] = createSignal("");
  const [body, setBody] = createSignal("");
  const form = createForm(async () => {
    const res = await client.api.forum.categories[":categoryId"].threads.$post({
      param: { categoryId: segment(props.categoryId) },
      json: { title: title(), body: body() },
    });
    if (!res.ok) throw await readError(res);
    const { thread } = await res.json();
    const to = threadHref(thread.threadId);
    announce(() => t("forum.newThread.done"), to);
    navigate(to);
  });
  return (
    <section class="card new-thread" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("forum.newThread.title")}</h2>
      <Form
        form={form}
        submitLabel={t("forum.newThread.submit")}
        aria-labelledby={titleId}
        extraActions={
          <button type="button" class="button" onClick={() => props.onCancel()}>
            {t("common.cancel")}
          </button>
        }
      >
        <TextField
          form={form}
          name="title"
          label={t("forum.field.title")}
          hint={t("forum.field.titleHint")}
          value={title()}
          onValue={setTitle}
          autocomplete="off"
          ref={(element) => queueMicrotask(() => element.focus())}
        />
        <PostEditor form={form} name="body" label={t("forum.field.body")} value={body()} onValue={setBody} rows={8} />
      </Form>
    </section>
  );
}

/** Staff rename, reorder or delete a category (only an empty one can go). */
function CategoryAdmin(props: { category: CategoryView; onCategory(category: CategoryView): void }) {
  const navigate = useNavigate();
  const confirmId = createUniqueId();
  const remove = createAction();
  const [confirming, setConfirming] = createSignal(false);
  let deleteButton: HTMLButtonElement | undefined;

  function deleteCategory() {
    void remove.run(async () => {
      const res = await client.api.forum.categories[":categoryId"].$delete({ param: { categoryId: segment(props.category.categoryId) }, json: {} });
      if (!res.ok) throw await readError(res);
      announce(() => t("forum.category.deleted"), "/forum");
      navigate("/forum");
    });
  }

  return (
    <Disclosure title={t("forum.category.admin")} class="category-admin">
      <CategoryForm category={props.category} onSaved={props.onCategory} />
      <div class="actions">
        <button type="button" class="button danger" ref={deleteButton} aria-expanded={confirming()} onClick={() => setConfirming(!confirming())}>
          {t("forum.category.delete")}
        </button>
      </div>
      <Show when={confirming()}>
        <div class="confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId}>{t("forum.category.confirmDelete", { name: props.category.name })}</p>
          <div class="actions">
            <button type="button" class="button danger" onClick={deleteCategory}>
              {t("forum.category.delete.yes")}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setConfirming(false);
                deleteButton?.focus();
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={remove.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </Disclosure>
  );
}
