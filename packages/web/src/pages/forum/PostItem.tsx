import { createSignal, createUniqueId, Match, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createAction, createForm, Form } from "../../components/Form";
import { Alert, Status } from "../../components/Notices";
import { formatDateTime, t } from "../../i18n/forum";
import { PostEditor } from "./PostEditor";
import { segment, threadHref, type PostAction, type PostView, type ThreadView } from "./data";

type Panel = "edit" | "delete" | "report" | "moderate-delete" | null;

/** One post of a thread: its text (sanitised HTML from the API), the quote it answers, and what the reader may do with it. */
export function PostItem(props: {
  post: PostView;
  thread: ThreadView;
  firstNew: boolean;
  highlighted: boolean;
  onQuote(post: PostView): void;
  onChanged(post: PostView): void;
}) {
  const headingId = createUniqueId();
  const [panel, setPanel] = createSignal<Panel>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const action = createAction();
  let article: HTMLElement | undefined;

  const param = () => ({ threadId: segment(props.thread.threadId), postId: segment(props.post.postId) });
  const visible = () => props.post.status === "visible";

  function closePanel() {
    setPanel(null);
    article?.focus();
  }

  function changed(post: PostView, message: string) {
    // Moderation answers know nothing of this reader's read marker; the "new" mark stays as it was.
    props.onChanged({ ...post, isNew: props.post.isNew });
    setPanel(null);
    setDone(message);
    article?.focus();
  }

  function deleteOwn() {
    void action.run(async () => {
      const res = await client.api.forum.threads[":threadId"].posts[":postId"].$delete({ param: param(), json: {} });
      if (!res.ok) throw await readError(res);
      changed((await res.json()).post, t("forum.post.deleted.done"));
    });
  }

  function moderate(kind: PostAction) {
    void action.run(async () => {
      const res = await client.api.forum.threads[":threadId"].posts[":postId"].moderate.$post({ param: param(), json: { action: kind } });
      if (!res.ok) throw await readError(res);
      changed((await res.json()).post, t(`forum.post.moderated.${kind}`));
    });
  }

  return (
    <li class="post-item">
      <Show when={props.firstNew}>
        <p class="new-marker" id="first-new" tabindex="-1">
          <span>{t("forum.thread.newMarker")}</span>
        </p>
      </Show>
      <article
        ref={article}
        id={`post-${props.post.postId}`}
        class="post"
        classList={{ "post-new": props.post.isNew, "post-highlight": props.highlighted, "post-muted": !visible() }}
        tabindex="-1"
        aria-labelledby={headingId}
      >
        <header class="post-head">
          <h2 class="post-author" id={headingId}>
            <span class="visually-hidden">{t("forum.post.by")} </span>
            {props.post.authorName}
          </h2>
          <p class="meta post-meta">
            <time datetime={props.post.createdAt}>{formatDateTime(props.post.createdAt)}</time>
            <Show when={props.post.editedAt}>
              {(at) => (
                <span class="post-edited" title={formatDateTime(at())}>
                  {t("forum.post.edited")}
                </span>
              )}
            </Show>
            <Show when={props.post.isNew}>
              <span class="badge badge-accent">{t("forum.badge.new")}</span>
            </Show>
            <Show when={props.post.status === "hidden"}>
              <span class="badge badge-warning">{t("forum.badge.hidden")}</span>
            </Show>
          </p>
        </header>

        <Show when={props.post.quote}>
          {(quote) => (
            <blockquote class="post-quote">
              <p class="post-quote-source">
                <A href={threadHref(props.thread.threadId, quote().postId)}>{t("forum.post.quoteOf", { name: quote().authorName })}</A>
              </p>
              <p>{quote().excerpt ?? t("forum.post.quoteGone")}</p>
            </blockquote>
          )}
        </Show>

        <Switch>
          <Match when={panel() === "edit"}>
            <EditPost post={props.post} threadId={props.thread.threadId} onSaved={(post) => changed(post, t("forum.post.edit.done"))} onCancel={closePanel} />
          </Match>
          <Match when={props.post.status === "deleted"}>
            <p class="post-placeholder">{t("forum.post.deleted")}</p>
          </Match>
          <Match when={props.post.bodyHtml}>
            {/* Rendered from Markdown and sanitised with an allow-list by the API: the one HTML the page takes as is. */}
            {(html) => <div class="prose post-body" innerHTML={html()} />}
          </Match>
          <Match when={props.post.status === "hidden"}>
            <p class="post-placeholder">{t("forum.post.hidden")}</p>
          </Match>
        </Switch>

        <Show when={panel() !== "edit"}>
          <div class="post-actions actions">
            <Show when={props.thread.canReply && visible()}>
              <button type="button" class="button small" aria-describedby={headingId} onClick={() => props.onQuote(props.post)}>
                {t("forum.post.quote")}
              </button>
            </Show>
            <Show when={props.post.canEdit}>
              <button type="button" class="button small" aria-describedby={headingId} onClick={() => setPanel("edit")}>
                {t("forum.post.edit")}
              </button>
            </Show>
            <Show when={props.post.canDelete}>
              <button
                type="button"
                class="button small danger"
                aria-describedby={headingId}
                aria-expanded={panel() === "delete"}
                onClick={() => setPanel(panel() === "delete" ? null : "delete")}
              >
                {t("forum.post.delete")}
              </button>
            </Show>
            <Show when={props.post.canReport}>
              <button
                type="button"
                class="button small"
                aria-describedby={headingId}
                aria-expanded={panel() === "report"}
                onClick={() => setPanel(panel() === "report" ? null : "report")}
              >
                {t("forum.post.report")}
              </button>
            </Show>
            <Show when={props.thread.canModerate && props.post.status !== "deleted"}>
              <span class="post-mod-actions">
                <Show
                  when={props.post.status === "hidden"}
                  fallback={
                    <button type="button" class="button small" aria-describedby={headingId} onClick={() => moderate("hide")}>
                      {t("forum.post.moderate.hide")}
                    </button>
                  }
                >
                  <button type="button" class="button small" aria-describedby={headingId} onClick={() => moderate("unhide")}>
                    {t("forum.post.moderate.unhide")}
                  </button>
                </Show>
                <Show when={!props.post.canDelete}>
                  <button
                    type="button"
                    class="button small danger"
                    aria-describedby={headingId}
                    aria-expanded={panel() === "moderate-delete"}
                    onClick={() => setPanel(panel() === "moderate-delete" ? null : "moderate-delete")}
                  >
                    {t("forum.post.moderate.delete")}
                  </button>
                </Show>
              </span>
            </Show>
          </div>
        </Show>

        <Show when={panel() === "delete" || panel() === "moderate-delete"}>
          <div class="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
            <p id={`${headingId}-confirm`}>{t(panel() === "delete" ? "forum.post.delete.confirm" : "forum.post.moderate.confirmDelete")}</p>
            <div class="actions">
              <button
                type="button"
                class="button danger"
                ref={(element) => queueMicrotask(() => element.focus())}
                onClick={() => (panel() === "delete" ? deleteOwn() : moderate("delete"))}
              >
                {t("forum.post.delete.yes")}
              </button>
              <button type="button" class="button" onClick={closePanel}>
                {t("common.cancel")}
              </button>
            </div>
          </div>
        </Show>

        <Show when={panel() === "report"}>
          <ReportForm threadId={props.thread.threadId} postId={props.post.postId} onDone={() => changed(props.post, t("forum.report.done"))} onCancel={closePanel} />
        </Show>

        <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
        <Show when={done()}>{(message) => <Status>{message()}</Status>}</Show>
      </article>
    </li>
  );
}

