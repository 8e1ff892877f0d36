import { createUniqueId, For, Show, splitProps, type JSX } from "solid-js";
import type { FormController } from "../components/Form";

// Field kinds the account forms did not need, built the same way as TextField: a label, an optional
// hint and the field's error, both tied to the control with aria-describedby.

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Hint(props: { id: string; text?: string }) {
  return (
    <Show when={props.text}>
      <p class="hint" id={`${props.id}-hint`}>
        {props.text}
      </p>
    </Show>
  );
}

function FieldError(props: { id: string; text?: string }) {
  return (
    <Show when={props.text}>
      <p class="field-error" id={`${props.id}-error`}>
        {props.text}
      </p>
    </Show>
  );
}

interface Common {
  form?: FormController;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

type TextAreaAttributes = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onInput" | "name" | "id" | "form">;

export function TextAreaField(props: Common & TextAreaAttributes & { value: string; onValue(value: string): void }) {
  const [own, rest] = splitProps(props, ["form", "name", "label", "hint", "error", "value", "onValue"]);
  const id = createUniqueId();
  const error = () => own.error ?? own.form?.fieldError(own.name);
  return (
    <div class="field">
      <label for={id}>{own.label}</label>
      <Hint id={id} text={own.hint} />
      <textarea
        rows={4}
        {...rest}
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
      <FieldError id={id} text={error()} />
    </div>
  );
}

export function CheckboxField(props: Common & { checked: boolean; onValue(checked: boolean): void }) {
  const id = createUniqueId();
  const error = () => props.error ?? props.form?.fieldError(props.name);
  return (
    <div class="field field-check">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, error())}
        onChange={(event) => {
          props.form?.clearField(props.name);
          props.onValue(event.currentTarget.checked);
        }}
      />
      <div>
        <label for={id}>{props.label}</label>
        <Hint id={id} text={props.hint} />
        <FieldError id={id} text={error()} />
      </div>
    </div>
  );
}

/** A choice among a few options, all visible at once (a fieldset of radio buttons). */
export function RadioField<T extends string>(
  props: Common & { value: T | undefined; options: readonly { value: T; label: string; hint?: string }[]; onValue(value: T): void },
) {
  const id = createUniqueId();
  const error = () => props.error ?? props.form?.fieldError(props.name);
  return (
    <fieldset class="field radio-group" aria-describedby={describedBy(id, props.hint, error())}>
      <legend>{props.label}</legend>
      <Hint id={id} text={props.hint} />
      <For each={props.options}>
        {(option, index) => (
          <div class="radio">
            <input
              type="radio"
              id={`${id}-${index()}`}
              name={props.name}
              value={option.value}
              checked={option.value === props.value}
              aria-invalid={error() ? "true" : undefined}
              aria-describedby={option.hint ? `${id}-${index()}-hint` : undefined}
              onChange={() => {
                props.form?.clearField(props.name);
                props.onValue(option.value);
              }}
            />
            <label for={`${id}-${index()}`}>
              {option.label}
              <Show when={option.hint}>
                <span class="hint" id={`${id}-${index()}-hint`}>
                  {option.hint}
                </span>
              </Show>
            </label>
          </div>
        )}
      </For>
      <FieldError id={id} text={error()} />
    </fieldset>
  );
}
