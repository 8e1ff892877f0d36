import { Match, Switch, type Accessor, type JSX } from "solid-js";
import { Navigate, useLocation } from "@solidjs/router";
import { t } from "../i18n";
import { isStaff, useSession, type Account } from "../session";
import { Alert, TwoFactorNotice } from "./Notices";

export function Loading() {
  return (
    <p class="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

/** Renders its children for a signed-in member; everyone else is sent to sign in and brought back afterwards. */
export function SignedIn(props: { children: (account: Accessor<Account>) => JSX.Element }) {
  const session = useSession();
  const location = useLocation();
  const signinHref = () => `/signin?${new URLSearchParams({ next: location.pathname + location.search })}`;
  return (
    <Switch fallback={<Loading />}>
      <Match when={session.account()}>{(account) => props.children(account)}</Match>
      <Match when={session.account() === null}>
        <Navigate href={signinHref()} />
      </Match>
    </Switch>
  );
}

/** A staff page (coordinators and admins unless allow says otherwise): others are told noAccess; staff without two-factor sign-in set it up first. */
export function StaffOnly(props: { noAccess: string; allow?: (account: Account) => boolean; children: (account: Accessor<Account>) => JSX.Element }) {
  return (
    <SignedIn>
      {(account) => (
        <Switch fallback={props.children(account)}>
          <Match when={!(props.allow ?? isStaff)(account())}>
            <Alert>{props.noAccess}</Alert>
          </Match>
          <Match when={account().twoFactorSetupRequired}>
            <TwoFactorNotice />
          </Match>
        </Switch>
      )}
    </SignedIn>
  );
}

/** Where to go after signing in: only paths inside this app, so a crafted link cannot send members elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
