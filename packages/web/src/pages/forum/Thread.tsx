import { batch, createEffect, createSignal, createUniqueId, For, Match, on, Show, Switch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { A, useParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction, createForm, Form, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { useQueryParam } from "../../components/query";
import { formatDateTime, t } from "../../i18n/forum";
import { categoryHref, mergePosts, segment, type PostView, type ThreadView } from "./data";
import { Breadcrumbs, ForumGate } from "./Gate";
import { PostEditor } from "./PostEditor";
import { PostItem } from "./PostItem";
import { ThreadBadges } from "./ThreadBadges";
import { ThreadTools } from "./ThreadTools";
import { setUnreadCount } from "../../components/forum/unread";

/** How far a link to one post may page forward through a thread before giving up. */
const MAX_PAGES_TO_TARGET = 40;

export default function ThreadPage() {
  const params = useParams<{ threadId: string }>();
  const [thread, setThread] = createSignal<ThreadView>();
  return (
    <Page title={thread()?.title ?? t("forum.thread.pageTitle")}>
      <ForumGate>{() => <ThreadContent threadId={params.threadId} thread={thread()} onThread={setThread} />}</ForumGate>
    </Page>
  );
}

interface PostList {
  posts: PostView[];
  cursor: string | null;
  /** Set while the list starts at the first new post instead of the opening post. */
  after: string | null;
  loading: boolean;
}

function ThreadContent(props: { threadId: string; thread: ThreadView | undefined; onThread(thread: ThreadView | undefined): void }) {
  const target = useQueryParam("post");
  const [list, setList] = createStore<PostList>({ posts: [], cursor: null, after: null, loading: false });
  // Posts already shown keep their elements when more merge in, so the post that has focus keeps it.
  const addPosts = (incoming: readonly PostView[]) => setList("posts", reconcile(mergePosts(list.posts, incoming), { key: "postId" }));
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [listError, setListError] = createSignal<ApiError | null>(null);
  const [highlight, setHighlight] = createSignal<string | null>(null);
  const [lastVisit, setLastVisit] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal("");
  const [quote, setQuote] = createSignal<PostView | null>(null);
  const [draft, setDraft] = createSignal("");
  let replyBox: HTMLTextAreaElement | undefined;
  let readUpTo = "";
  let latest = 0;

  const threadId = () => segment(props.threadId);

  async function fetchPosts(query: { cursor?: string; after?: string }) {
    const res = await client.api.forum.threads[":threadId"].posts.$get({ param: { threadId: threadId() }, query });
    if (!res.ok) throw await readError(res);
    return res.json();
  }

  async function fetchThread() {
    const res = await client.api.forum.threads[":threadId"].$get({ param: { threadId: threadId() } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).thread;
  }

  /** Moves the read marker up to the last post shown; it only ever moves forward. */
  async function markRead() {
    const last = list.posts.at(-1)?.postId;
    if (!last || last <= readUpTo) return;
    const before = readUpTo;
    readUpTo = last;
    try {
      const res = await client.api.forum.threads[":threadId"].read.$post({ param: { threadId: threadId() }, json: { postId: last } });
      if (!res.ok) throw await readError(res);
      // Reading settles this thread's notifications: the bell shows the count the server reports.
      setUnreadCount((await res.json()).unreadCount);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Only the unread mark is at stake: the next posts shown try again.
      readUpTo = before;
    }
  }

  async function open() {
    const ticket = ++latest;
    batch(() => {
      setLoadError(null);
      setListError(null);
      setHighlight(null);
      setQuote(null);
      setList({ posts: [], cursor: null, after: null, loading: true });
      props.onThread(undefined);
    });
    try {
      const [thread, first] = await Promise.all([fetchThread(), fetchPosts({})]);
      let page = first;
      let posts = page.posts;
      let after: string | null = null;
      const wanted = target();
      const lastRead = thread.lastReadPostId;
      if (wanted) {
        // Links from e-mails, notifications and search name one post: page forward until it is shown.
        for (let pages = 1; !posts.some((p) => p.postId === wanted) && page.cursor && pages < MAX_PAGES_TO_TARGET; pages++) {
          page = await fetchPosts({ cursor: page.cursor });
          posts = mergePosts(posts, page.posts);
        }
      } else if (lastRead && thread.unread && page.cursor && !posts.some((p) => p.postId > lastRead)) {
        // Everything on the first page was read before: start at the first new post instead.
        page = await fetchPosts({ after: lastRead });
        posts = page.posts;
        after = lastRead;
      }
      if (ticket !== latest) return;
      readUpTo = lastRead ?? "";
      batch(() => {
        props.onThread(thread);
        setLastVisit(lastRead);
        setList({ posts, cursor: page.cursor, after, loading: false });
      });
      if (wanted) showPost(wanted);
      void markRead();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) {
        setLoadError(err);
        setList("loading", false);
      }
    }
  }

  function showPost(postId: string) {
    const element = document.getElementById(`post-${postId}`);
    if (!element) return;
    setHighlight(postId);
    element.focus();
  }

  async function loadMore() {
    const cursor = list.cursor;
    if (!cursor || list.loading) return;
    setList("loading", true);
    setListError(null);
    try {
      const page = await fetchPosts({ cursor, after: list.after ?? undefined });
      const added = page.posts.filter((p) => !list.posts.some((q) => q.postId === p.postId)).length;
      batch(() => {
        addPosts(page.posts);
        setList("cursor", page.cursor);
      });
      setMessage(t("forum.thread.loadedMore", { count: added }));
      void markRead();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setListError(err);
    } finally {
      setList("loading", false);
    }
  }

  /** Fills in the posts before the first new one, from the opening post on. */
  async function loadEarlier() {
    const first = list.posts[0]?.postId;
    if (!first || list.loading) return;
    setList("loading", true);
    setListError(null);
    try {
      let earlier: PostView[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < MAX_PAGES_TO_TARGET; pages++) {
        const page = await fetchPosts({ cursor });
        earlier = mergePosts(
          earlier,
          page.posts.filter((p) => p.postId < first),
        );
        if (!page.cursor || page.posts.some((p) => p.postId >= first)) break;
        cursor = page.cursor;
      }
      batch(() => {
        addPosts(earlier);
        setList("after", null);
      });
      setMessage(t("forum.thread.loadedEarlier", { count: earlier.length }));
      const top = earlier[0];
      if (top) document.getElementById(`post-${top.postId}`)?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setListError(err);
    } finally {
      setList("loading", false);
    }
  }

  /** A post named in the address that is not shown yet: fetched, then shown. */
  async function reveal(postId: string) {
    if (!list.posts.some((p) => p.postId === postId)) {
      const first = list.posts[0]?.postId;
      if (list.after && first && postId < first) await loadEarlier();
      for (let pages = 0; !list.posts.some((p) => p.postId === postId) && list.cursor && pages < MAX_PAGES_TO_TARGET; pages++) await loadMore();
    }
    showPost(postId);
  }

  /** After a reply: the replies others wrote meanwhile come along, so the thread reads in order. */
  async function catchUp(since: string) {
    try {
      let cursor: string | undefined;
      for (let pages = 0; pages < MAX_PAGES_TO_TARGET; pages++) {
        const page = await fetchPosts({ after: since, cursor });
        addPosts(page.posts);
        if (!page.cursor) break;
        cursor = page.cursor;
      }
      void markRead();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setListError(err);
    }
  }

  /** A reply written while later pages were not shown yet: those pages fill the gap up to it. */
  async function fillToEnd() {
    for (let pages = 0; list.cursor && !listError() && pages < MAX_PAGES_TO_TARGET; pages++) await loadMore();
  }

  createEffect(on(() => props.threadId, () => void open()));
  createEffect(
    on(
      target,
      (postId) => {
        if (postId && props.thread) void reveal(postId);
      },
      { defer: true },
    ),
  );

  const reply = createForm(async () => {
    const quoted = quote();
    const res = await client.api.forum.threads[":threadId"].posts.$post({
      param: { threadId: threadId() },
      json: quoted ? { body: draft(), quotedPostId: quoted.postId } : { body: draft() },
    });
    if (!res.ok) throw await readError(res);
    const { post } = await res.json();
    const wasComplete = list.cursor === null;
    const lastShown = list.posts.at(-1)?.postId;
    batch(() => {
      addPosts([post]);
      setDraft("");
      setQuote(null);
      setMessage(t("forum.reply.done"));
    });
    document.getElementById(`post-${post.postId}`)?.focus();
    void markRead();
    if (wasComplete && lastShown) void catchUp(lastShown);
    else void fillToEnd();
  });

  function quotePost(post: PostView) {
    setQuote(post);
    replyBox?.focus();
  }

  const firstNewId = () => (lastVisit() ? list.posts.find((p) => p.isNew)?.postId : undefined);

  return (
    <Switch fallback={<Loading />}>
      <Match when={loadError()}>
        {(error) => (
          <>
            <Alert>{error().status === 404 ? t("forum.thread.notFound") : errorText(error())}</Alert>
            <p>
              <A href="/forum">{t("forum.backToForum")}</A>
            </p>
          </>
        )}
      </Match>
      <Match when={props.thread}>
        {(thread) => (
          <div class="forum thread">
            <Breadcrumbs trail={[{ href: categoryHref(thread().category.categoryId), label: thread().category.name }]} />
            <ThreadHeader thread={thread()} onThread={props.onThread} />
            <Show when={firstNewId()}>
              {(id) => (
                <p class="jump">
                  <a
                    href={`#post-${id()}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById("first-new")?.focus();
                    }}
                  >
                    {t("forum.thread.jumpToNew")}
                  </a>
                </p>
              )}
            </Show>
            <Show when={thread().canModerate}>
              <ThreadTools thread={thread()} onThread={props.onThread} />
            </Show>

            <Show when={list.after}>
              <button type="button" class="button load-earlier" onClick={() => void loadEarlier()}>
                {t("forum.thread.loadEarlier")}
              </button>
            </Show>
            <p class="visually-hidden" role="status">
              {message()}
            </p>
            <ol class="post-list" aria-label={t("forum.thread.posts")} aria-busy={list.loading ? "true" : undefined}>
              <For each={list.posts}>
                {(post) => (
                  <PostItem
                    post={post}
                    thread={thread()}
                    firstNew={post.postId === firstNewId()}
                    highlighted={post.postId === highlight()}
                    onQuote={quotePost}
                    onChanged={(changed) => setList("posts", (p) => p.postId === changed.postId, changed)}
                  />
                )}
              </For>
            </ol>
            <Show when={listError()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
            <Show when={list.loading}>
              <Loading />
            </Show>
            <Show when={list.cursor && !list.loading}>
              <button type="button" class="button" onClick={() => void loadMore()}>
                {t("forum.thread.loadMore")}
              </button>
            </Show>

            <Switch>
              <Match when={thread().canReply}>
                <section class="reply card" aria-labelledby="reply-title">
                  <h2 id="reply-title">{t("forum.reply.title")}</h2>
                  <Show when={quote()}>
                    {(quoted) => (
                      <div class="reply-quote">
                        <p>{t("forum.reply.quoting", { name: quoted().authorName, date: formatDateTime(quoted().createdAt) })}</p>
                        <button
                          type="button"
                          class="button small"
                          onClick={() => {
                            setQuote(null);
                            replyBox?.focus();
                          }}
                        >
                          {t("forum.reply.removeQuote")}
                        </button>
                      </div>
                    )}
                  </Show>
                  <Form form={reply} submitLabel={t("forum.reply.submit")} aria-labelledby="reply-title">
                    <PostEditor form={reply} name="body" label={t("forum.reply.label")} value={draft()} onValue={setDraft} ref={(element) => (replyBox = element)} />
                  </Form>
                </section>
              </Match>
              <Match when={thread().status !== "visible"}>
                <p class="status status-info">{t("forum.thread.hiddenNoReplies")}</p>
              </Match>
              <Match when={thread().locked}>
                <p class="status status-info">{t("forum.thread.lockedNoReplies")}</p>
              </Match>
              <Match when={!thread().canReply}>
                <p class="status status-info">{t("forum.thread.coordinatorsOnly")}</p>
              </Match>
            </Switch>
            <p class="back-link">
              <A href={categoryHref(thread().category.categoryId)}>{t("forum.thread.backToCategory", { name: thread().category.name })}</A>
            </p>
          </div>
        )}
      </Match>
    </Switch>
  );
}

function ThreadHeader(props: { thread: ThreadView; onThread(thread: ThreadView): void }) {
  const [editing, setEditing] = createSignal(false);
  const [title, setTitle] = createSignal("");
  const follow = createAction();
  const followId = createUniqueId();
  let editButton: HTMLButtonElement | undefined;

  const rename = createForm(async () => {
    const res = await client.api.forum.threads[":threadId"].$patch({ param: { threadId: segment(props.thread.threadId) }, json: { title: title() } });
    if (!res.ok) throw await readError(res);
    props.onThread((await res.json()).thread);
    setEditing(false);
    editButton?.focus();
  });

  function setFollowing(box: HTMLInputElement) {
    const following = box.checked;
    void follow
      .run(async () => {
        const res = await client.api.forum.threads[":threadId"].follow.$put({ param: { threadId: segment(props.thread.threadId) }, json: { following } });
        if (!res.ok) throw await readError(res);
        props.onThread({ ...props.thread, following: (await res.json()).following });
      })
      .then(() => {
        box.checked = props.thread.following;
      });
  }

  return (
    <div class="thread-head">
      <p class="meta thread-meta">
        <span>{t("forum.thread.startedBy", { name: props.thread.authorName, date: formatDateTime(props.thread.createdAt) })}</span>
        <ThreadBadges thread={props.thread} />
      </p>
      <Show when={editing()}>
        <Form
          form={rename}
          submitLabel={t("forum.thread.rename.save")}
          extraActions={
            <button
              type="button"
              class="button"
              onClick={() => {
                setEditing(false);
                editButton?.focus();
              }}
            >
              {t("common.cancel")}
            </button>
          }
        >
          <TextField form={rename} name="title" label={t("forum.field.title")} value={title()} onValue={setTitle} ref={(element) => queueMicrotask(() => element.focus())} />
        </Form>
      </Show>
      <div class="thread-follow">
        <div class="switch-field">
          <input
            type="checkbox"
            role="switch"
            id={followId}
            checked={props.thread.following}
            aria-describedby={`${followId}-hint`}
            aria-busy={follow.busy() ? "true" : undefined}
            onChange={(event) => setFollowing(event.currentTarget)}
          />
          <label for={followId}>{t("forum.thread.follow")}</label>
        </div>
        <p class="hint" id={`${followId}-hint`}>
          {t("forum.thread.followHint")}
        </p>
      </div>
      <Show when={props.thread.canEditTitle && !editing()}>
        <button
          type="button"
          class="button small"
          ref={editButton}
          onClick={() => {
            setTitle(props.thread.title);
            setEditing(true);
          }}
        >
          {t("forum.thread.rename")}
        </button>
      </Show>
      <Show when={follow.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </div>
  );
}
