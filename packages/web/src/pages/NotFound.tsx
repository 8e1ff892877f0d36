import { A } from "@solidjs/router";
import { Page } from "../components/Page";
import { t } from "../i18n";

export default function NotFound() {
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.text")}</p>
      <A href="/">{t("common.backHome")}</A>
    </Page>
  );
}
