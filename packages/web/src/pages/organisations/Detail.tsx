import { createSignal, createUniqueId, For, Show } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { ImageUpload } from "../../components/ImageUpload";
import { Loading } from "../../components/Guards";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/people";
import { isStaff, useSession } from "../../session";
import { areaLabel, segment } from "../people/labels";
import { OrgForm } from "./OrgForm";

export default function Organisation() {
  const params = useParams<{ orgId: string }>();
  const session = useSession();
  const page = createLoader(async () => {
    const res = await client.api.organisations[":orgId"].$get({ param: { orgId: segment(params.orgId) } });
    if (!res.ok) throw await readError(res);
    return res.json();
  });
  const areas = createLoader(async () => {
    const res = await client.api.people.filters.$get();
    return res.ok ? (await res.json()).areas : [];
  });
  const action = createAction();
  const [notice, setNotice] = createSignal("");
  const staff = () => {
    const account = session.account();
    return !!account && account.status === "approved" && isStaff(account);
  };
  const member = () => session.account()?.status === "approved";
  const run = (work: () => Promise<Response | { ok: boolean; status: number; json(): Promise<unknown> }>, done?: string) =>
    void action.run(async () => {
      const res = await work();
      if (!res.ok) throw await readError(res);
      if (done) setNotice(done);
      await page.reload();
    });
  const ids = { about: createUniqueId(), events: createUniqueId(), members: createUniqueId(), requests: createUniqueId(), edit: createUniqueId() };

  return (
    <Page title={page.data()?.organisation.name ?? t("orgs.title")} wide>
      <p>
        <A href="/organisations">{t("orgs.title")}</A>
      </p>
      <Show when={page.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={page.data()} fallback={<Show when={!page.error()}><Loading /></Show>}>
        {(data) => {
          const org = () => data().organisation;
          const orgId = () => segment(org().orgId);
          return (
            <>
              <section aria-labelledby={ids.about} class="org-about">
                <h2 id={ids.about} class="visually-hidden">
                  {org().name}
                </h2>
                <Show when={org().logoUrl}>{(src) => <img class="logo" src={src()} alt={t("orgs.logo", { name: org().name })} width="128" height="128" />}</Show>
                <Show when={org().description}>
                  <p class="prewrap">{org().description}</p>
                </Show>
                <dl class="profile-fields">
                  <Show when={org().areas.length}>
                    <dt>{t("orgs.areas")}</dt>
                    <dd>{org().areas.map((a) => areaLabel(a, areas.data() ?? [])).join(", ")}</dd>
                  </Show>
                  <Show when={org().contact}>
                    <dt>{t("orgs.contact")}</dt>
                    <dd class="prewrap">{org().contact}</dd>
                  </Show>
                  <Show when={org().website}>
                    <dt>{t("orgs.website")}</dt>
                    <dd>
                      <a href={org().website} rel="noopener noreferrer" target="_blank">
                        {org().website}
                      </a>
                    </dd>
                  </Show>
                </dl>
              </section>
              <section aria-labelledby={ids.events}>
                <h2 id={ids.events}>{t("orgs.events")}</h2>
                <Show when={data().events.length > 0} fallback={<p class="empty">{t("orgs.noEvents")}</p>}>
                  <ul class="plain-list">
                    <For each={data().events}>
                      {(event) => (
                        <li>
                          <A href={`/events/${encodeURIComponent(event.eventId)}`}>{event.title}</A> · <time datetime={event.startsAt}>{formatDateTime(event.startsAt)}</time>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <Show when={notice()}>
                <Status>{notice()}</Status>
              </Show>
              <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
              <Show when={member()} fallback={<p class="callout callout-info">{t("orgs.membersOnly")}</p>}>
                <section aria-labelledby={ids.members}>
                  <h2 id={ids.members}>{t("orgs.members")}</h2>
                  <Show when={data().myLink} fallback={
                    <button type="button" class="button primary" onClick={() => run(() => client.api.organisations[":orgId"].link.$post({ param: { orgId: orgId() }, json: {} }), t("orgs.joinRequested"))}>
                      {t("orgs.join")}
                    </button>
                  }>
                    {(link) => <p class="meta">{t(`orgs.myStatus.${link().status}`)}</p>}
                  </Show>
                  <Show when={(data().members ?? []).length > 0} fallback={<p class="empty">{t("orgs.noMembers")}</p>}>
                    <ul class="plain-list">
                      <For each={data().members}>
                        {(m) => (
                          <li>
                            <A href={`/people/${encodeURIComponent(m.userId)}`}>{m.name}</A>
                            <Show when={m.role === "admin"}>
                              {" "}
                              <span class="badge badge-accent">{t("orgs.admin")}</span>
                            </Show>
                            <Show when={data().mayManage}>
                              {" "}
                              <button type="button" class="link-button" onClick={() => run(() => client.api.organisations[":orgId"].members[":userId"].$delete({ param: { orgId: orgId(), userId: segment(m.userId) }, json: {} }))}>
                                {t("orgs.remove", { name: m.name })}
                              </button>
                            </Show>
                            <Show when={staff() && m.role !== "admin"}>
                              {" "}
                              <button type="button" class="link-button" onClick={() => run(() => client.api.organisations[":orgId"].members[":userId"].role.$put({ param: { orgId: orgId(), userId: segment(m.userId) }, json: { role: "admin" } }))}>
                                {t("orgs.makeAdmin", { name: m.name })}
                              </button>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
                <Show when={data().requests?.length}>
                  <section aria-labelledby={ids.requests}>
                    <h2 id={ids.requests}>{t("orgs.requests")}</h2>
                    <ul class="plain-list">
                      <For each={data().requests}>
                        {(r) => (
                          <li>
                            {r.name}{" "}
                            <button type="button" class="button small" onClick={() => run(() => client.api.organisations[":orgId"].members[":userId"].confirm.$post({ param: { orgId: orgId(), userId: segment(r.userId) }, json: {} }))}>
                              {t("orgs.confirm", { name: r.name })}
                            </button>{" "}
                            <button type="button" class="button small" onClick={() => run(() => client.api.organisations[":orgId"].members[":userId"].$delete({ param: { orgId: orgId(), userId: segment(r.userId) }, json: {} }))}>
                              {t("orgs.decline", { name: r.name })}
                            </button>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                </Show>
              </Show>
              <Show when={staff()}>
                <section class="card" aria-labelledby={ids.edit}>
                  <h2 id={ids.edit}>{t("orgs.edit")}</h2>
                  <ImageUpload
                    label={t("orgs.logoUpload")}
                    currentUrl={org().logoUrl}
                    currentAlt={t("orgs.logo", { name: org().name })}
                    requestUpload={async (file) => {
                      const res = await client.api.organisations[":orgId"].logo.upload.$post({ param: { orgId: orgId() }, json: file });
                      if (!res.ok) throw await readError(res);
                      return (await res.json()).upload;
                    }}
                    finalize={async (key) => {
                      const res = await client.api.organisations[":orgId"].logo.$put({ param: { orgId: orgId() }, json: { key } });
                      if (!res.ok) throw await readError(res);
                      await page.reload();
                    }}
                  />
                  <OrgForm orgId={org().orgId} initial={org()} areas={areas.data() ?? []} onSaved={() => void page.reload()} />
                </section>
              </Show>
            </>
          );
        }}
      </Show>
    </Page>
  );
}
