import { onMount } from "solid-js";
import { t } from "../i18n";
import { TextField, type FormController } from "./Form";

/** The second factor: a 6-digit authenticator code or a recovery code (so no numeric keypad). */
export function CodeField(props: {
  form: FormController;
  value: string;
  onValue(value: string): void;
  focus?: boolean;
  /** While setting up, only the app's code proves anything. */
  appOnly?: boolean;
}) {
  let wrapper: HTMLDivElement | undefined;
  onMount(() => {
    if (props.focus) wrapper?.querySelector("input")?.focus();
  });
  return (
    <div ref={wrapper}>
      <TextField
        form={props.form}
        name="code"
        label={t("field.code")}
        hint={props.appOnly ? t("field.codeHintApp") : t("field.codeHint")}
        autocomplete="one-time-code"
        autocapitalize="off"
        spellcheck={false}
        value={props.value}
        onValue={props.onValue}
        required
      />
    </div>
  );
}
