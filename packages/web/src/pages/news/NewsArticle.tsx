import { createUniqueId, Show } from "solid-js";
import { A } from "@solidjs/router";
import { formatDate, t } from "../../i18n/newsletter";
import { categoryLabel, sourceHost, type News } from "./news";

/** One news item as readers see it; its summary is the server's sanitised HTML. */
export function NewsArticle(props: { news: News; editable?: boolean }) {
  const titleId = createUniqueId();
  const host = () => sourceHost(props.news.sourceUrl);
  return (
    <article class="news-item" aria-labelledby={titleId}>
      <p class="news-meta">
        <span class="badge badge-accent">{categoryLabel(props.news.category)}</span>
        <Show when={props.news.publishedAt}>{(at) => <time datetime={at()}>{formatDate(at())}</time>}</Show>
      </p>
      <h2 id={titleId} dir="auto">{props.news.title}</h2>
      <div class="news-summary" innerHTML={props.news.summaryHtml} />
      <div class="news-links">
        <Show when={host()}>
          {(name) => (
            <a href={props.news.sourceUrl ?? undefined} target="_blank" rel="noopener nofollow ugc">
              {t("news.source", { host: name() })}
            </a>
          )}
        </Show>
        <Show when={props.editable}>
          <A href={`/news/${props.news.newsId}/edit`} class="news-edit" aria-label={t("news.editNamed", { title: props.news.title })}>
            {t("news.edit")}
          </A>
        </Show>
      </div>
    </article>
  );
}
