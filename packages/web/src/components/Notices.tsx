import { Show, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { t } from "../i18n";

/** A success or progress message, read out politely by screen readers. */
export function Status(props: { children: JSX.Element; tone?: "success" | "info" }) {
  return (
    <p class={`status status-${props.tone ?? "success"}`} role="status">
      {props.children}
    </p>
  );
}

/** An error that is not tied to a form, read out at once. */
export function Alert(props: { children: JSX.Element }) {
  return (
    <p class="status status-error" role="alert">
      {props.children}
    </p>
  );
}

/** Staff must turn on two-factor sign-in before the API lets them manage members. */
export function TwoFactorNotice(props: { action?: JSX.Element }) {
  return (
    <section class="callout callout-warning" aria-labelledby="two-factor-notice">
      <h2 id="two-factor-notice">{t("twoFactorNotice.title")}</h2>
      <p>{t("twoFactorNotice.text")}</p>
      <Show
        when={props.action}
        fallback={
          <A href="/account#two-factor" class="button primary">
            {t("twoFactorNotice.action")}
          </A>
        }
      >
        {props.action}
      </Show>
    </section>
  );
}
