import { createEffect, createUniqueId, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useSearchParams } from "@solidjs/router";
import { LANGUAGES } from "@vernetzt/core/people/constants";
import type { InferResponseType } from "hono/client";
import { client, errorText, readError } from "../../api";
import { createLoader } from "../../components/loader";
import { createPagedList, ListFooter } from "../../components/paged";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/people";
import { MembersGate, PeopleNav } from "./Gate";
import { areaLabel, languageLabel, type AreaOption } from "./labels";

type Entry = InferResponseType<typeof client.api.people.$get, 200>["people"][number];
type Filters = { q: string; area: string; language: string; town: string; org: string };
const FILTERS = ["q", "area", "language", "town", "org"] as const;

export default function Directory() {
  return (
    <Page title={t("people.directory.title")} wide>
      <MembersGate>
        {() => (
          <>
            <PeopleNav />
            <p class="lead">{t("people.directory.lead")}</p>
            <DirectorySearch />
          </>
        )}
      </MembersGate>
    </Page>
  );
}

function DirectorySearch() {
  const [params, setParams] = useSearchParams();
  const param = (name: (typeof FILTERS)[number]) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const current = (): Filters => ({ q: param("q"), area: param("area"), language: param("language"), town: param("town"), org: param("org") });
  const [draft, setDraft] = createStore<Filters>(current());
  const options = createLoader(async () => {
    const res = await client.api.people.filters.$get();
    if (!res.ok) throw await readError(res);
    return res.json();
  });
  const areas = (): AreaOption[] => options.data()?.areas ?? [];
  const paged = createPagedList({
    async fetch(cursor) {
      const f = current();
      const language = LANGUAGES.find((code) => code === f.language);
      const query = {
        ...(f.q ? { q: f.q } : {}),
        ...(f.area ? { area: f.area } : {}),
        ...(language ? { language } : {}),
        ...(f.town ? { town: f.town } : {}),
        ...(f.org ? { org: f.org } : {}),
        ...(cursor ? { cursor } : {}),
      };
      const res = await client.api.people.$get({ query });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): Entry[] => page.people,
  });
  const { list, error, load } = paged;

  createEffect(
    on(
      () => FILTERS.map(param).join("\u0000"),
      () => {
        setDraft(current());
        void load(false);
      },
    ),
  );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setParams(Object.fromEntries(FILTERS.map((name) => [name, draft[name].trim() || undefined])));
  }

  const resultsId = createUniqueId();
  return (
    <div class="people-directory">
      <form class="form filters" role="search" aria-label={t("people.directory.filters")} onSubmit={submit}>
        <div class="field">
          <label for="dir-q">{t("people.directory.q")}</label>
          <input id="dir-q" type="search" name="q" value={draft.q} onInput={(e) => setDraft("q", e.currentTarget.value)} autocomplete="off" />
        </div>
        <div class="field">
          <label for="dir-language">{t("people.directory.language")}</label>
          <select id="dir-language" name="language" onChange={(e) => setDraft("language", e.currentTarget.value)}>
            <option value="" selected={draft.language === ""}>
              {t("people.directory.any")}
            </option>
            <For each={[...LANGUAGES].sort((a, b) => languageLabel(a).localeCompare(languageLabel(b)))}>
              {(code) => (
                <option value={code} selected={draft.language === code}>
                  {languageLabel(code)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="dir-area">{t("people.directory.area")}</label>
          <select id="dir-area" name="area" onChange={(e) => setDraft("area", e.currentTarget.value)}>
            <option value="" selected={draft.area === ""}>
              {t("people.directory.any")}
            </option>
            <For each={areas()}>
              {(area) => (
                <option value={area.id} selected={draft.area === area.id}>
                  {areaLabel(area.id, areas())}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="dir-town">{t("people.directory.town")}</label>
          <select id="dir-town" name="town" onChange={(e) => setDraft("town", e.currentTarget.value)}>
            <option value="" selected={draft.town === ""}>
              {t("people.directory.any")}
            </option>
            <For each={options.data()?.towns ?? []}>
              {(town) => (
                <option value={town} selected={draft.town === town}>
                  {town}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="dir-org">{t("people.directory.org")}</label>
          <select id="dir-org" name="org" onChange={(e) => setDraft("org", e.currentTarget.value)}>
            <option value="" selected={draft.org === ""}>
              {t("people.directory.any")}
            </option>
            <For each={options.data()?.organisations ?? []}>
              {(org) => (
                <option value={org.orgId} selected={draft.org === org.orgId}>
                  {org.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button primary">
            {t("people.directory.search")}
          </button>
          <button type="button" class="button" onClick={() => setParams(Object.fromEntries(FILTERS.map((name) => [name, undefined])))}>
            {t("people.directory.reset")}
          </button>
        </div>
      </form>
      <h2 id={resultsId} class="visually-hidden">
        {t("people.directory.results")}
      </h2>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul class="person-list" aria-labelledby={resultsId} aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>
          {(person) => (
            <li class="card person-card">
              <Show when={person.photoUrl}>{(src) => <img class="avatar" src={src()} alt="" width="64" height="64" loading="lazy" />}</Show>
              <div>
                <h3>
                  <A href={`/people/${encodeURIComponent(person.userId)}`}>{person.name}</A>
                </h3>
                <Show when={person.town}>
                  <p class="meta">{person.town}</p>
                </Show>
                <Show when={person.languages?.length}>
                  <p class="meta">{t("people.directory.speaks", { languages: (person.languages ?? []).map(languageLabel).join(", ") })}</p>
                </Show>
                <Show when={person.areas?.length}>
                  <p class="meta">{(person.areas ?? []).map((a) => areaLabel(a, areas())).join(" · ")}</p>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
      <ListFooter paged={paged} more={t("people.directory.more")}>
        {t("people.directory.empty")}
      </ListFooter>
    </div>
  );
}
