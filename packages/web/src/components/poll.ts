import { createEffect, on, onCleanup } from "solid-js";
import { useLocation } from "@solidjs/router";
import { ApiError } from "../api";

const POLL_MS = 60_000;

/**
 * Keeps a navigation badge's count fresh: asks on each navigation and every minute while the page
 * is visible. The count belongs to whoever is signed in now, so it starts empty (reset).
 */
export function pollOnNavigation(refresh: () => Promise<void>, reset: () => void) {
  const location = useLocation();
  reset();
  async function poll() {
    try {
      await refresh();
    } catch (err) {
      // The badge is a hint: a failed check keeps the last count and the next one asks again.
      if (!(err instanceof ApiError)) throw err;
    }
  }
  createEffect(on(() => location.pathname, () => void poll()));
  const timer = setInterval(() => {
    if (!document.hidden) void poll();
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));
}
