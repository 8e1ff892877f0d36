import { createSignal, Show, type Accessor } from "solid-js";
import { SignedIn } from "../components/Guards";
import { Status, TwoFactorNotice } from "../components/Notices";
import { A } from "@solidjs/router";
import { useSession } from "../session";
import { Page } from "../components/Page";
import { t } from "../i18n/info";
import type { Account as AccountView } from "../session";
import { EmailSection } from "./account/EmailSection";
import { PasswordSection } from "./account/PasswordSection";
import { ProfileSection } from "./account/ProfileSection";
import { SessionsSection } from "./account/SessionsSection";
import { TwoFactorSection, type TwoFactorStep } from "./account/TwoFactorSection";
import { NewsletterSection } from "./newsletter/AccountSection";
import { PrivacySection } from "./account/PrivacySection";

export default function Account() {
  const session = useSession();
  const [deleted, setDeleted] = createSignal(false);
  // Once deleted, the page says so in place (the signed-in guard would otherwise send the reader to sign in).
  const onDeleted = () => {
    setDeleted(true);
    session.setAccount(null);
  };
  return (
    <Page title={t("account.title")}>
      <Show
        when={deleted()}
        fallback={<SignedIn>{(account) => <AccountSections account={account} onDeleted={onDeleted} />}</SignedIn>}
      >
        <Status>{t("privacy.deleted")}</Status>
        <p>
          <A href="/">{t("common.backHome")}</A>
        </p>
      </Show>
    </Page>
  );
}

function AccountSections(props: { account: Accessor<AccountView>; onDeleted(): void }) {
  const [twoFactorStep, setTwoFactorStep] = createSignal<TwoFactorStep>("idle");
  return (
    <>
      <p class="lead">{t("account.summary", { email: props.account().email })}</p>
      <dl class="facts">
        <div>
          <dt>{t("account.role")}</dt>
          <dd>{t(`role.${props.account().role}`)}</dd>
        </div>
        <div>
          <dt>{t("account.status")}</dt>
          <dd>{t(`status.${props.account().status}`)}</dd>
        </div>
      </dl>
      <Show when={props.account().twoFactorSetupRequired && twoFactorStep() === "idle"}>
        <TwoFactorNotice
          action={
            <button type="button" class="button primary" onClick={() => setTwoFactorStep("password")}>
              {t("twoFactorNotice.action")}
            </button>
          }
        />
      </Show>
      <ProfileSection account={props.account} />
      <NewsletterSection account={props.account} />
      <TwoFactorSection account={props.account} step={twoFactorStep()} setStep={setTwoFactorStep} />
      <PasswordSection />
      <EmailSection />
      <SessionsSection />
      <PrivacySection onDeleted={props.onDeleted} />
    </>
  );
}
