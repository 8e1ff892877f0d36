import { For, Match, Show, Switch, type Accessor, type JSX } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import { Loading } from "../../components/Guards";
import { TwoFactorNotice } from "../../components/Notices";
import { t } from "../../i18n";
import { isStaff, useSession, type Account } from "../../session";

/**
 * The forum is for approved members (the API answers 401/403 to everyone else): guests are asked
 * to sign in and brought back afterwards, pending members are told they wait for approval.
 */
export function ForumGate(props: { staffOnly?: boolean; children: (account: Accessor<Account>) => JSX.Element }) {
  const session = useSession();
  const location = useLocation();
  const signinHref = () => `/signin?${new URLSearchParams({ next: location.pathname + location.search })}`;
  return (
    <Switch fallback={<Loading />}>
      <Match when={session.account() === null}>
        <section class="callout callout-info" aria-labelledby="forum-guest">
          <h2 id="forum-guest">{t("forum.gate.guest.title")}</h2>
          <p>{t("forum.gate.guest.text")}</p>
          <div class="actions">
            <A href={signinHref()} class="button primary">
              {t("nav.signin")}
            </A>
            <A href="/signup" class="button">
              {t("nav.signup")}
            </A>
          </div>
        </section>
      </Match>
      <Match when={session.account()}>
        {(account) => (
          <Switch fallback={props.children(account)}>
            <Match when={account().status === "pending"}>
              <section class="callout callout-info" aria-labelledby="forum-pending">
                <h2 id="forum-pending">{t("home.pending.title")}</h2>
                <p>{t("forum.gate.pending")}</p>
              </section>
            </Match>
            <Match when={account().status !== "approved"}>
              <p class="status status-error">{t("error.account_blocked")}</p>
            </Match>
            <Match when={props.staffOnly && !isStaff(account())}>
              <p class="status status-error">{t("forum.gate.coordinatorsOnly")}</p>
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

/** The forum's own pages, below each forum page's heading. */
export function ForumNav() {
  const session = useSession();
  const staff = () => {
    const account = session.account();
    return !!account && isStaff(account);
  };
  return (
    <nav class="forum-nav" aria-label={t("forum.nav.label")}>
      <ul>
        <li>
          <A href="/forum" end>
            {t("forum.nav.overview")}
          </A>
        </li>
        <li>
          <A href="/forum/search">{t("forum.nav.search")}</A>
        </li>
        <li>
          <A href="/forum/notifications">{t("forum.nav.notifications")}</A>
        </li>
        <li>
          <A href="/forum/groups">{t("forum.nav.groups")}</A>
        </li>
        <li>
          <A href="/forum/settings">{t("forum.nav.settings")}</A>
        </li>
        <Show when={staff()}>
          <li>
            <A href="/forum/reports">{t("forum.nav.reports")}</A>
          </li>
          <li>
            <A href="/forum/moderation-log">{t("forum.nav.log")}</A>
          </li>
        </Show>
      </ul>
    </nav>
  );
}

/** The way back up: the forum, and the category (or group) a page belongs to. */
export function Breadcrumbs(props: { trail: readonly { href: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label={t("forum.breadcrumbs")}>
      <ol>
        <li>
          <A href="/forum" end>
            {t("nav.forum")}
          </A>
        </li>
        <For each={props.trail}>
          {(step) => (
            <li>
              <A href={step.href} end>
                {step.label}
              </A>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
