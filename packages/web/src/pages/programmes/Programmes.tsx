import { For, Match, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { Loading, SignedIn } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, t } from "../../i18n/programmes";
import { isStaff } from "../../session";

export default function Programmes() {
  return (
    <Page title={t("programmes.title")} wide>
      <SignedIn>
        {(account) => (
          <Show when={account().status === "approved"} fallback={<p class="status status-info">{t("programmes.pendingOnly")}</p>}>
            <p>{t("programmes.intro")}</p>
            <Show when={isStaff(account())}>
              <p class="actions">
                <A class="button primary" href="/programmes/new">
                  {t("programmes.new")}
                </A>
              </p>
            </Show>
            <ProgrammeList />
          </Show>
        )}
      </SignedIn>
    </Page>
  );
}

function ProgrammeList() {
  const list = createLoader(async () => {
    const res = await client.api.programmes.$get();
    if (!res.ok) throw await readError(res);
    return (await res.json()).programmes;
  });
  return (
    <Switch fallback={<Loading />}>
      <Match when={list.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Match>
      <Match when={list.data()?.length === 0}>
        <p class="empty">{t("programmes.empty")}</p>
      </Match>
      <Match when={list.data()}>
        {(programmes) => (
          <ul class="programme-list">
            <For each={programmes()}>
              {(p) => (
                <li class="programme-card">
                  <h2>
                    <A href={`/programmes/${p.programmeId}`}>{p.name}</A>
                  </h2>
                  <p class="meta">
                    <span class="badge">{t(`programmes.role.${p.role}`)}</span> {t("programmes.courseStart")}: {formatDate(p.courseStart)}
                  </p>
                </li>
              )}
            </For>
          </ul>
        )}
      </Match>
    </Switch>
  );
}
