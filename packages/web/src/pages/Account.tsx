import { createSignal, Show, type Accessor } from "solid-js";
import { SignedIn } from "../components/Guards";
import { TwoFactorNotice } from "../components/Notices";
import { Page } from "../components/Page";
import { t } from "../i18n";
import type { Account as AccountView } from "../session";
import { EmailSection } from "./account/EmailSection";
import { PasswordSection } from "./account/PasswordSection";
import { ProfileSection } from "./account/ProfileSection";
import { SessionsSection } from "./account/SessionsSection";
import { TwoFactorSection, type TwoFactorStep } from "./account/TwoFactorSection";
import { NewsletterSection } from "./newsletter/AccountSection";
import { PrivacySection } from "./account/PrivacySection";

export default function Account() {
  return (
    <Page title={t("account.title")}>
      <SignedIn>{(account) => <AccountSections account={account} />}</SignedIn>
    </Page>
  );
}

function AccountSections(props: { account: Accessor<AccountView> }) {
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
      <PrivacySection />
    </>
  );
}
