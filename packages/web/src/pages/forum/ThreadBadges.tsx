import { Show } from "solid-js";
import { t } from "../../i18n/forum";
import type { ThreadSummary } from "./data";

/** Pinned, locked and hidden, in words: colour alone would not say it. */
export function ThreadBadges(props: { thread: Pick<ThreadSummary, "pinned" | "locked" | "status"> }) {
  return (
    <>
      <Show when={props.thread.pinned}>
        <span class="badge">{t("forum.badge.pinned")}</span>
      </Show>
      <Show when={props.thread.locked}>
        <span class="badge">{t("forum.badge.locked")}</span>
      </Show>
      <Show when={props.thread.status === "hidden"}>
        <span class="badge badge-warning">{t("forum.badge.hidden")}</span>
      </Show>
    </>
  );
}
