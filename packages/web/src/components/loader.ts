import { createSignal, type Accessor } from "solid-js";
import { ApiError } from "../api";

export interface Loader<T> {
  data: Accessor<T | undefined>;
  error: Accessor<ApiError | null>;
  loading: Accessor<boolean>;
  reload(): Promise<void>;
}

/** Loads data for a part of a page, keeping the last result while reloading (no page-wide suspense). */
export function createLoader<T>(fetcher: () => Promise<T>): Loader<T> {
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<ApiError | null>(null);
  const [loading, setLoading] = createSignal(false);
  let latest = 0;

  async function reload() {
    const ticket = ++latest;
    setLoading(true);
    try {
      const value = await fetcher();
      if (ticket !== latest) return;
      setData(() => value);
      setError(null);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setError(err);
    } finally {
      if (ticket === latest) setLoading(false);
    }
  }

  void reload();
  return { data, error, loading, reload };
}
