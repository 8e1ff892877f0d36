import { createSignal, createUniqueId, Show } from "solid-js";
import { client, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { t } from "../../i18n/forum";
import { segment, type GroupView } from "./data";

/** Staff create a closed group or rename it. */
export function GroupForm(props: { group?: GroupView; onSaved(group: GroupView): void }) {
  const descriptionId = createUniqueId();
  const [name, setName] = createSignal(props.group?.name ?? "");
  const [description, setDescription] = createSignal(props.group?.description ?? "");
  const [saved, setSaved] = createSignal(false);

  const form = createForm(async () => {
    setSaved(false);
    const fields = { name: name(), description: description() };
    const existing = props.group;
    const res = existing
      ? await client.api.forum.groups[":groupId"].$patch({ param: { groupId: segment(existing.groupId) }, json: fields })
      : await client.api.forum.groups.$post({ json: fields });
    if (!res.ok) throw await readError(res);
    const { group } = await res.json();
    if (!existing) {
      setName("");
      setDescription("");
    }
    setSaved(true);
    props.onSaved(group);
  });

  const descriptionError = () => form.fieldError("description");

  return (
    <Form form={form} secondary={!!props.group} submitLabel={t(props.group ? "forum.groupForm.save" : "forum.groupForm.create")}>
      <TextField form={form} name="name" label={t("forum.groupForm.name")} value={name()} onValue={setName} autocomplete="off" />
      <div class="field">
        <label for={descriptionId}>{t("forum.groupForm.description")}</label>
        <textarea
          id={descriptionId}
          name="description"
          rows={2}
          value={description()}
          aria-invalid={descriptionError() ? "true" : undefined}
          aria-describedby={descriptionError() ? `${descriptionId}-error` : undefined}
          onInput={(event) => {
            form.clearField("description");
            setDescription(event.currentTarget.value);
          }}
        />
        <Show when={descriptionError()}>
          <p class="field-error" id={`${descriptionId}-error`}>
            {descriptionError()}
          </p>
        </Show>
      </div>
      <Show when={saved()}>
        <Status>{t(props.group ? "forum.groupForm.saved" : "forum.groupForm.created")}</Status>
      </Show>
    </Form>
  );
}
