import { createSignal, createUniqueId, Show, type JSX } from "solid-js";

/**
 * A section whose heading is a button that shows or hides it: tools most readers of a page never
 * need (moderation, management forms) stay out of the way until asked for.
 */
export function Disclosure(props: { title: string; class?: string; children: JSX.Element }) {
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  return (
    <section class={`forum-disclosure ${props.class ?? ""}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <button type="button" class="forum-disclosure-toggle" aria-expanded={open()} aria-controls={open() ? id : undefined} onClick={() => setOpen(!open())}>
          <span class="forum-disclosure-marker" aria-hidden="true" />
          {props.title}
        </button>
      </h2>
      <Show when={open()}>
        <div id={id} class="forum-disclosure-body">
          {props.children}
        </div>
      </Show>
    </section>
  );
}
