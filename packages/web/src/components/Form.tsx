import { createSignal, createUniqueId, For, Show, splitProps, type Accessor, type JSX, type ParentProps } from "solid-js";
import { ApiError, errorText, fieldErrorText } from "../api";
import { t } from "../i18n";
import { announce } from "../announcements";
import { useSession } from "../session";

type SubmitEventOf<T> = SubmitEvent & { currentTarget: T };

export interface FormController {
  busy: Accessor<boolean>;
  error: Accessor<ApiError | null>;
  /** The translated error of one field, until the reader edits it. */
  fieldError(name: string): string | undefined;
  clearField(name: string): void;
  submit(event: SubmitEventOf<HTMLFormElement>): Promise<void>;
  setError(error: ApiError | null): void;
}

export interface ActionRunner {
  busy: Accessor<boolean>;
  error: Accessor<ApiError | null>;
  setError(error: ApiError | null): void;
  /** Runs `work` unless a run is under way; resolves to whether it succeeded. */
  run(work: () => Promise<void>): Promise<boolean>;
}

/**
 * One request at a time with its API error kept for display; an ended session sends the reader to
 * sign in. Exceptions other than ApiError are bugs and propagate.
 */
export function createAction(): ActionRunner {
  const session = useSession();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError | null>(null);

  async function run(work: () => Promise<void>): Promise<boolean> {
    if (busy()) return false;
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
      if (err.code === "not_signed_in") {
        announce(() => t("session.expired"), "/signin", "error");
        session.setAccount(null);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}

/**
 * Runs `action` on submit (see createAction). On failure the first field the API complains about
 * gets focus, or else the form's error summary, so keyboard and screen reader users land on the problem.
 */
export function createForm(action: () => Promise<void>): FormController {
  const runner = createAction();
  const [fieldCodes, setFieldCodes] = createSignal<Readonly<Record<string, string>>>({});

  function setError(next: ApiError | null) {
    runner.setError(next);
    setFieldCodes(next?.fields ?? {});
  }

  async function submit(event: SubmitEventOf<HTMLFormElement>) {
    event.preventDefault();
    if (runner.busy()) return;
    const form = event.currentTarget;
    setFieldCodes({});
    const succeeded = await runner.run(action);
    if (succeeded) return;
    setFieldCodes(runner.error()?.fields ?? {});
    (form.querySelector<HTMLElement>("[aria-invalid='true']") ?? form.querySelector<HTMLElement>(".form-error:not(:empty)"))?.focus();
  }

  function fieldError(name: string): string | undefined {
    const code = fieldCodes()[name];
    return code === undefined ? undefined : fieldErrorText(name, code, runner.error()?.message ?? code);
  }

  function clearField(name: string) {
    const { [name]: _cleared, ...rest } = fieldCodes();
    setFieldCodes(rest);
  }

  return { busy: runner.busy, error: runner.error, fieldError, clearField, submit, setError };
}

interface FormProps extends ParentProps {
  form: FormController;
  submitLabel: string;
  /** A quieter submit button, where the form is not the page's main action. */
  secondary?: boolean;
  /** Further buttons or links beside the submit button. */
  extraActions?: JSX.Element;
  class?: string;
  "aria-labelledby"?: string;
}

export function Form(props: FormProps) {
  let element: HTMLFormElement | undefined;
  // Errors about fields this form does not show (a bad link token) are spelled out; the others are marked at their field.
  const summary = () => {
    const err = props.form.error();
    if (!err) return "";
    const entries = Object.entries(err.fields);
    if (entries.length === 0) return errorText(err);
    const unshown = entries.filter(([name]) => !element?.elements.namedItem(name));
    if (unshown.length === 0) return t("error.check_fields");
    return unshown.map(([name, code]) => fieldErrorText(name, code, err.message)).join(" ");
  };
  return (
    <form
      ref={element}
      class={props.class ?? "form"}
      novalidate
      aria-labelledby={props["aria-labelledby"]}
      onSubmit={(event) => void props.form.submit(event)}
    >
      {props.children}
      <p class="form-error" role="alert" tabindex="-1">
        {summary()}
      </p>
      <div class="actions">
        <button type="submit" class={props.secondary ? "button" : "button primary"} aria-disabled={props.form.busy() ? "true" : undefined}>
          {props.form.busy() ? t("common.sending") : props.submitLabel}
        </button>
        {props.extraActions}
      </div>
    </form>
  );
}

interface FieldProps {
  form?: FormController;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function FieldFrame(props: FieldProps & { id: string; children: JSX.Element }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      {props.children}
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

type InputAttributes = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "value" | "onInput" | "name" | "id" | "form">;

export function TextField(props: FieldProps & InputAttributes & { value: string; onValue(value: string): void }) {
  const [own, input] = splitProps(props, ["form", "name", "label", "hint", "error", "value", "onValue"]);
  const id = createUniqueId();
  const error = () => own.error ?? own.form?.fieldError(own.name);
  return (
    <FieldFrame id={id} name={own.name} label={own.label} hint={own.hint} error={error()}>
      <input
        type="text"
        {...input}
        id={id}
        name={own.name}
        value={own.value}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={describedBy(id, own.hint, error())}
        onInput={(event) => {
          own.form?.clearField(own.name);
          own.onValue(event.currentTarget.value);
        }}
      />
    </FieldFrame>
  );
}

type TextAreaAttributes = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onInput" | "name" | "id" | "form">;

/** A labelled multi-line text field, its error tied to it, like TextField. */
export function TextAreaField(props: FieldProps & TextAreaAttributes & { value: string; onValue(value: string): void }) {
  const [own, area] = splitProps(props, ["form", "name", "label", "hint", "error", "value", "onValue"]);
  const id = createUniqueId();
  const error = () => own.error ?? own.form?.fieldError(own.name);
  return (
    <FieldFrame id={id} name={own.name} label={own.label} hint={own.hint} error={error()}>
      <textarea
        {...area}
        id={id}
        name={own.name}
        value={own.value}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={describedBy(id, own.hint, error())}
        onInput={(event) => {
          own.form?.clearField(own.name);
          own.onValue(event.currentTarget.value);
        }}
      />
    </FieldFrame>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & { value: T; options: readonly { value: T; label: string }[]; onValue(value: T): void },
) {
  const id = createUniqueId();
  const error = () => props.error ?? props.form?.fieldError(props.name);
  return (
    <FieldFrame id={id} name={props.name} label={props.label} hint={props.hint} error={error()}>
      <select
        id={id}
        name={props.name}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, error())}
        onChange={(event) => {
          const chosen = props.options.find((o) => o.value === event.currentTarget.value);
          if (chosen) props.onValue(chosen.value);
        }}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </FieldFrame>
  );
}
