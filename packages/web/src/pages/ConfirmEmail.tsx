import { A } from "@solidjs/router";
import { client, readError } from "../api";
import { Page } from "../components/Page";
import { Status } from "../components/Notices";
import { TokenLink } from "../components/TokenLink";
import { t } from "../i18n";
import { useSession } from "../session";

export default function ConfirmEmail() {
  const session = useSession();
  async function redeem(token: string) {
    const res = await client.api.auth["confirm-email"].$post({ json: { token } });
    if (!res.ok) throw await readError(res);
    const { account } = await res.json();
    // The link may be opened in a browser signed in to this very account: show the new address there at once.
    if (session.account()?.userId === account.userId) session.setAccount(account);
    return account;
  }
  return (
    <Page title={t("confirmEmail.title")}>
      <TokenLink
        redeem={redeem}
        working={t("confirmEmail.working")}
        done={(account) => (
          <>
            <Status>{t("confirmEmail.done", { email: account.email })}</Status>
            <A href={session.account() ? "/account" : "/signin"} class="button primary">
              {session.account() ? t("common.toAccount") : t("common.toSignin")}
            </A>
          </>
        )}
      />
    </Page>
  );
}
