import { Match, Switch, type Accessor, type JSX } from "solid-js";
import { Navigate, useLocation } from "@solidjs/router";
import { t } from "../i18n";
import { useSession, type Account } from "../session";

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

/** Where to go after signing in: only paths inside this app, so a crafted link cannot send members elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
