import { Page } from "../components/Page";
import { t } from "../i18n";

export function Imprint() {
  return (
    <Page title={t("imprint.title")}>
      <p>{t("imprint.text")}</p>
    </Page>
  );
}

export function Privacy() {
  return (
    <Page title={t("privacy.title")}>
      <p>{t("privacy.text")}</p>
    </Page>
  );
}
