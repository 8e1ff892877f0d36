import { createEffect, createSignal, on, onCleanup } from "solid-js";
import { ApiError } from "../api";

export const SEARCH_DELAY_MS = 300;

/**
 * A search box's state: the typed term is searched once typing pauses, and only the answer to the
 * newest search is shown (an older, slower answer never overwrites it).
 */
export function createDebouncedSearch<T>(find: (query: string) => Promise<T[]>) {
  const [term, setTerm] = createSignal("");
  const [query, setQuery] = createSignal("");
  const [hits, setHits] = createSignal<T[]>([]);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [loading, setLoading] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  onCleanup(() => clearTimeout(timer));

  createEffect(
    on(query, async (q) => {
      const ticket = ++latest;
      if (!q) return setHits([]);
      setLoading(true);
      try {
        const found = await find(q);
        if (ticket === latest) {
          setHits(() => found);
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

  return {
    term,
    query,
    hits,
    error,
    loading,
    /** The box's input handler. */
    onTerm(value: string) {
      setTerm(value);
      clearTimeout(timer);
      timer = setTimeout(() => setQuery(value.trim()), SEARCH_DELAY_MS);
    },
    /** Searches the current term at once (e.g. on Enter). */
    searchNow() {
      clearTimeout(timer);
      setQuery(term().trim());
    },
  };
}