function EditPost(props: { post: PostView; threadId: string; onSaved(post: PostView): void; onCancel(): void }) {
  const [body, setBody] = createSignal(props.post.body ?? "");
  const form = createForm(async () => {
    const res = await client.api.forum.threads[":threadId"].posts[":postId"].$patch({
      param: { threadId: segment(props.threadId), postId: segment(props.post.postId) },
      json: { body: body() },
    });
    if (!res.ok) throw await readError(res);
    props.onSaved((await res.json()).post);
  });
  return (
    <Form
      form={form}
      submitLabel={t("forum.post.edit.save")}
      extraActions={
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {t("common.cancel")}
        </button>
      }
    >
      <PostEditor form={form} name="body" label={t("forum.post.edit.label")} value={body()} onValue={setBody} ref={(element) => queueMicrotask(() => element.focus())} />
    </Form>
  );
}

function ReportForm(props: { threadId: string; postId: string; onDone(): void; onCancel(): void }) {
  const id = createUniqueId();
  const [reason, setReason] = createSignal("");
  const form = createForm(async () => {
    const res = await client.api.forum.threads[":threadId"].posts[":postId"].report.$post({
      param: { threadId: segment(props.threadId), postId: segment(props.postId) },
      json: { reason: reason() },
    });
    if (!res.ok) throw await readError(res);
    props.onDone();
  });
  const error = () => form.fieldError("reason");
  return (
    <Form
      form={form}
      class="form report-form"
      secondary
      submitLabel={t("forum.report.submit")}
      extraActions={
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {t("common.cancel")}
        </button>
      }
    >
      <div class="field">
        <label for={id}>{t("forum.report.reason")}</label>
        <p class="hint" id={`${id}-hint`}>
          {t("forum.report.hint")}
        </p>
        <textarea
          id={id}
          name="reason"
          rows={3}
          value={reason()}
          ref={(element) => queueMicrotask(() => element.focus())}
          aria-invalid={error() ? "true" : undefined}
          aria-describedby={[`${id}-hint`, error() ? `${id}-error` : ""].filter(Boolean).join(" ")}
          onInput={(event) => {
            form.clearField("reason");
            setReason(event.currentTarget.value);
          }}
        />
        <Show when={error()}>
          <p class="field-error" id={`${id}-error`}>
            {error()}
          </p>
        </Show>
      </div>
    </Form>
  );
}
