import { Match, Switch, type Accessor, type JSX } from "solid-js";
import { SignedIn } from "../components/Guards";
import { Alert, TwoFactorNotice } from "../components/Notices";
import { t } from "../i18n";
import { isStaff, useSession, type Account } from "../session";

/** Whether the signed-in member runs events (coordination or administration). */
export function useIsStaff(): Accessor<boolean> {
  const session = useSession();
  return () => {
    const account = session.account();
    return !!account && isStaff(account);
  };
}

/** A coordinators' page: others are told it is not for them; staff without two-factor sign-in set it up first. */
export function CoordinatorOnly(props: { children: (account: Accessor<Account>) => JSX.Element }) {
  return (
    <SignedIn>
      {(account) => (
        <Switch fallback={props.children(account)}>
          <Match when={!isStaff(account())}>
            <Alert>{t("events.coordinatorsOnly")}</Alert>
          </Match>
          <Match when={account().twoFactorSetupRequired}>
            <TwoFactorNotice />
          </Match>
        </Switch>
      )}
    </SignedIn>
  );
}
