import { createSignal, Show } from "solid-js";
import { client, readError } from "../../../api";
import { createForm, Form, SelectField, TextField } from "../../../components/Form";
import { Status } from "../../../components/Notices";
import { PLAIN_SUMMARY_MAX } from "@vernetzt/core/i18n/locales";
import { RadioField, TextAreaField } from "../../../events/fields";
import { t } from "../../../i18n/newsletter";
import type { Settings } from "./api";

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const VISIBILITIES = ["public", "members"] as const satisfies readonly Settings["archiveVisibility"][];

/** When the newsletter goes out, who may read the archive, and the sign-up page's plain-language text. */
export function SettingsForm(props: { settings: Settings; onSaved(settings: Settings): void }) {
  const [weekday, setWeekday] = createSignal(WEEKDAYS[props.settings.sendWeekday - 1] ?? "1");
  const [time, setTime] = createSignal(props.settings.sendTime);
  const [visibility, setVisibility] = createSignal(props.settings.archiveVisibility);
  const [plainSummary, setPlainSummary] = createSignal(props.settings.plainSummary);
  const [saved, setSaved] = createSignal(false);

  const form = createForm(async () => {
    setSaved(false);
    const res = await client.api.newsletter.settings.$put({
      json: { sendWeekday: Number(weekday()), sendTime: time(), archiveVisibility: visibility(), plainSummary: plainSummary() },
    });
    if (!res.ok) throw await readError(res);
    const { settings } = await res.json();
    props.onSaved(settings);
    setSaved(true);
  });

  return (
    <>
      <Form form={form} submitLabel={t("newsletterAdmin.settings.submit")} secondary>
        <div class="field-row">
          <SelectField
            form={form}
            name="sendWeekday"
            label={t("newsletterAdmin.settings.weekday")}
            value={weekday()}
            options={WEEKDAYS.map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
            onValue={(value) => {
              setSaved(false);
              setWeekday(value);
            }}
          />
          <TextField
            form={form}
            name="sendTime"
            type="time"
            step={60}
            label={t("newsletterAdmin.settings.time")}
            hint={t("newsletterAdmin.settings.timeHint")}
            value={time()}
            onValue={(value) => {
              setSaved(false);
              setTime(value);
            }}
            required
          />
        </div>
        <RadioField
          form={form}
          name="archiveVisibility"
          label={t("newsletterAdmin.settings.archive")}
          value={visibility()}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`newsletterAdmin.settings.archive.${v}`) }))}
          onValue={(value) => {
            setSaved(false);
            setVisibility(value);
          }}
        />
        <TextAreaField
          form={form}
          name="plainSummary"
          label={t("newsletterAdmin.settings.plainSummary")}
          hint={t("newsletterAdmin.settings.plainSummaryHint", { max: PLAIN_SUMMARY_MAX })}
          value={plainSummary()}
          maxLength={PLAIN_SUMMARY_MAX}
          lang="de"
          rows={4}
          onValue={(value) => {
            setSaved(false);
            setPlainSummary(value);
          }}
        />
      </Form>
      <Show when={saved()}>
        <Status>{t("newsletterAdmin.settings.saved")}</Status>
      </Show>
    </>
  );
}
