import { createMemo, createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { errorText } from "../../../api";
import { createAction } from "../../../components/Form";
import { Alert } from "../../../components/Notices";
import { t } from "../../../i18n/newsletter";
import { categoryLabel } from "../../news/news";
import { editNextIssue, type NextIssue } from "./api";

type Move = "up" | "down" | "drop" | "add";

/**
 * The news of the next issue in order, with buttons to move, leave out and include again. After
 * each change keyboard focus returns to the same control of the same item, wherever it went.
 */
export function NewsOrder(props: { issue: NextIssue; onIssue(issue: NextIssue): void }) {
  const action = createAction();
  const [message, setMessage] = createSignal("");
  let container: HTMLDivElement | undefined;
  const included = createMemo(() => props.issue.content.news);
  const ids = () => included().map((n) => n.newsId);
  const titleOf = (newsId: string) =>
    included().find((n) => n.newsId === newsId)?.title ?? props.issue.droppedNews.find((n) => n.newsId === newsId)?.title ?? "";

  function reordered(newsId: string, move: Move): string[] {
    const order = ids().filter((id) => id !== newsId);
    const at = ids().indexOf(newsId);
    if (move === "up") order.splice(Math.max(0, at - 1), 0, newsId);
    if (move === "down") order.splice(at + 1, 0, newsId);
    if (move === "add") order.push(newsId);
    return order;
  }

  function focusAfter(newsId: string, move: Move) {
    const control = (kind: string) => container?.querySelector<HTMLButtonElement>(`[data-news="${newsId}"][data-control="${kind}"]`);
    const preferred = move === "drop" ? ["add"] : move === "add" ? ["up", "drop"] : [move, move === "up" ? "down" : "up", "drop"];
    for (const kind of preferred) {
      const button = control(kind);
      if (button && !button.disabled) return button.focus();
    }
  }

  function change(newsId: string, move: Move) {
    const title = titleOf(newsId);
    void action.run(async () => {
      const issue = await editNextIssue({ newsIds: reordered(newsId, move) });
      props.onIssue(issue);
      const position = issue.content.news.findIndex((n) => n.newsId === newsId) + 1;
      setMessage(
        move === "drop"
          ? t("newsletterAdmin.news.droppedDone", { title })
          : move === "add"
            ? t("newsletterAdmin.news.added", { title })
            : t("newsletterAdmin.news.moved", { title, position }),
      );
      focusAfter(newsId, move);
    });
  }

  return (
    <div ref={container} aria-busy={action.busy() ? "true" : undefined}>
      <Show when={included().length > 0} fallback={<EmptyNews />}>
        <ol class="issue-news">
          <For each={included()}>
            {(item, index) => (
              <li class="issue-news-item">
                <div class="issue-news-text">
                  <span class="badge badge-accent">{categoryLabel(item.category)}</span>
                  <span class="issue-news-title" id={`news-${item.newsId}`}>
                    {item.title}
                  </span>
                </div>
                <div class="issue-news-controls">
                  <button
                    type="button"
                    class="button small"
                    data-news={item.newsId}
                    data-control="up"
                    disabled={index() === 0}
                    aria-describedby={`news-${item.newsId}`}
                    onClick={() => change(item.newsId, "up")}
                  >
                    <span aria-hidden="true">↑</span>
                    <span class="button-label">{t("newsletterAdmin.news.up")}</span>
                  </button>
                  <button
                    type="button"
                    class="button small"
                    data-news={item.newsId}
                    data-control="down"
                    disabled={index() === included().length - 1}
                    aria-describedby={`news-${item.newsId}`}
                    onClick={() => change(item.newsId, "down")}
                  >
                    <span aria-hidden="true">↓</span>
                    <span class="button-label">{t("newsletterAdmin.news.down")}</span>
                  </button>
                  <button
                    type="button"
                    class="button small danger"
                    data-news={item.newsId}
                    data-control="drop"
                    aria-describedby={`news-${item.newsId}`}
                    onClick={() => change(item.newsId, "drop")}
                  >
                    {t("newsletterAdmin.news.drop")}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.issue.droppedNews.length > 0}>
        <h3>{t("newsletterAdmin.news.dropped")}</h3>
        <ul class="issue-news issue-news-dropped">
          <For each={props.issue.droppedNews}>
            {(item) => (
              <li class="issue-news-item">
                <span class="issue-news-title" id={`dropped-${item.newsId}`}>
                  {item.title}
                </span>
                <div class="issue-news-controls">
                  <button
                    type="button"
                    class="button small"
                    data-news={item.newsId}
                    data-control="add"
                    aria-describedby={`dropped-${item.newsId}`}
                    onClick={() => change(item.newsId, "add")}
                  >
                    {t("newsletterAdmin.news.add")}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="visually-hidden" role="status">
        {message()}
      </p>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </div>
  );
}

function EmptyNews() {
  return (
    <>
      <p class="empty">{t("newsletterAdmin.news.empty")}</p>
      <A href="/news/new" class="button">
        {t("newsletterAdmin.news.write")}
      </A>
    </>
  );
}
