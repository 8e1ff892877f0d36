import { createSignal, createUniqueId, Show } from "solid-js";
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from "@vernetzt/core/people/constants";
import { ApiError, errorText } from "../api";
import { t } from "../i18n";
import { createAction } from "./Form";
import { Alert, Status } from "./Notices";

export interface UploadTarget {
  url: string;
  key: string;
  headers: Record<string, string>;
}

/**
 * Picks an image, uploads it straight to storage with the signed URL the API hands out, then asks
 * the API to check and resize it. Type and size are checked here first to save a useless upload.
 */
export function ImageUpload(props: {
  label: string;
  currentUrl?: string;
  currentAlt: string;
  requestUpload(file: { contentType: (typeof PHOTO_TYPES)[number]; size: number }): Promise<UploadTarget>;
  finalize(key: string): Promise<void>;
  remove?: () => Promise<void>;
}) {
  const id = createUniqueId();
  const action = createAction();
  const [done, setDone] = createSignal("");
  let input: HTMLInputElement | undefined;

  function chosen(file: File | undefined) {
    if (!file) return;
    setDone("");
    void action.run(async () => {
      const type = PHOTO_TYPES.find((p) => p === file.type);
      if (!type) throw new ApiError(400, "unsupported_type", "Unsupported type", { photo: "unsupported_type" });
      if (file.size > PHOTO_MAX_BYTES) throw new ApiError(413, "too_large", "Too large", { photo: "too_large" });
      const target = await props.requestUpload({ contentType: type, size: file.size });
      let res: Response;
      try {
        res = await fetch(target.url, { method: "PUT", headers: target.headers, body: file });
      } catch (cause) {
        throw new ApiError(0, "network", "The upload failed.", {}, { cause });
      }
      if (!res.ok) throw new ApiError(res.status, "upload_failed", "The upload failed.");
      await props.finalize(target.key);
      setDone(t("image.saved"));
    });
    if (input) input.value = "";
  }

  return (
    <div class="field image-upload">
      <Show when={props.currentUrl}>{(src) => <img class="avatar" src={src()} alt={props.currentAlt} width="128" height="128" />}</Show>
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {t("image.hint")}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        accept={PHOTO_TYPES.join(",")}
        aria-describedby={`${id}-hint${action.error() ? ` ${id}-error` : ""}`}
        aria-invalid={action.error() ? "true" : undefined}
        onChange={(e) => chosen(e.currentTarget.files?.[0])}
      />
      <Show when={action.busy()}>
        <Status tone="info">{t("image.uploading")}</Status>
      </Show>
      <Show when={done()}>
        <Status>{done()}</Status>
      </Show>
      <Show when={action.error()}>
        {(err) => (
          <div id={`${id}-error`}>
            <Alert>{err().code === "too_large" ? t("image.tooLarge") : err().code === "unsupported_type" ? t("image.unsupported") : errorText(err())}</Alert>
          </div>
        )}
      </Show>
      <Show when={props.currentUrl && props.remove}>
        <button type="button" class="link-button" onClick={() => void action.run(async () => props.remove?.())}>
          {t("image.remove")}
        </button>
      </Show>
    </div>
  );
}
