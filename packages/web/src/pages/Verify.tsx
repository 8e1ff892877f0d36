import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { client, readError } from "../api";
import { Status } from "../components/Notices";
import { Page } from "../components/Page";
import { ResendVerification } from "../components/ResendVerification";
import { TokenLink } from "../components/TokenLink";
import { t } from "../i18n";
import { useSession } from "../session";

export default function Verify() {
  const session = useSession();
  async function redeem(token: string) {
    const res = await client.api.auth.verify.$post({ json: { token } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).account;
  }
  return (
    <Page title={t("verify.title")}>
      <TokenLink
        redeem={redeem}
        working={t("verify.working")}
        done={(account) => (
          <>
            <Status>
              {account.status === "pending"
                ? t("verify.pending", { email: account.email })
                : account.status === "approved"
                  ? t("verify.approved", { email: account.email })
                  : t("verify.blocked", { email: account.email })}
            </Status>
            <Show when={!session.account()}>
              <A href="/signin" class="button primary">
                {t("common.toSignin")}
              </A>
            </Show>
          </>
        )}
        failed={(error) => (
          <Show when={error.code === "invalid_token" || error.code === "invalid_input"}>
            <h2>{t("verify.requestNew")}</h2>
            <ResendVerification />
          </Show>
        )}
      />
    </Page>
  );
}
