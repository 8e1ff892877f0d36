import { createSignal, createUniqueId, Show } from "solid-js";
import { client, readError } from "../../api";
import { createForm, Form, SelectField, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { t } from "../../i18n/forum";
import { POSTING_POLICIES, segment, type CategoryView, type PostingPolicy } from "./data";

/**
 * Staff create a category (for everyone, or inside a closed group: `groupId`) or change one.
 * Where it belongs is fixed once created.
 */
export function CategoryForm(props: { category?: CategoryView; groupId?: string; onSaved(category: CategoryView): void }) {
  const descriptionId = createUniqueId();
  const [name, setName] = createSignal(props.category?.name ?? "");
  const [description, setDescription] = createSignal(props.category?.description ?? "");
  const [position, setPosition] = createSignal(String(props.category?.position ?? 0));
  const [policy, setPolicy] = createSignal<PostingPolicy>(props.category?.postingPolicy ?? "members");
  const [saved, setSaved] = createSignal(false);

  const form = createForm(async () => {
    setSaved(false);
    const fields = { name: name(), description: description(), position: Number(position() || "0"), postingPolicy: policy() };
    const existing = props.category;
    const res = existing
      ? await client.api.forum.categories[":categoryId"].$patch({ param: { categoryId: segment(existing.categoryId) }, json: fields })
      : await client.api.forum.categories.$post({ json: { ...fields, groupId: props.groupId ?? null } });
    if (!res.ok) throw await readError(res);
    const { category } = await res.json();
    if (!existing) {
      setName("");
      setDescription("");
      setPosition("0");
      setPolicy("members");
    }
    setSaved(true);
    props.onSaved(category);
  });

  const descriptionError = () => form.fieldError("description");

  return (
    <Form form={form} secondary={!!props.category} submitLabel={t(props.category ? "forum.categoryForm.save" : "forum.categoryForm.create")}>
      <TextField form={form} name="name" label={t("forum.categoryForm.name")} value={name()} onValue={setName} autocomplete="off" />
      <div class="field">
        <label for={descriptionId}>{t("forum.categoryForm.description")}</label>
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
      <div class="field-row">
        <SelectField
          form={form}
          name="postingPolicy"
          label={t("forum.categoryForm.policy")}
          value={policy()}
          options={POSTING_POLICIES.map((value) => ({ value, label: t(`forum.policy.${value}`) }))}
          onValue={setPolicy}
        />
        <TextField
          form={form}
          name="position"
          type="number"
          inputMode="numeric"
          min="0"
          max="999"
          label={t("forum.categoryForm.position")}
          hint={t("forum.categoryForm.positionHint")}
          value={position()}
          onValue={setPosition}
        />
      </div>
      <Show when={saved()}>
        <Status>{t(props.category ? "forum.categoryForm.saved" : "forum.categoryForm.created")}</Status>
      </Show>
    </Form>
  );
}
