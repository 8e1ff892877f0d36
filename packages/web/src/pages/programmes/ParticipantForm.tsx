import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { announce } from "../../announcements";
import { createForm, Form, SelectField, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { CoordinatorOnly } from "../../events/access";
import { TextAreaField } from "../../events/fields";
import { MemberPicker } from "../../events/MemberPicker";
import { t } from "../../i18n/programmes";
import type { Account } from "../../session";
import type { ParticipantInputJson, ParticipantView, ProgrammeView } from "../../programmes/types";

const today = () => new Date().toISOString().slice(0, 10);

export default function ParticipantForm() {
  const params = useParams<{ programmeId: string; participantId?: string }>();
  return (
    <Page title={params.participantId ? t("participantForm.titleEdit") : t("participantForm.titleNew")}>
      <CoordinatorOnly>{(account) => <Loaded account={account()} programmeId={params.programmeId} participantId={params.participantId} />}</CoordinatorOnly>
    </Page>
  );
}

function Loaded(props: { account: Account; programmeId: string; participantId?: string }) {
  const loaded = createLoader(async () => {
    const res = await client.api.programmes[":programmeId"].$get({ param: { programmeId: props.programmeId } });
    if (!res.ok) throw await readError(res);
    const { programme } = await res.json();
    if (!props.participantId) return { programme, participant: undefined };
    const p = await client.api.programmes.participants[":participantId"].$get({ param: { participantId: props.participantId } });
    if (!p.ok) throw await readError(p);
    return { programme, participant: (await p.json()).participant };
  });
  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Match>
      <Match when={loaded.data()}>{(data) => <ParticipantEditor account={props.account} programme={data().programme} participant={data().participant} />}</Match>
    </Switch>
  );
}

function ParticipantEditor(props: { account: Account; programme: ProgrammeView; participant?: ParticipantView }) {
  const navigate = useNavigate();
  const p = props.participant;
  const [name, setName] = createSignal(p?.name ?? "");
  const [email, setEmail] = createSignal(p?.email ?? "");
  const [phone, setPhone] = createSignal(p?.phone ?? "");
  const [languages, setLanguages] = createSignal(p?.languages.join(", ") ?? "");
  const [coordinatorId, setCoordinatorId] = createSignal(p?.coordinator.userId ?? props.account.userId);
  const [mentors, setMentors] = createSignal(p?.mentors ?? []);
  const [consentDate, setConsentDate] = createSignal(p?.consentDate ?? today());
  const [consentText, setConsentText] = createSignal(p?.consentText ?? t("participantForm.consentTemplate"));
  const [notes, setNotes] = createSignal(p?.notes ?? "");

  const form = createForm(async () => {
    const json: ParticipantInputJson = {
      name: name(),
      email: email(),
      phone: phone(),
      languages: languages()
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
      coordinatorId: coordinatorId(),
      mentorIds: mentors().map((m) => m.userId),
      consentDate: consentDate(),
      consentText: consentText(),
      notes: notes(),
    };
    let participantId: string;
    if (p) {
      const res = await client.api.programmes.participants[":participantId"].$put({ param: { participantId: p.participantId }, json: { ...json, revision: p.revision } });
      if (!res.ok) throw await readError(res);
      participantId = p.participantId;
    } else {
      const res = await client.api.programmes[":programmeId"].participants.$post({ param: { programmeId: props.programme.programmeId }, json });
      if (!res.ok) throw await readError(res);
      participantId = (await res.json()).participantId;
    }
    const path = `/programmes/${props.programme.programmeId}/participants/${participantId}`;
    announce(() => t(p ? "participantForm.saved" : "participantForm.created"), path);
    navigate(path);
  });

  return (
    <Form form={form} submitLabel={p ? t("participantForm.save") : t("participantForm.create")}>
      <p class="meta">{props.programme.name}</p>
      <TextField form={form} name="name" label={t("participantForm.name")} value={name()} onValue={setName} autocomplete="off" required />
      <TextField form={form} name="email" type="email" label={t("participantForm.email")} value={email()} onValue={setEmail} autocomplete="off" />
      <TextField form={form} name="phone" type="tel" label={t("participantForm.phone")} value={phone()} onValue={setPhone} autocomplete="off" />
      <TextField form={form} name="languages" label={t("participantForm.languages")} value={languages()} onValue={setLanguages} />
      <SelectField
        form={form}
        name="coordinatorId"
        label={t("participantForm.coordinator")}
        value={coordinatorId()}
        options={props.programme.coordinators.map((c) => ({ value: c.userId, label: c.name }))}
        onValue={setCoordinatorId}
      />
      <fieldset>
        <legend>{t("participantForm.mentors")}</legend>
        <p class="hint">{t("participantForm.mentorsHint")}</p>
        <Show when={form.fieldError("mentorIds")}>{(e) => <p class="field-error">{e()}</p>}</Show>
        <Show when={mentors().length > 0} fallback={<p class="empty">{t("participantForm.noMentors")}</p>}>
          <ul class="chosen-list">
            <For each={mentors()}>
              {(m) => (
                <li>
                  {m.name}{" "}
                  <button type="button" class="button" onClick={() => setMentors(mentors().filter((x) => x.userId !== m.userId))}>
                    {t("programmeEditor.remove", { name: m.name })}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <MemberPicker
          label={t("participantForm.findMentor")}
          pickLabel={t("programmeEditor.add")}
          exclude={mentors().map((m) => m.userId)}
          onPick={(m) => setMentors([...mentors(), { userId: m.userId, name: m.name }])}
        />
      </fieldset>
      <TextField form={form} name="consentDate" type="date" label={t("participantForm.consentDate")} value={consentDate()} onValue={setConsentDate} required />
      <TextAreaField form={form} name="consentText" rows={6} label={t("participantForm.consentText")} value={consentText()} onValue={setConsentText} required />
      <TextAreaField form={form} name="notes" label={t("participantForm.notes")} value={notes()} onValue={setNotes} />
    </Form>
  );
}
