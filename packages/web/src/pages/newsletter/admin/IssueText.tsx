import { createSignal, Show } from "solid-js";
import { createForm, Form, TextField } from "../../../components/Form";
import { Status } from "../../../components/Notices";
import { TextAreaField } from "../../../events/fields";
import { t } from "../../../i18n/newsletter";
import { editNextIssue, type NextIssue } from "./api";

/** Subject and introduction; what the reader types stays as typed while other parts of the issue change. */
export function IssueText(props: { issue: NextIssue; onIssue(issue: NextIssue): void }) {
  const [subject, setSubject] = createSignal(props.issue.subject);
  const [intro, setIntro] = createSignal(props.issue.intro);
  const [saved, setSaved] = createSignal(false);
  const form = createForm(async () => {
    setSaved(false);
    const issue = await editNextIssue({ subject: subject(), intro: intro() });
    setSubject(issue.subject);
    setIntro(issue.intro);
    props.onIssue(issue);
    setSaved(true);
  });
  return (
    <>
      <Form form={form} class="form form-wide" submitLabel={t("newsletterAdmin.saveText")} secondary>
        <TextField
          form={form}
          name="subject"
          label={t("newsletterAdmin.subject")}
          value={subject()}
          onValue={(value) => {
            setSaved(false);
            setSubject(value);
          }}
          maxLength={200}
          required
        />
        <TextAreaField
          form={form}
          name="intro"
          label={t("newsletterAdmin.intro")}
          hint={t("newsletterAdmin.introHint")}
          rows={4}
          maxLength={5000}
          value={intro()}
          onValue={(value) => {
            setSaved(false);
            setIntro(value);
          }}
        />
      </Form>
      <Show when={saved()}>
        <Status>{t("newsletterAdmin.savedText")}</Status>
      </Show>
    </>
  );
}
