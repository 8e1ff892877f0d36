import { Match, Switch, type Accessor, type JSX } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import { t } from "../i18n";
import { isStaff, useSession, type Account } from "../session";
import { Loading } from "./Guards";
import { TwoFactorNotice } from "./Notices";

/** The areas with their own gate. */
export type GateArea = "forum" | "people";
/** The gate's texts each area words for itself (its `<area>.gate.…` keys, in the area's dictionary). */
export type GateText = "guest.title" | "guest.text" | "pending" | "coordinatorsOnly";

/**
 * Pages for approved members only (the API answers 401/403 to everyone else): guests are asked to
 * sign in and brought back afterwards, pending and blocked members are told why, and staff-only
 * pages also want a coordinator with two-factor sign-in set up.
 */
export function MembersOnly(props: {
  area: GateArea;
  gateText: (text: GateText) => string;
  staffOnly?: boolean;
  /** Guests are offered to sign up as well as to sign in. */
  signup?: boolean;
  /** Pending members see a titled notice instead of a single line. */
  pendingTitled?: boolean;
  children: (account: Accessor<Account>) => JSX.Element;
}) {
  const session = useSession();
  const location = useLocation();
  const signinHref = () => `/signin?${new URLSearchParams({ next: location.pathname + location.search })}`;
  return (
    <Switch fallback={<Loading />}>
      <Match when={session.account() === null}>
        <section class="callout callout-info" aria-labelledby={`${props.area}-guest`}>
          <h2 id={`${props.area}-guest`}>{props.gateText("guest.title")}</h2>
          <p>{props.gateText("guest.text")}</p>
          <div class="actions">
            <A href={signinHref()} class="button primary">
              {t("nav.signin")}
            </A>
            {props.signup && (
              <A href="/signup" class="button">
                {t("nav.signup")}
              </A>
            )}
          </div>
        </section>
      </Match>
      <Match when={session.account()}>
        {(account) => (
          <Switch fallback={props.children(account)}>
            <Match when={account().status === "pending" && props.pendingTitled}>
              <section class="callout callout-info" aria-labelledby={`${props.area}-pending`}>
                <h2 id={`${props.area}-pending`}>{t("home.pending.title")}</h2>
                <p>{props.gateText("pending")}</p>
              </section>
            </Match>
            <Match when={account().status === "pending"}>
              <p class="callout callout-info">{props.gateText("pending")}</p>
            </Match>
            <Match when={account().status !== "approved"}>
              <p class="status status-error">{t("error.account_blocked")}</p>
            </Match>
            <Match when={props.staffOnly && !isStaff(account())}>
              <p class="status status-error">{props.gateText("coordinatorsOnly")}</p>
            </Match>
            <Match when={props.staffOnly && account().twoFactorSetupRequired}>
              <TwoFactorNotice />
            </Match>
          </Switch>
        )}
      </Match>
    </Switch>
  );
}
