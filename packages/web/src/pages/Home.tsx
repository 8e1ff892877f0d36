import { Match, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import { createLoader } from "../components/loader";
import { TwoFactorNotice } from "../components/Notices";
import { Page } from "../components/Page";
import { t } from "../i18n";
import { isStaff, useSession } from "../session";
import { fetchContacts } from "./info/api";
import { ContactBox } from "./info/ContactBox";

export default function Home() {
  const session = useSession();
  const contacts = createLoader(fetchContacts);
  return (
    <Page title={t("home.title")}>
      <Switch>
        <Match when={session.account()}>
          {(account) => (
            <section class="welcome" aria-labelledby="greeting">
              <h2 id="greeting">{t("home.greeting", { name: account().name })}</h2>
              <Switch>
                <Match when={account().status === "pending"}>
                  <div class="callout callout-info">
                    <h3>{t("home.pending.title")}</h3>
                    <p>{t("home.pending.text")}</p>
                  </div>
                </Match>
                <Match when={account().status === "approved"}>
                  <p>{t("home.approved.text")}</p>
                </Match>
              </Switch>
              <Show when={account().twoFactorSetupRequired}>
                <TwoFactorNotice />
              </Show>
              <ul class="link-list">
                <li>
                  <A href="/account">{t("home.links.account")}</A>
                </li>
                <Show when={isStaff(account())}>
                  <li>
                    <A href="/admin/members">{t("home.links.members")}</A>
                  </li>
                </Show>
              </ul>
            </section>
          )}
        </Match>
      </Switch>
      <p class="lead">{t("home.lead")}</p>
      <section aria-labelledby="offers">
        <h2 id="offers">{t("home.offers.title")}</h2>
        <ul class="offers">
          <li>{t("home.offers.meetings")}</li>
          <li>{t("home.offers.trainings")}</li>
          <li>{t("home.offers.newsletter")}</li>
          <li>{t("home.offers.network")}</li>
        </ul>
      </section>
      <ContactBox contacts={contacts.data()} />
      {/* Once the contact box above has come (or failed): shown before it, the invitation would jump down. */}
      <Show when={session.account() === null && !contacts.loading()}>
        <section class="callout" aria-labelledby="join">
          <h2 id="join">{t("home.join.title")}</h2>
          <p>{t("home.join.text")}</p>
          <div class="actions">
            <A href="/signup" class="button primary">
              {t("home.join.signup")}
            </A>
            <A href="/signin" class="button">
              {t("home.join.signin")}
            </A>
          </div>
        </section>
      </Show>
    </Page>
  );
}
