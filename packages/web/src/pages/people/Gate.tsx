import { Match, Show, Switch, type Accessor, type JSX } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import { Loading } from "../../components/Guards";
import { TwoFactorNotice } from "../../components/Notices";
import { t } from "../../i18n";
import { isStaff, useSession, type Account } from "../../session";

/** Profiles, messages and member lists are for approved members only (the API refuses everyone else). */
export function MembersGate(props: { staffOnly?: boolean; children: (account: Accessor<Account>) => JSX.Element }) {
  const session = useSession();
  const location = useLocation();
  const signinHref = () => `/signin?${new URLSearchParams({ next: location.pathname + location.search })}`;
  return (
    <Switch fallback={<Loading />}>
      <Match when={session.account() === null}>
        <section class="callout callout-info" aria-labelledby="people-guest">
          <h2 id="people-guest">{t("people.gate.guest.title")}</h2>
          <p>{t("people.gate.guest.text")}</p>
          <div class="actions">
            <A href={signinHref()} class="button primary">
              {t("nav.signin")}
            </A>
          </div>
        </section>
      </Match>
      <Match when={session.account()}>
        {(account) => (
          <Switch fallback={props.children(account)}>
            <Match when={account().status === "pending"}>
              <p class="callout callout-info">{t("people.gate.pending")}</p>
            </Match>
            <Match when={account().status !== "approved"}>
              <p class="status status-error">{t("error.account_blocked")}</p>
            </Match>
            <Match when={props.staffOnly && !isStaff(account())}>
              <p class="status status-error">{t("people.gate.coordinatorsOnly")}</p>
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

export function PeopleNav() {
  const session = useSession();
  const staff = () => {
    const account = session.account();
    return !!account && isStaff(account);
  };
  return (
    <nav class="forum-nav" aria-label={t("people.nav.label")}>
      <ul>
        <li>
          <A href="/people" end>
            {t("people.nav.directory")}
          </A>
        </li>
        <li>
          <A href="/people/me">{t("people.nav.myProfile")}</A>
        </li>
        <li>
          <A href="/messages" end>
            {t("people.nav.messages")}
          </A>
        </li>
        <li>
          <A href="/organisations">{t("people.nav.organisations")}</A>
        </li>
        <Show when={staff()}>
          <li>
            <A href="/messages/reports">{t("people.nav.reports")}</A>
          </li>
        </Show>
      </ul>
    </nav>
  );
}
