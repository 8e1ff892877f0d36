import { For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { SelectField, TextField, type FormController } from "../components/Form";
import { t } from "../i18n/events";
import { CheckboxField, TextAreaField } from "./fields";
import type { EventQuestion } from "./types";

export const MAX_QUESTIONS = 5;
const KINDS = ["text", "yes_no", "choice"] as const satisfies readonly EventQuestion["kind"][];

/** A registration question being edited; options are typed one per line. */
export interface QuestionDraft {
  key: number;
  id?: string;
  label: string;
  kind: EventQuestion["kind"];
  options: string;
  required: boolean;
}

let nextKey = 0;
export const newQuestion = (from?: Partial<QuestionDraft>): QuestionDraft => ({
  label: "",
  kind: "text",
  options: "",
  required: false,
  ...from,
  key: nextKey++,
});

export const optionLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** Questions people answer when they register (e.g. "Do you need childcare?"); field names follow the API's. */
export function QuestionsEditor(props: { form: FormController; questions: QuestionDraft[]; setQuestions: SetStoreFunction<QuestionDraft[]> }) {
  let list: HTMLOListElement | undefined;
  function add() {
    props.setQuestions(props.questions.length, newQuestion());
    // The new question's first field takes focus, so keyboard users land where they type.
    list?.lastElementChild?.querySelector("input")?.focus();
  }
  function remove(index: number) {
    props.setQuestions((list) => list.filter((_, i) => i !== index));
  }
  function moveUp(index: number) {
    if (index === 0) return;
    props.setQuestions((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index - 1, 0, moved);
      return next;
    });
  }

  return (
    <fieldset class="editor-section">
      <legend>{t("eventEditor.questions")}</legend>
      <p class="hint">{t("eventEditor.questionsHint")}</p>
      <ol class="question-list" ref={list}>
        <For each={props.questions}>
          {(question, index) => (
            <li class="question">
              <TextField
                form={props.form}
                name={`questions.${index()}.label`}
                label={t("eventEditor.question.label", { number: index() + 1 })}
                value={question.label}
                maxLength={200}
                onValue={(value) => props.setQuestions(index(), "label", value)}
              />
              <SelectField
                form={props.form}
                name={`questions.${index()}.kind`}
                label={t("eventEditor.question.kind")}
                value={question.kind}
                options={KINDS.map((kind) => ({ value: kind, label: t(`eventEditor.question.kind.${kind}`) }))}
                onValue={(value) => props.setQuestions(index(), "kind", value)}
              />
              <Show when={question.kind === "choice"}>
                <TextAreaField
                  form={props.form}
                  name={`questions.${index()}.options`}
                  label={t("eventEditor.question.options")}
                  hint={t("eventEditor.question.optionsHint")}
                  value={question.options}
                  rows={4}
                  onValue={(value) => props.setQuestions(index(), "options", value)}
                />
              </Show>
              <CheckboxField
                form={props.form}
                name={`questions.${index()}.required`}
                label={t("eventEditor.question.required")}
                checked={question.required}
                onValue={(value) => props.setQuestions(index(), "required", value)}
              />
              <div class="actions">
                <Show when={index() > 0}>
                  <button type="button" class="button" onClick={() => moveUp(index())}>
                    {t("eventEditor.question.up")}
                    <span class="visually-hidden"> ({t("eventEditor.question.number", { number: index() + 1 })})</span>
                  </button>
                </Show>
                <button type="button" class="button danger" onClick={() => remove(index())}>
                  {t("eventEditor.question.remove")}
                  <span class="visually-hidden"> ({t("eventEditor.question.number", { number: index() + 1 })})</span>
                </button>
              </div>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.questions.length < MAX_QUESTIONS} fallback={<p class="hint">{t("eventEditor.questionsMax", { max: MAX_QUESTIONS })}</p>}>
        <button type="button" class="button" onClick={add}>
          {t("eventEditor.question.add")}
        </button>
      </Show>
    </fieldset>
  );
}
