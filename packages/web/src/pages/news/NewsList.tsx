import { createSignal, For, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A } from "@solidjs/router";
import { ApiError, errorText } from "../../api";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n";
import { useSession } from "../../session";
import { NewsArticle } from "./NewsArticle";
import { fetchNewsPage, mayWriteNews, type News } from "./news";

export default function NewsList() {
  const session = useSession();
  const [list, setList] = createStore<{ news: News[]; cursor: string | null }>({ news: [], cursor: null });
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<ApiError | null>(null);
  const writer = () => mayWriteNews(session.account());

  async function load(more: boolean) {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchNewsPage("published", more ? list.cursor : null);
      setList({ news: more ? [...list.news, ...page.news] : page.news, cursor: page.cursor });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setLoading(false);
    }
  }
  onMount(() => void load(false));

  return (
    <Page title={t("news.title")}>
      <p class="lead">{t("news.lead")}</p>
      <Show when={writer()}>
        <div class="actions page-actions">
          <A href="/news/new" class="button primary">
            {t("news.write")}
          </A>
        </div>
      </Show>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="news-list" aria-busy={loading() ? "true" : undefined}>
        <For each={list.news}>
          {(item) => (
            <li>
              <NewsArticle news={item} editable={writer()} />
            </li>
          )}
        </For>
      </ul>
      <Show when={!loading() && !error() && list.news.length === 0}>
        <p class="empty">{t("news.empty")}</p>
      </Show>
      <Show when={loading()}>
        <p class="loading" role="status">
          {t("common.loading")}
        </p>
      </Show>
      <Show when={list.cursor && !loading()}>
        <button type="button" class="button" onClick={() => void load(true)}>
          {t("news.loadMore")}
        </button>
      </Show>
      <aside class="callout" aria-label={t("nav.newsletter")}>
        <p>{t("news.newsletterHint")}</p>
        <A href="/newsletter" class="button">
          {t("news.newsletterLink")}
        </A>
      </aside>
    </Page>
  );
}
