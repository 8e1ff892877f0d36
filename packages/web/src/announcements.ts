import { createSignal } from "solid-js";

export interface Notice {
  /** A function, so the text follows a language switch. */
  text: () => string;
  tone: "info" | "error";
  /** The page the notice belongs to; it disappears once the reader moves on. */
  path: string;
}

const [notice, setNotice] = createSignal<Notice | null>(null);
export { notice };

/** Shows a message at the top of the page at `path` (normally the one being navigated to). */
export function announce(text: () => string, path: string, tone: Notice["tone"] = "info") {
  setNotice({ text, tone, path });
}

export function dismissNotice() {
  setNotice(null);
}
