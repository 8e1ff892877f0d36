import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { client, readError } from "../../api";
import { Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { TokenLink } from "../../components/TokenLink";
import { t } from "../../i18n/newsletter";

/** The double opt-in link from the confirmation mail. */
export default function NewsletterConfirm() {
  async function redeem(token: string) {
    const res = await client.api.newsletter.confirm.$post({ json: { token } });
    if (!res.ok) throw await readError(res);
    return res.json();
  }
  return (
    <Page title={t("newsletter.confirm.title")}>
      <TokenLink
        redeem={redeem}
        working={t("newsletter.confirm.working")}
        done={(result) => (
          <>
            <Status>{t("newsletter.confirm.done", { email: result.email })}</Status>
            <A href="/newsletter" class="button primary">
              {t("newsletter.toNewsletter")}
            </A>
          </>
        )}
        failed={(error) => (
          <Show when={error.code === "invalid_token" || error.code === "invalid_input"}>
            <p>{t("newsletter.confirm.failedHint")}</p>
            <A href="/newsletter" class="button">
              {t("newsletter.subscribe.title")}
            </A>
          </Show>
        )}
      />
    </Page>
  );
}
