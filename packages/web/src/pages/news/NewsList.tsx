import { For, onMount, Show } from "solid-js";
import { A } from "@solidjs/router";
import { errorText } from "../../api";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { createPagedList, ListFooter } from "../../components/paged";
import { t } from "../../i18n/newsletter";
import { useSession } from "../../session";
import { NewsArticle } from "./NewsArticle";
import { fetchNewsPage, mayWriteNews, type News } from "./news";

export default function NewsList() {
  const session = useSession();
  const paged = createPagedList({
    fetch: (cursor) => fetchNewsPage("published", cursor ?? null),
    items: (page): News[] => page.news,
  });
  const { list, error } = paged;
  const writer = () => mayWriteNews(session.account());
  onMount(() => void paged.load(false));

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
      <ul class="news-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>
          {(item) => (
            <li>
              <NewsArticle news={item} editable={writer()} />
            </li>
          )}
        </For>
      </ul>
      <ListFooter paged={paged} more={t("news.loadMore")}>
        {t("news.empty")}
      </ListFooter>
      <aside class="callout" aria-label={t("nav.newsletter")}>
        <p>{t("news.newsletterHint")}</p>
        <A href="/newsletter" class="button">
          {t("news.newsletterLink")}
        </A>
      </aside>
    </Page>
  );
}
