import { createSignal, For, Show } from "solid-js";
import { client, errorText, readError } from "../api";
import { createAction } from "../components/Form";
import { Alert } from "../components/Notices";
import { formatDateTime, t } from "../i18n/programmes";

type Entry = { logId: string; at: string; action: string; actorName: string | null };

/** A log that loads only when asked for: looking at a participant's log is itself logged. */
export function LogSection(props: { title: string; showLabel: string; load: () => Promise<Entry[]>; describe: (e: Entry) => string }) {
  const [entries, setEntries] = createSignal<Entry[]>();
  const action = createAction();
  return (
    <section class="programme-log" aria-labelledby="log-heading">
      <h2 id="log-heading">{props.title}</h2>
      <Show when={action.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Show>
      <Show
        when={entries()}
        fallback={
          <button type="button" class="button" onClick={() =>
              void action.run(async () => {
                const loaded = await props.load();
                setEntries(loaded);
              })
            }>
            {props.showLabel}
          </button>
        }
      >
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t("board.logEmpty")}</p>}>
            <ol class="log-list">
              <For each={list()}>{(e) => <li>{t("programmeLog.entry", { when: formatDateTime(e.at), action: props.describe(e), who: e.actorName ?? t("programmeLog.formerMember") })}</li>}</For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}

export async function loadProgrammeLog(programmeId: string) {
  const res = await client.api.programmes[":programmeId"].log.$get({ param: { programmeId } });
  if (!res.ok) throw await readError(res);
  return (await res.json()).entries;
}
