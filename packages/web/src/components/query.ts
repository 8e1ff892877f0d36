import { useSearchParams } from "@solidjs/router";

/** One query-string value of the current page (the first, if it appears more than once). */
export function useQueryParam(name: string): () => string | undefined {
  const [params] = useSearchParams();
  return () => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
}
