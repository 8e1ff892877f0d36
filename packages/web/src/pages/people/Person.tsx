import { createSignal, createUniqueId, For, Show } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createAction, createForm, Form, TextAreaField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Loading } from "../../components/Guards";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/people";
import { MembersGate, PeopleNav } from "./Gate";
import { areaLabel, languageLabel, segment } from "./labels";

export default function Person() {
  const params = useParams<{ userId: string }>();
  const person = createLoader(async () => {
    const [res, filters] = await Promise.all([client.api.people[":userId"].$get({ param: { userId: segment(params.userId) } }), client.api.people.filters.$get()]);
    if (!res.ok) throw await readError(res);
    if (!filters.ok) throw await readError(filters);
    return { ...(await res.json()).person, areaOptions: (await filters.json()).areas };
  });
  return (
    <Page title={person.data()?.name ?? t("nav.people")} wide>
      <MembersGate>
        {() => (
          <>
            <PeopleNav />
            <Show when={person.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
            <Show when={person.data()} fallback={<Show when={!person.error()}><Loading /></Show>}>
              {(p) => {
                const shared = () => [p().bio, p().areas?.length, p().languages?.length, p().town, p().organisations?.length, p().availability].some(Boolean);
                return (
                  <div class="person">
                    <Show when={p().photoUrl}>{(src) => <img class="avatar avatar-large" src={src()} alt={t("people.profile.photoOf", { name: p().name })} width="160" height="160" />}</Show>
                    <Show when={p().self}>
                      <Status tone="info">
                        {t("people.profile.self")} <A href="/people/me">{t("people.profile.edit")}</A>
                      </Status>
                    </Show>
                    <Show when={shared()} fallback={<p class="empty">{t("people.profile.nothingShared", { name: p().name })}</p>}>
                      <dl class="profile-fields">
                        <Show when={p().bio}>
                          <dt>{t("people.profile.bio")}</dt>
                          <dd class="prewrap">{p().bio}</dd>
                        </Show>
                        <Show when={p().areas?.length}>
                          <dt>{t("people.profile.areas")}</dt>
                          <dd>{(p().areas ?? []).map((a) => areaLabel(a, p().areaOptions)).join(", ")}</dd>
                        </Show>
                        <Show when={p().languages?.length}>
                          <dt>{t("people.profile.languages")}</dt>
                          <dd>{(p().languages ?? []).map(languageLabel).join(", ")}</dd>
                        </Show>
                        <Show when={p().town}>
                          <dt>{t("people.profile.town")}</dt>
                          <dd>{p().town}</dd>
                        </Show>
                        <Show when={p().organisations?.length}>
                          <dt>{t("people.profile.organisations")}</dt>
                          <dd>
                            <ul class="inline-list">
                              <For each={p().organisations}>
                                {(org) => (
                                  <li>
                                    <A href={`/organisations/${encodeURIComponent(org.orgId)}`}>{org.name}</A>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </dd>
                        </Show>
                        <Show when={p().availability}>
                          <dt>{t("people.profile.availability")}</dt>
                          <dd>{p().availability}</dd>
                        </Show>
                      </dl>
                    </Show>
                    <Show when={!p().self}>
                      <Show when={!p().blockedByMe} fallback={<p class="callout callout-info">{t("people.profile.blocked", { name: p().name })}</p>}>
                        <WriteMessage userId={p().userId} name={p().name} />
                      </Show>
                      <BlockToggle userId={p().userId} name={p().name} blocked={p().blockedByMe} onChange={() => void person.reload()} />
                    </Show>
                  </div>
                );
              }}
            </Show>
          </>
        )}
      </MembersGate>
    </Page>
  );
}

function WriteMessage(props: { userId: string; name: string }) {
  const navigate = useNavigate();
  const [body, setBody] = createSignal("");
  const headingId = createUniqueId();
  const form = createForm(async () => {
    const res = await client.api.messages.$post({ json: { participantIds: [props.userId], body: body() } });
    if (!res.ok) throw await readError(res);
    const { conversationId } = await res.json();
    navigate(`/messages/${encodeURIComponent(conversationId)}`);
  });
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("people.profile.write", { name: props.name })}</h2>
      <Form form={form} submitLabel={t("people.profile.send")} aria-labelledby={headingId}>
        <TextAreaField form={form} name="body" label={t("people.profile.message")} rows="5" value={body()} onValue={setBody} />
      </Form>
    </section>
  );
}

function BlockToggle(props: { userId: string; name: string; blocked: boolean; onChange(): void }) {
  const action = createAction();
  const [done, setDone] = createSignal("");
  function toggle() {
    void action.run(async () => {
      const blocked = !props.blocked;
      const res = await client.api.people[":userId"].block.$put({ param: { userId: segment(props.userId) }, json: { blocked } });
      if (!res.ok) throw await readError(res);
      setDone(blocked ? t("people.profile.blockedDone", { name: props.name }) : t("people.profile.unblockedDone"));
      props.onChange();
    });
  }
  return (
    <div class="actions">
      <button type="button" class="button" onClick={toggle} aria-disabled={action.busy() ? "true" : undefined}>
        {props.blocked ? t("people.profile.unblock") : t("people.profile.block", { name: props.name })}
      </button>
      <p role="status" class="status status-success" hidden={!done()}>
        {done()}
      </p>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </div>
  );
}
