/**
 * A module loaded on first use, not at cold start: the deployment bundles each `import()` into
 * its own chunk, so requests that never need it never load it. A failed load is retried next call.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err) => {
      loading = undefined;
      throw err;
    }));
}
