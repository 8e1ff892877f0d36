import { lazy } from "./lazy";

const renderer = lazy(() => import("./markdown-render"));

/** Renders member-written Markdown to HTML that cannot run script; links open safely in a new tab. */
export async function renderMarkdown(source: string): Promise<string> {
  return (await renderer()).renderMarkdown(source);
}

/** The text of rendered Markdown without any tags (entities still escaped). */
export async function markdownText(source: string): Promise<string> {
  return (await renderer()).markdownText(source);
}
