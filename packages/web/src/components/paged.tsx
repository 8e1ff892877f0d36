import { createSignal, Show, type Accessor, type JSX } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import { ApiError } from "../api";
import { Loading } from "./Guards";

export interface PagedState<T> {
  items: T[];
  cursor: string | null;
  loading: boolean;
}

export interface PagedList<T> {
  list: PagedState<T>;
  setList: SetStoreFunction<PagedState<T>>;
  error: Accessor<ApiError | null>;
  /** Loads the first page again, or (more) the next one after the cursor. */
  load(more: boolean): Promise<void>;
}

/**
 * A list the API hands out a page at a time with a cursor. Only the latest request counts, so a
 * slow answer for an old filter never overwrites the current one.
 */
export function createPagedList<T, P extends { cursor: string | null }>(options: {
  fetch: (cursor: string | undefined) => Promise<P>;
  items: (page: P) => T[];
  /** Called with each page that counts, before its items are shown. */
  onPage?: (page: P) => void;
}): PagedList<T> {
  const [list, setList] = createStore<PagedState<T>>({ items: [], cursor: null, loading: true });
  const [error, setError] = createSignal<ApiError | null>(null);
  let latest = 0;

  async function load(more: boolean) {
    const ticket = ++latest;
    setList("loading", true);
    setError(null);
    try {
      const page = await options.fetch(more ? (list.cursor ?? undefined) : undefined);
      if (ticket !== latest) return;
      options.onPage?.(page);
      const items = options.items(page);
      setList({ items: more ? [...list.items, ...items] : items, cursor: page.cursor });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setError(err);
    } finally {
      if (ticket === latest) setList("loading", false);
    }
  }

  return { list, setList, error, load };
}

/** Below a paged list: the empty note (children), the loading note, and the button for the next page. */
export function ListFooter<T>(props: { paged: PagedList<T>; more: string; quietLoading?: boolean; children: JSX.Element }) {
  const list = () => props.paged.list;
  return (
    <>
      <Show when={!list().loading && !props.paged.error() && list().items.length === 0}>
        <p class="empty">{props.children}</p>
      </Show>
      <Show when={list().loading && !props.quietLoading}>
        <Loading />
      </Show>
      <Show when={list().cursor && !list().loading}>
        <button type="button" class="button" onClick={() => void props.paged.load(true)}>
          {props.more}
        </button>
      </Show>
    </>
  );
}
