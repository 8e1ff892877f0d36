import { createSignal, createUniqueId, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { client, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { t } from "../../i18n/people";
import { areaLabel, segment, type AreaOption } from "../people/labels";

export interface OrgDraft {
  name: string;
  description: string;
  areas: string[];
  contact: string;
  website: string;
}

/** Coordinators create an organisation (no orgId) or change one. */
export function OrgForm(props: { orgId?: string; initial?: OrgDraft; areas: AreaOption[]; onSaved(orgId: string): void }) {
  const [draft, setDraft] = createStore<OrgDraft>(props.initial ? { ...props.initial, areas: [...props.initial.areas] } : { name: "", description: "", areas: [], contact: "", website: "" });
  const [saved, setSaved] = createSignal(false);
  const descriptionId = createUniqueId();
  const form = createForm(async () => {
    setSaved(false);
    const json = { ...draft, areas: [...draft.areas] };
    const res = props.orgId ? await client.api.organisations[":orgId"].$put({ param: { orgId: segment(props.orgId) }, json }) : await client.api.organisations.$post({ json });
    if (!res.ok) throw await readError(res);
    const { organisation } = await res.json();
    setSaved(true);
    props.onSaved(organisation.orgId);
  });
  return (
    <Form form={form} submitLabel={props.orgId ? t("orgs.save") : t("orgs.create")}>
      <TextField form={form} name="name" label={t("orgs.name")} value={draft.name} onValue={(v) => setDraft("name", v)} autocomplete="organization" />
      <div class="field">
        <label for={descriptionId}>{t("orgs.description")}</label>
        <textarea id={descriptionId} name="description" rows="4" value={draft.description} onInput={(e) => setDraft("description", e.currentTarget.value)} />
      </div>
      <fieldset class="checkbox-group">
        <legend>{t("orgs.areas")}</legend>
        <For each={props.areas}>
          {(area) => (
            <label class="checkbox">
              <input
                type="checkbox"
                name="areas"
                checked={draft.areas.includes(area.id)}
                onChange={(e) => setDraft("areas", (list) => (e.currentTarget.checked ? [...list, area.id] : list.filter((a) => a !== area.id)))}
              />
              {areaLabel(area.id, props.areas)}
            </label>
          )}
        </For>
      </fieldset>
      <TextField form={form} name="contact" label={t("orgs.contact")} value={draft.contact} onValue={(v) => setDraft("contact", v)} />
      <TextField form={form} name="website" type="url" label={t("orgs.website")} value={draft.website} onValue={(v) => setDraft("website", v)} placeholder="https://" />
      <Show when={saved()}>
        <Status>{props.orgId ? t("orgs.saved") : t("orgs.created")}</Status>
      </Show>
    </Form>
  );
}
