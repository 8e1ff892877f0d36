import { createSignal, createUniqueId, For, Show } from "solid-js";
import { ApiError, client, errorText, readError } from "../../api";
import { createForm, Form, SelectField, TextField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, locale, t } from "../../i18n/info";
import { isStaff, useSession } from "../../session";
import { fetchFolders, formatSize, type Folder } from "./api";

type Visibility = "public" | "members";
const visibilityOptions = () => [
  { value: "public" as const, label: t("page.visibility.public") },
  { value: "members" as const, label: t("page.visibility.members") },
];

export default function Documents() {
  const session = useSession();
  const folders = createLoader(fetchFolders);
  const staff = () => {
    const account = session.account();
    return !!account && isStaff(account);
  };
  return (
    <Page title={t("documents.title")}>
      <p class="lead">{t("documents.lead")}</p>
      <Show when={folders.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={folders.data()?.length === 0}>
        <p class="empty">{t("documents.none")}</p>
      </Show>
      <For each={folders.data()}>{(folder) => <FolderSection folder={folder} staff={staff()} onChange={() => folders.reload()} />}</For>
      <Show when={staff()}>
        <NewFolder onDone={() => folders.reload()} />
      </Show>
    </Page>
  );
}

function FolderSection(props: { folder: Folder; staff: boolean; onChange(): Promise<void> }) {
  const headingId = createUniqueId();
  const [error, setError] = createSignal<ApiError | null>(null);
  async function run(action: () => Promise<Response>) {
    setError(null);
    const res = await action();
    if (!res.ok) setError(await readError(res));
    else await props.onChange();
  }
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.folder.name}
        <Show when={props.folder.visibility === "members"}>
          {" "}
          <span class="badge">{t("info.membersOnly")}</span>
        </Show>
      </h2>
      <Show when={props.folder.description}>
        <p>{props.folder.description}</p>
      </Show>
      <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={props.folder.documents.length > 0} fallback={<p class="empty">{t("documents.empty")}</p>}>
        <ul class="document-list">
          <For each={props.folder.documents}>
            {(doc) => (
              <li>
                <a href={`/api/documents/${doc.documentId}/download`} rel="external" aria-label={t("documents.download", { title: doc.title, size: formatSize(doc.size, locale()), date: formatDate(doc.createdAt) })}>
                  {doc.title}
                </a>
                <Show when={doc.visibility === "members" && props.folder.visibility === "public"}>
                  {" "}
                  <span class="badge">{t("info.membersOnly")}</span>
                </Show>
                <span class="document-meta">
                  {t("documents.meta", { type: doc.filename.split(".").pop()?.toUpperCase() ?? "", size: formatSize(doc.size, locale()), date: formatDate(doc.createdAt) })}
                </span>
                <Show when={doc.description}>
                  <p>{doc.description}</p>
                </Show>
                <Show when={props.staff}>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => {
                      if (window.confirm(t("documents.deleteConfirm", { title: doc.title }))) {
                        void run(() => client.api.documents[":documentId"].delete.$post({ param: { documentId: doc.documentId }, json: {} }));
                      }
                    }}
                  >
                    {t("documents.delete")}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.staff}>
        <Upload folderId={props.folder.folderId} onDone={props.onChange} />
        <Show when={props.folder.documents.length === 0}>
          <button type="button" class="button" onClick={() => void run(() => client.api.documents.folders[":folderId"].delete.$post({ param: { folderId: props.folder.folderId }, json: {} }))}>
            {t("documents.deleteFolder")}
          </button>
        </Show>
      </Show>
    </section>
  );
}

function Upload(props: { folderId: string; onDone(): Promise<void> }) {
  const fileId = createUniqueId();
  const [file, setFile] = createSignal<File | null>(null);
  const [title, setTitle] = createSignal("");
  const [visibility, setVisibility] = createSignal<Visibility>("public");
  const [done, setDone] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  const form = createForm(async () => {
    setDone(null);
    const chosen = file();
    if (!chosen) throw new ApiError(400, "invalid_input", "Choose a file.", { file: "required" });
    const res = await client.api.documents.uploads.$post({
      json: { folderId: props.folderId, filename: chosen.name, size: chosen.size, contentType: chosen.type || "application/octet-stream", title: title(), visibility: visibility() },
    });
    if (!res.ok) throw await readError(res);
    const { document, upload } = await res.json();
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: chosen });
    if (!put.ok) throw await readError(put);
    const finalized = await client.api.documents[":documentId"].finalize.$post({ param: { documentId: document.documentId }, json: {} });
    if (!finalized.ok) throw await readError(finalized);
    setDone(document.title);
    setFile(null);
    setTitle("");
    if (input) input.value = "";
    await props.onDone();
  });
  return (
    <details class="upload">
      <summary>{t("documents.upload")}</summary>
      <Form form={form} submitLabel={t("documents.upload")} secondary>
        <div class="field">
          <label for={fileId}>{t("documents.file")}</label>
          <input
            ref={input}
            id={fileId}
            type="file"
            name="file"
            accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.jpg,.jpeg,.png,.webp"
            aria-invalid={form.fieldError("file") ? "true" : undefined}
            aria-describedby={form.fieldError("file") ? `${fileId}-error` : undefined}
            onChange={(e) => {
              form.clearField("file");
              setFile(e.currentTarget.files?.[0] ?? null);
            }}
          />
          <Show when={form.fieldError("file") ?? form.fieldError("size") ?? form.fieldError("filename")}>
            {(message) => (
              <p class="field-error" id={`${fileId}-error`}>
                {message()}
              </p>
            )}
          </Show>
        </div>
        <TextField form={form} name="title" label={t("documents.docTitle")} value={title()} onValue={setTitle} />
        <SelectField form={form} name="visibility" label={t("documents.visibility")} value={visibility()} onValue={setVisibility} options={visibilityOptions()} />
      </Form>
      <Show when={done()}>{(name) => <Status>{t("documents.uploaded", { title: name() })}</Status>}</Show>
    </details>
  );
}

function NewFolder(props: { onDone(): Promise<void> }) {
  const [name, setName] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [visibility, setVisibility] = createSignal<Visibility>("public");
  const form = createForm(async () => {
    const res = await client.api.documents.folders.$post({ json: { name: name(), description: description(), visibility: visibility() } });
    if (!res.ok) throw await readError(res);
    setName("");
    setDescription("");
    await props.onDone();
  });
  return (
    <section class="card" aria-labelledby="new-folder-title">
      <h2 id="new-folder-title">{t("documents.newFolder")}</h2>
      <Form form={form} submitLabel={t("documents.createFolder")} secondary>
        <TextField form={form} name="name" label={t("documents.folderName")} value={name()} onValue={setName} required />
        <TextField form={form} name="description" label={t("documents.folderDescription")} value={description()} onValue={setDescription} />
        <SelectField form={form} name="visibility" label={t("documents.visibility")} value={visibility()} onValue={setVisibility} options={visibilityOptions()} />
      </Form>
    </section>
  );
}
