import { type Accessor, type JSX } from "solid-js";
import { StaffOnly } from "../components/Guards";
import { t } from "../i18n/events";
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
  return <StaffOnly noAccess={t("events.coordinatorsOnly")}>{props.children}</StaffOnly>;
}
