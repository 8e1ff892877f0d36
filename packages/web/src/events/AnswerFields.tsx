import { For, Match, Switch } from "solid-js";
import type { FormController } from "../components/Form";
import { TextField } from "../components/Form";
import { t } from "../i18n/events";
import { RadioField } from "./fields";
import type { EventQuestion } from "./types";

/** The event's registration questions; named `answers.<id>` like the API's field errors. */
export function AnswerFields(props: {
  form: FormController;
  questions: readonly EventQuestion[];
  answers: Record<string, string>;
  onAnswer(id: string, value: string): void;
}) {
  const label = (question: EventQuestion) => (question.required ? question.label : t("registration.optional", { label: question.label }));
  return (
    <For each={props.questions}>
      {(question) => (
        <Switch>
          <Match when={question.kind === "text"}>
            <TextField
              form={props.form}
              name={`answers.${question.id}`}
              label={label(question)}
              value={props.answers[question.id] ?? ""}
              onValue={(value) => props.onAnswer(question.id, value)}
              maxLength={1000}
              required={question.required}
            />
          </Match>
          <Match when={question.kind === "yes_no"}>
            <RadioField
              form={props.form}
              name={`answers.${question.id}`}
              label={label(question)}
              value={props.answers[question.id]}
              options={[
                { value: "yes", label: t("registration.answer.yes") },
                { value: "no", label: t("registration.answer.no") },
              ]}
              onValue={(value) => props.onAnswer(question.id, value)}
            />
          </Match>
          <Match when={question.kind === "choice"}>
            <RadioField
              form={props.form}
              name={`answers.${question.id}`}
              label={label(question)}
              value={props.answers[question.id]}
              options={question.options.map((option) => ({ value: option, label: option }))}
              onValue={(value) => props.onAnswer(question.id, value)}
            />
          </Match>
        </Switch>
      )}
    </For>
  );
}

/** Answers as the API takes them: only the questions this event asks, blanks left out. */
export function answersFor(questions: readonly EventQuestion[], answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    questions.flatMap((q) => {
      const answer = answers[q.id]?.trim();
      return answer ? [[q.id, answer] as const] : [];
    }),
  );
}
