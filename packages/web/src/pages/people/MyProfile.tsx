import { createSignal, createUniqueId, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A } from "@solidjs/router";
import { LANGUAGES, PROFILE_FIELDS, VISIBILITIES, type Language, type ProfileField, type Visibility } from "@vernetzt/core/people/constants";
import { client, errorText, readError } from "../../api";
import { createAction, createForm, Form, TextField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { ImageUpload } from "../../components/ImageUpload";
import { Loading } from "../../components/Guards";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/people";
import { isStaff, type Account } from "../../session";
import { MembersGate, PeopleNav } from "./Gate";
import { areaLabel, languageLabel, segment, type AreaOption } from "./labels";

interface Draft {
  bio: string;
  areas: string[];
  languages: Language[];
  town: string;
  availability: string;
  visibility: Record<ProfileField, Visibility>;
  listed: boolean;
  messageNotices: boolean;
}

const FIELD_LABEL = {
  photo: "people.profile.photo",
  bio: "people.profile.bio",
  areas: "people.profile.areas",
  languages: "people.profile.languages",
  town: "people.profile.town",
  organisations: "people.profile.organisations",
  availability: "people.profile.availability",
} as const;

export default function MyProfile() {
  return (
    <Page title={t("people.me.title")} wide>
      <MembersGate>{(account) => <Editor account={account()} />}</MembersGate>
    </Page>
  );
}

function Editor(props: { account: Account }) {
  const data = createLoader(async () => {
    const [me, filters, blocks] = await Promise.all([client.api.people.me.$get(), client.api.people.filters.$get(), client.api.people.blocks.$get()]);
    for (const res of [me, filters, blocks]) if (!res.ok) throw await readError(res);
    if (!me.ok || !filters.ok || !blocks.ok) throw new Error("unreachable");
    return { ...(await me.json()), areas: (await filters.json()).areas, blocked: (await blocks.json()).blocked };
  });
  return (
    <>
      <PeopleNav />
      <p class="lead">{t("people.me.lead")}</p>
      <Show when={data.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={data.data()} fallback={<Show when={!data.error()}><Loading /></Show>}>
        {(d) => (
          <>
            <p>
              {t("people.me.name", { name: d().profile.name })} · <A href={`/people/${encodeURIComponent(d().profile.userId)}`}>{t("people.profile.self")}</A>
            </p>
            <ImageUpload
              label={t("people.me.photoUpload")}
              currentUrl={d().profile.hasPhoto ? `/api/people/${encodeURIComponent(d().profile.userId)}/photo?v=${d().profile.photoVersion}` : undefined}
              currentAlt={t("people.profile.photoOf", { name: d().profile.name })}
              requestUpload={async (file) => {
                const res = await client.api.people.me.photo.upload.$post({ json: file });
                if (!res.ok) throw await readError(res);
                return (await res.json()).upload;
              }}
              finalize={async (key) => {
                const res = await client.api.people.me.photo.$put({ json: { key } });
                if (!res.ok) throw await readError(res);
                await data.reload();
              }}
              remove={async () => {
                const res = await client.api.people.me.photo.$delete({ json: {} });
                if (!res.ok) throw await readError(res);
                await data.reload();
              }}
            />
            <ProfileForm profile={d().profile} areas={d().areas} />
            <Show when={isStaff(props.account)}>
              <NewArea onAdded={() => void data.reload()} />
            </Show>
            <MyOrganisations links={d().organisations} onChange={() => void data.reload()} userId={d().profile.userId} />
            <Blocked blocked={d().blocked} onChange={() => void data.reload()} />
          </>
        )}
      </Show>
    </>
  );
}

function ProfileForm(props: { profile: Omit<Draft, "languages"> & { languages: string[]; userId: string }; areas: AreaOption[] }) {
  const [draft, setDraft] = createStore<Draft>({
    bio: props.profile.bio,
    areas: [...props.profile.areas],
    languages: props.profile.languages.flatMap((code) => LANGUAGES.find((l) => l === code) ?? []),
    town: props.profile.town,
    availability: props.profile.availability,
    visibility: { ...props.profile.visibility },
    listed: props.profile.listed,
    messageNotices: props.profile.messageNotices,
  });
  const [saved, setSaved] = createSignal(false);
  const form = createForm(async () => {
    setSaved(false);
    const res = await client.api.people.me.$put({ json: { ...draft, areas: [...draft.areas], languages: [...draft.languages], visibility: { ...draft.visibility } } });
    if (!res.ok) throw await readError(res);
    setSaved(true);
  });
  const toggle = <T extends string>(list: T[], value: T, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));
  const headingId = createUniqueId();

  const VisibilitySelect = (p: { field: ProfileField }) => {
    const id = createUniqueId();
    return (
      <div class="field field-inline">
        <label for={id}>{t("people.me.visibilityOf", { field: t(FIELD_LABEL[p.field]) })}</label>
        <select id={id} name={`visibility.${p.field}`} onChange={(e) => setDraft("visibility", p.field, e.currentTarget.value as Visibility)}>
          <For each={VISIBILITIES}>
            {(level) => (
              <option value={level} selected={draft.visibility[p.field] === level}>
                {t(`people.vis.${level}`)}
              </option>
            )}
          </For>
        </select>
      </div>
    );
  };

  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId} class="visually-hidden">
        {t("people.me.title")}
      </h2>
      <Form form={form} submitLabel={t("people.me.save")} aria-labelledby={headingId}>
        <div class="field">
          <label for="profile-bio">{t("people.profile.bio")}</label>
          <textarea id="profile-bio" name="bio" rows="4" value={draft.bio} aria-invalid={form.fieldError("bio") ? "true" : undefined} aria-describedby={form.fieldError("bio") ? "profile-bio-error" : undefined} onInput={(e) => setDraft("bio", e.currentTarget.value)} />
          <Show when={form.fieldError("bio")}>{(text) => <p class="field-error" id="profile-bio-error">{text()}</p>}</Show>
        </div>
        <VisibilitySelect field="bio" />
        <fieldset class="checkbox-group">
          <legend>{t("people.profile.areas")}</legend>
          <For each={props.areas}>
            {(area) => (
              <label class="checkbox">
                <input type="checkbox" name="areas" value={area.id} checked={draft.areas.includes(area.id)} onChange={(e) => setDraft("areas", (list) => toggle(list, area.id, e.currentTarget.checked))} />
                {areaLabel(area.id, props.areas)}
              </label>
            )}
          </For>
        </fieldset>
        <VisibilitySelect field="areas" />
        <fieldset class="checkbox-group">
          <legend>{t("people.profile.languages")}</legend>
          <For each={[...LANGUAGES].sort((a, b) => languageLabel(a).localeCompare(languageLabel(b)))}>
            {(code) => (
              <label class="checkbox">
                <input type="checkbox" name="languages" value={code} checked={draft.languages.includes(code)} onChange={(e) => setDraft("languages", (list) => toggle(list, code, e.currentTarget.checked))} />
                {languageLabel(code)}
              </label>
            )}
          </For>
        </fieldset>
        <VisibilitySelect field="languages" />
        <TextField form={form} name="town" label={t("people.profile.town")} value={draft.town} onValue={(v) => setDraft("town", v)} autocomplete="address-level2" />
        <VisibilitySelect field="town" />
        <TextField form={form} name="availability" label={t("people.profile.availability")} value={draft.availability} onValue={(v) => setDraft("availability", v)} />
        <VisibilitySelect field="availability" />
        <VisibilitySelect field="organisations" />
        <VisibilitySelect field="photo" />
        <label class="checkbox">
          <input type="checkbox" name="listed" checked={draft.listed} onChange={(e) => setDraft("listed", e.currentTarget.checked)} />
          {t("people.me.listed")}
        </label>
        <label class="checkbox">
          <input type="checkbox" name="messageNotices" checked={draft.messageNotices} onChange={(e) => setDraft("messageNotices", e.currentTarget.checked)} />
          {t("people.me.messageNotices")}
        </label>
      </Form>
      <Show when={saved()}>
        <Status>{t("people.me.saved")}</Status>
      </Show>
    </section>
  );
}

