import { Show, type Accessor, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { MembersOnly } from "../../components/MembersOnly";
import { t } from "../../i18n/people";
import { isStaff, useSession, type Account } from "../../session";

/** Profiles, messages and member lists are for approved members only (the API refuses everyone else). */
export function MembersGate(props: { staffOnly?: boolean; children: (account: Accessor<Account>) => JSX.Element }) {
  return (
    <MembersOnly area="people" gateText={(text) => t(`people.gate.${text}`)} staffOnly={props.staffOnly}>
      {props.children}
    </MembersOnly>
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
