import { createEffect, on, type ParentProps } from "solid-js";
import { useLocation } from "@solidjs/router";
import { t } from "../i18n";

let firstPageShown = false;

/**
 * A page's heading and document title. After a navigation the heading takes focus, so screen readers
 * announce the new page and keyboard users continue from its top; also when the route stays the
 * same and only its parameter changes (one event to another), where the page is not mounted anew.
 */
export function Page(props: ParentProps<{ title: string; wide?: boolean }>) {
  let heading: HTMLHeadingElement | undefined;
  createEffect(() => {
    document.title = `${props.title} – ${t("brand")}`;
  });
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => {
        if (firstPageShown) heading?.focus();
        firstPageShown = true;
      },
    ),
  );
  return (
    <div class={props.wide ? "page page-wide" : "page"}>
      {/* A title may be what people wrote (an event, a thread): it keeps its own direction. */}
      <h1 ref={heading} tabindex="-1" dir="auto">
        {props.title}
      </h1>
      {props.children}
    </div>
  );
}
