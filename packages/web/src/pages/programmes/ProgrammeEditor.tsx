import { createSignal, For, Index, Match, Show, Switch } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { CHILDMINDER_TEMPLATE, MAX_STAGES } from "@vernetzt/core/programme/constants";
import { client, errorText, readError } from "../../api";
import { announce } from "../../announcements";
import { createForm, Form, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { CoordinatorOnly } from "../../events/access";
import { TextAreaField } from "../../events/fields";
import { MemberPicker } from "../../events/MemberPicker";
import { locale, t } from "../../i18n/programmes";
import type { Account } from "../../session";
import type { ProgrammeInputJson, ProgrammeView } from "../../programmes/types";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export default function ProgrammeEditor() {
  const params = useParams<{ programmeId?: string }>();
  return (
    <Page title={params.programmeId ? t("programmeEditor.titleEdit") : t("programmeEditor.titleNew")} wide>
      <CoordinatorOnly>
        {(account) => (
          <Show when={params.programmeId} keyed fallback={<Editor account={account()} />}>
            {(programmeId) => <ExistingProgramme programmeId={programmeId} account={account()} />}
          </Show>
        )}
      </CoordinatorOnly>
    </Page>
  );
}

function ExistingProgramme(props: { programmeId: string; account: Account }) {
  const loaded = createLoader(async () => {
    const res = await client.api.programmes[":programmeId"].$get({ param: { programmeId: props.programmeId } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).programme;
  });
  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Match>
      <Match when={loaded.data()}>{(programme) => <Editor account={props.account} programme={programme()} />}</Match>
    </Switch>
  );
}

function Editor(props: { account: Account; programme?: ProgrammeView }) {
  const navigate = useNavigate();
  const existing = props.programme;
  const [name, setName] = createSignal(existing?.name ?? "");
  const [description, setDescription] = createSignal(existing?.description ?? "");
  const [courseStart, setCourseStart] = createSignal(existing?.courseStart ?? inDays(60));
  const [stages, setStages] = createSignal(existing?.stages ?? CHILDMINDER_TEMPLATE[locale()].map((s) => ({ ...s })));
  const [coordinators, setCoordinators] = createSignal((existing?.coordinators ?? []).filter((c) => c.userId !== props.account.userId));

  const updateStage = (i: number, change: Partial<{ title: string; offsetDays: number }>) =>
    setStages(stages().map((s, j) => (j === i ? { ...s, ...change } : s)));

  const form = createForm(async () => {
    const json: ProgrammeInputJson = {
      name: name(),
      description: description(),
      courseStart: courseStart(),
      stages: stages(),
      coordinatorIds: coordinators().map((c) => c.userId),
    };
    const res = existing
      ? await client.api.programmes[":programmeId"].$put({ param: { programmeId: existing.programmeId }, json })
      : await client.api.programmes.$post({ json });
    if (!res.ok) throw await readError(res);
    const { programme } = await res.json();
    const path = `/programmes/${programme.programmeId}`;
    announce(() => t(existing ? "programmeEditor.saved" : "programmeEditor.created"), path);
    navigate(path);
  });

  return (
    <Form form={form} submitLabel={existing ? t("programmeEditor.save") : t("programmeEditor.create")}>
      <TextField form={form} name="name" label={t("programmeEditor.name")} value={name()} onValue={setName} required />
      <TextAreaField form={form} name="description" label={t("programmeEditor.description")} value={description()} onValue={setDescription} />
      <TextField form={form} name="courseStart" type="date" label={t("programmeEditor.courseStart")} hint={t("programmeEditor.courseStartHint")} value={courseStart()} onValue={setCourseStart} required />
      <fieldset class="stages">
        <legend>{t("programmeEditor.stages")}</legend>
        <p class="hint">{t("programmeEditor.stagesHint")}</p>
        <Show when={form.fieldError("stages")}>{(e) => <p class="field-error">{e()}</p>}</Show>
        <ol class="stage-list">
          <Index each={stages()}>
            {(stage, i) => (
              <li class="stage-row">
                <TextField form={form} name={`stages.${i}.title`} label={t("programmeEditor.stageTitle", { n: i + 1 })} value={stage().title} onValue={(title) => updateStage(i, { title })} />
                <TextField
                  form={form}
                  name={`stages.${i}.offsetDays`}
                  type="number"
                  inputmode="numeric"
                  label={t("programmeEditor.stageOffset", { n: i + 1 })}
                  value={String(stage().offsetDays)}
                  onValue={(value) => updateStage(i, { offsetDays: Number.parseInt(value, 10) || 0 })}
                />
                <button type="button" class="button" onClick={() => setStages(stages().filter((_, j) => j !== i))}>
                  {t("programmeEditor.removeStage", { n: i + 1 })}
                </button>
              </li>
            )}
          </Index>
        </ol>
        <div class="actions">
          <Show when={stages().length < MAX_STAGES}>
            <button type="button" class="button" onClick={() => setStages([...stages(), { title: "", offsetDays: 0 }])}>
              {t("programmeEditor.addStage")}
            </button>
          </Show>
          <button type="button" class="button" onClick={() => setStages(CHILDMINDER_TEMPLATE[locale()].map((s) => ({ ...s })))}>
            {t("programmeEditor.useTemplate")}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("programmeEditor.coordinators")}</legend>
        <p class="hint">{t("programmeEditor.coordinatorsHint")}</p>
        <Show when={form.fieldError("coordinatorIds")}>{(e) => <p class="field-error">{e()}</p>}</Show>
        <ul class="chosen-list">
          <li>
            {props.account.name} ({t("programmeEditor.you")})
          </li>
          <For each={coordinators()}>
            {(c) => (
              <li>
                {c.name}{" "}
                <button type="button" class="button" onClick={() => setCoordinators(coordinators().filter((x) => x.userId !== c.userId))}>
                  {t("programmeEditor.remove", { name: c.name })}
                </button>
              </li>
            )}
          </For>
        </ul>
        <MemberPicker
          label={t("programmeEditor.findCoordinator")}
          pickLabel={t("programmeEditor.add")}
          exclude={[props.account.userId, ...coordinators().map((c) => c.userId)]}
          onPick={(m) => setCoordinators([...coordinators(), { userId: m.userId, name: m.name }])}
        />
      </fieldset>
    </Form>
  );
}
