import { For, Show, type Accessor, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { MembersOnly } from "../../components/MembersOnly";
import { t } from "../../i18n/forum";
import { isStaff, useSession, type Account } from "../../session";

/** The forum is for approved members; guests may also sign up from here, pending members wait for approval. */
export function ForumGate(props: { staffOnly?: boolean; children: (account: Accessor<Account>) => JSX.Element }) {
  return (
    <MembersOnly area="forum" gateText={(text) => t(`forum.gate.${text}`)} staffOnly={props.staffOnly} signup pendingTitled>
      {props.children}
    </MembersOnly>
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
