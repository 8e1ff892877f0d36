import { createUniqueId, For, Show } from "solid-js";
import { A, useNavigate } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createLoader } from "../../components/loader";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/people";
import { isStaff, useSession } from "../../session";
import { areaLabel } from "../people/labels";
import { OrgForm } from "./OrgForm";

export default function Organisations() {
  const session = useSession();
  const navigate = useNavigate();
  const staff = () => {
    const account = session.account();
    return !!account && account.status === "approved" && isStaff(account);
  };
  const data = createLoader(async () => {
    const res = await client.api.organisations.$get();
    if (!res.ok) throw await readError(res);
    return (await res.json()).organisations;
  });
  const areas = createLoader(async () => {
    const res = await client.api.people.filters.$get();
    return res.ok ? (await res.json()).areas : [];
  });
  const newId = createUniqueId();
  return (
    <Page title={t("orgs.title")} wide>
      <p class="lead">{t("orgs.lead")}</p>
      <Show when={data.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={data.data()} fallback={<Show when={!data.error()}><Loading /></Show>}>
        {(orgs) => (
          <Show when={orgs().length > 0} fallback={<p class="empty">{t("orgs.empty")}</p>}>
            <ul class="org-list">
              <For each={orgs()}>
                {(org) => (
                  <li class="card">
                    <Show when={org.logoUrl}>{(src) => <img class="logo" src={src()} alt="" width="64" height="64" loading="lazy" />}</Show>
                    <h2>
                      <A href={`/organisations/${encodeURIComponent(org.orgId)}`}>{org.name}</A>
                    </h2>
                    <Show when={org.areas.length}>
                      <p class="meta">{org.areas.map((a) => areaLabel(a, areas.data() ?? [])).join(" · ")}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={staff()}>
        <section class="card" aria-labelledby={newId}>
          <h2 id={newId}>{t("orgs.new")}</h2>
          <OrgForm areas={areas.data() ?? []} onSaved={(orgId) => navigate(`/organisations/${encodeURIComponent(orgId)}`)} />
        </section>
      </Show>
    </Page>
  );
}
