import { createEffect, createSignal, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { useQueryParam } from "../../components/query";
import { formatDateTime, t } from "../../i18n/forum";
import { categoryHref, threadHref, type SearchResult } from "./data";
import { ForumGate, ForumNav } from "./Gate";
import { SearchBox } from "./SearchBox";

export default function ForumSearch() {
  return (
    <Page title={t("forum.search.title")} wide>
      <ForumGate>
        {() => (
          <>
            <ForumNav />
            <SearchContent />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

function SearchContent() {
  const q = useQueryParam("q");
  const [list, setList] = createStore<{ results: SearchResult[]; cursor: string | null; loading: boolean; searched: string | null }>({
    results: [],
    cursor: null,
    loading: false,
    searched: null,
  });
  const [error, setError] = createSignal<ApiError | null>(null);
  let latest = 0;

  async function load(query: string, more: boolean) {
    const ticket = ++latest;
    setList("loading", true);
    setError(null);
    try {
      const res = await client.api.forum.search.$get({ query: { q: query, cursor: more ? (list.cursor ?? undefined) : undefined } });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      if (ticket !== latest) return;
      setList({ results: more ? [...list.results, ...page.results] : page.results, cursor: page.cursor, searched: query });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setError(err);
    } finally {
      if (ticket === latest) setList("loading", false);
    }
  }

  createEffect(
    on(q, (query) => {
      setList({ results: [], cursor: null, searched: null });
      const trimmed = query?.trim() ?? "";
      if (trimmed) void load(trimmed, false);
    }),
  );

  const tooShort = () => {
    const err = error();
    return !!err && (err.code === "query_too_short" || err.fields.q === "too_short");
  };

  return (
    <div class="forum forum-search-page">
      <SearchBox initial={q()} />
      <p class="visually-hidden" role="status">
        {list.searched !== null && !list.loading ? t("forum.search.count", { count: list.results.length }) : ""}
      </p>
      <Show when={error()}>{(err) => <Alert>{tooShort() ? t("forum.search.tooShort") : errorText(err())}</Alert>}</Show>
      <ol class="search-results" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.results}>
          {(result) => (
            <li class="search-result">
              <h2>
                <A href={threadHref(result.threadId, result.postId)} dir="auto">{result.threadTitle}</A>
              </h2>
              <p class="meta">
                <A href={categoryHref(result.categoryId)}>{result.categoryName}</A>
                <span>{t(result.isOpening ? "forum.search.opening" : "forum.search.reply", { name: result.authorName })}</span>
                <time datetime={result.createdAt}>{formatDateTime(result.createdAt)}</time>
              </p>
              <p class="search-excerpt">{result.excerpt}</p>
            </li>
          )}
        </For>
      </ol>
      <Show when={list.searched !== null && !list.loading && list.results.length === 0}>
        <p class="empty">{list.cursor ? t("forum.search.emptyPage") : t("forum.search.empty", { q: list.searched ?? "" })}</p>
      </Show>
      <Show when={list.loading}>
        <Loading />
      </Show>
      <Show when={list.cursor && !list.loading && list.searched}>
        {(query) => (
          <button type="button" class="button" onClick={() => void load(query(), true)}>
            {t("forum.search.loadMore")}
          </button>
        )}
      </Show>
    </div>
  );
}
