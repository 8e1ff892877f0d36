import { createUniqueId, For, Show } from "solid-js";
import { client, errorText, readError } from "../api";
import { createDebouncedSearch } from "../components/search";
import { TextField } from "../components/Form";
import { Alert } from "../components/Notices";
import { t } from "../i18n/events";
import type { Member } from "./types";

/** Finds approved members by name or e-mail; each hit gets a button to pick it. */
export function MemberPicker(props: { label: string; pickLabel: string; exclude: readonly string[]; onPick(member: Member): void }) {
  const search = createDebouncedSearch(async (q): Promise<Member[]> => {
    const res = await client.api.members.$get({ query: { status: "approved", q } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).members;
  });
  const { term, query, hits, error, loading } = search;
  const resultsId = createUniqueId();

  const shown = () => hits().filter((m) => !props.exclude.includes(m.userId));

  return (
    <div class="member-picker">
      <TextField
        name="memberSearch"
        type="search"
        label={props.label}
        hint={t("memberPicker.hint")}
        value={term()}
        onValue={search.onTerm}
        autocomplete="off"
        aria-controls={resultsId}
        onKeyDown={(event) => {
          // The picker sits inside bigger forms: Enter searches at once instead of submitting them.
          if (event.key !== "Enter") return;
          event.preventDefault();
          search.searchNow();
        }}
      />
      <Show when={error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Show>
      <div id={resultsId} aria-live="polite" aria-busy={loading() ? "true" : undefined}>
        <Show when={query() && !loading() && shown().length === 0 && !error()}>
          <p class="empty">{t("memberPicker.none")}</p>
        </Show>
        <ul class="picker-results">
          <For each={shown()}>
            {(member) => (
              <li>
                <span>
                  <span class="picker-name" dir="auto">{member.name}</span> <span class="meta">{member.email}</span>
                </span>
                <button type="button" class="button" onClick={() => props.onPick(member)}>
                  {props.pickLabel}
                  <span class="visually-hidden">: {member.name}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
  );
}
