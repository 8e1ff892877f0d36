import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from "solid-js";
import { ApiError, client, readError } from "../../api";
import type { FormController } from "../../components/Form";
import { t } from "../../i18n/forum";

const SUGGEST_DELAY_MS = 200;
/** What is typed after an unclosed `@[` right before the caret: the start of a name. */
const OPEN_MENTION = /@\[([^[\]\n]{0,100})$/;

interface Suggestion {
  userId: string;
  name: string;
}

export function openMentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = OPEN_MENTION.exec(text.slice(0, caret));
  return match ? { start: match.index, query: match[1] ?? "" } : null;
}

/**
 * The Markdown text area for posts. Typing `@[` and the start of a name offers matching members
 * in a listbox (arrow keys choose, Enter or Tab takes, Escape closes); taking one writes `@[Full Name]`.
 */
export function PostEditor(props: {
  form: FormController;
  name: string;
  label: string;
  value: string;
  onValue(value: string): void;
  ref?: (element: HTMLTextAreaElement) => void;
  rows?: number;
}) {
  const id = createUniqueId();
  const listId = `${id}-mentions`;
  const [query, setQuery] = createSignal<string | null>(null);
  const [suggestions, setSuggestions] = createSignal<Suggestion[]>([]);
  const [active, setActive] = createSignal(0);
  const [dismissed, setDismissed] = createSignal(false);
  let textarea: HTMLTextAreaElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  onCleanup(() => clearTimeout(timer));

  const open = () => !dismissed() && query() !== null && suggestions().length > 0;
  const error = () => props.form.fieldError(props.name);
  const optionId = (index: number) => `${id}-option-${index}`;

  /** Looks at the text before the caret after every change or caret move. */
  function track() {
    if (!textarea) return;
    const found = openMentionAt(textarea.value, textarea.selectionStart);
    const next = found && found.query.trim().length > 0 ? found.query.trim() : null;
    if (next === null) setDismissed(false);
    if (next !== query()) {
      setQuery(next);
      setActive(0);
    }
  }

  createEffect(
    on(query, (q) => {
      clearTimeout(timer);
      const ticket = ++latest;
      if (q === null) return setSuggestions([]);
      timer = setTimeout(async () => {
        try {
          const res = await client.api.forum.mentions.$get({ query: { q } });
          if (!res.ok) throw await readError(res);
          const { members } = await res.json();
          if (ticket === latest) setSuggestions(members);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          // Suggestions are a convenience: without them the name can still be typed out in full.
          if (ticket === latest) setSuggestions([]);
        }
      }, SUGGEST_DELAY_MS);
    }),
  );

  function take(suggestion: Suggestion) {
    if (!textarea) return;
    const text = textarea.value;
    const caret = textarea.selectionStart;
    const found = openMentionAt(text, caret);
    if (!found) return;
    // A closing bracket typed ahead of time is replaced along with the partial name.
    const rest = text.slice(caret).startsWith("]") ? text.slice(caret + 1) : text.slice(caret);
    const written = `@[${suggestion.name}] `;
    const next = text.slice(0, found.start) + written + rest;
    textarea.value = next;
    props.onValue(next);
    const position = found.start + written.length;
    textarea.setSelectionRange(position, position);
    textarea.focus();
    setQuery(null);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!open()) return;
    const count = suggestions().length;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => (i + 1) % count);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i - 1 + count) % count);
    } else if (event.key === "Enter" || event.key === "Tab") {
      const chosen = suggestions()[active()];
      if (!chosen) return;
      event.preventDefault();
      take(chosen);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissed(true);
    }
  }

  const announcement = () => {
    if (query() === null || dismissed()) return "";
    const count = suggestions().length;
    return count === 0 ? "" : t("forum.editor.suggestions", { count });
  };

  return (
    <div class="field post-editor">
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {t("forum.editor.hint")}
      </p>
      <div class="mention-anchor">
        <textarea
          ref={(element) => {
            textarea = element;
            props.ref?.(element);
          }}
          id={id}
          name={props.name}
          rows={props.rows ?? 6}
          value={props.value}
          aria-invalid={error() ? "true" : undefined}
          aria-describedby={[`${id}-hint`, error() ? `${id}-error` : ""].filter(Boolean).join(" ")}
          aria-autocomplete="list"
          aria-controls={open() ? listId : undefined}
          aria-activedescendant={open() ? optionId(active()) : undefined}
          onInput={(event) => {
            props.form.clearField(props.name);
            props.onValue(event.currentTarget.value);
            track();
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (event.key.startsWith("Arrow") && !open()) track();
          }}
          onClick={track}
          onBlur={() => setDismissed(true)}
          onFocus={() => setDismissed(false)}
        />
        <Show when={open()}>
          <ul class="mention-list" role="listbox" id={listId} aria-label={t("forum.editor.suggestionsLabel")}>
            <For each={suggestions()}>
              {(suggestion, index) => (
                <li
                  role="option"
                  id={optionId(index())}
                  aria-selected={index() === active() ? "true" : "false"}
                  // Keeps the focus in the text area, so the caret position is still known when the name is taken.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => take(suggestion)}
                >
                  {suggestion.name}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <Show when={error()}>
        <p class="field-error" id={`${id}-error`}>
          {error()}
        </p>
      </Show>
    </div>
  );
}
