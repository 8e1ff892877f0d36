import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from "solid-js";
import { ApiError, client, errorText, readError } from "../api";
import { TextField } from "../components/Form";
import { Alert } from "../components/Notices";
import { t } from "../i18n";
import type { Member } from "./types";

const SEARCH_DELAY_MS = 300;

/** Finds approved members by name or e-mail; each hit gets a button to pick it. */
export function MemberPicker(props: { label: string; pickLabel: string; exclude: readonly string[]; onPick(member: Member): void }) {
  const [term, setTerm] = createSignal("");
  const [query, setQuery] = createSignal("");
  const [hits, setHits] = createSignal<Member[]>([]);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [loading, setLoading] = createSignal(false);
  const resultsId = createUniqueId();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  onCleanup(() => clearTimeout(timer));

  function onTerm(value: string) {
    setTerm(value);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery(value.trim()), SEARCH_DELAY_MS);
  }

  createEffect(
    on(query, async (q) => {
      const ticket = ++latest;
      if (!q) return setHits([]);
      setLoading(true);
      try {
        const res = await client.api.members.$get({ query: { status: "approved", q } });
        if (!res.ok) throw await readError(res);
        const { members } = await res.json();
        if (ticket === latest) {
          setHits(members);
          setError(null);
        }
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (ticket === latest) setError(err);
      } finally {
        if (ticket === latest) setLoading(false);
      }
    }),
  );

  const shown = () => hits().filter((m) => !props.exclude.includes(m.userId));

  return (
    <div class="member-picker">
      <TextField
        name="memberSearch"
        type="search"
        label={props.label}
        hint={t("memberPicker.hint")}
        value={term()}
        onValue={onTerm}
        autocomplete="off"
        aria-controls={resultsId}
        onKeyDown={(event) => {
          // The picker sits inside bigger forms: Enter searches at once instead of submitting them.
          if (event.key !== "Enter") return;
          event.preventDefault();
          clearTimeout(timer);
          setQuery(term().trim());
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
                  <span class="picker-name">{member.name}</span> <span class="meta">{member.email}</span>
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