function NewArea(props: { onAdded(): void }) {
  const [label, setLabel] = createSignal("");
  const form = createForm(async () => {
    const res = await client.api.people.areas.$post({ json: { label: label() } });
    if (!res.ok) throw await readError(res);
    setLabel("");
    props.onAdded();
  });
  return (
    <section class="card">
      <Form form={form} submitLabel={t("people.me.addArea")} secondary>
        <TextField form={form} name="label" label={t("people.me.newArea")} value={label()} onValue={setLabel} autocomplete="off" />
      </Form>
    </section>
  );
}

function MyOrganisations(props: { userId: string; links: { orgId: string; name: string; status: "requested" | "confirmed"; role: "member" | "admin" }[]; onChange(): void }) {
  const action = createAction();
  const headingId = createUniqueId();
  function leave(orgId: string) {
    void action.run(async () => {
      const res = await client.api.organisations[":orgId"].members[":userId"].$delete({ param: { orgId: segment(orgId), userId: segment(props.userId) }, json: {} });
      if (!res.ok) throw await readError(res);
      props.onChange();
    });
  }
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("people.me.orgs")}</h2>
      <Show when={props.links.length > 0} fallback={<p class="empty">{t("people.me.orgsEmpty")} <A href="/organisations">{t("nav.organisations")}</A></p>}>
        <ul class="plain-list">
          <For each={props.links}>
            {(link) => (
              <li>
                <A href={`/organisations/${encodeURIComponent(link.orgId)}`}>{link.name}</A> <span class="badge">{t(`people.me.orgStatus.${link.status}`)}</span>
                <Show when={link.role === "admin"}>
                  <span class="badge badge-accent">{t("people.me.orgRole.admin")}</span>
                </Show>{" "}
                <button type="button" class="link-button" onClick={() => leave(link.orgId)}>
                  {t("people.me.orgLeave", { name: link.name })}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </section>
  );
}

function Blocked(props: { blocked: { userId: string; name: string }[]; onChange(): void }) {
  const action = createAction();
  const headingId = createUniqueId();
  function unblock(userId: string) {
    void action.run(async () => {
      const res = await client.api.people[":userId"].block.$put({ param: { userId: segment(userId) }, json: { blocked: false } });
      if (!res.ok) throw await readError(res);
      props.onChange();
    });
  }
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("people.me.blocks")}</h2>
      <Show when={props.blocked.length > 0} fallback={<p class="empty">{t("people.me.blocksEmpty")}</p>}>
        <ul class="plain-list">
          <For each={props.blocked}>
            {(person) => (
              <li>
                {person.name}{" "}
                <button type="button" class="link-button" onClick={() => unblock(person.userId)} aria-label={`${t("people.profile.unblock")}: ${person.name}`}>
                  {t("people.profile.unblock")}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </section>
  );
}
