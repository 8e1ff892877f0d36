import { createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { useNavigate, useParams } from "@solidjs/router";
import { EVENT_KINDS } from "@vernetzt/core/event/constants";
import { PLAIN_SUMMARY_MAX } from "@vernetzt/core/i18n/locales";
import { EventInput, SeriesInput } from "@vernetzt/core/event/schema";
import { ApiError, client, errorText, readError } from "../../api";
import { createForm, Form, SelectField, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { intlLocale, t } from "../../i18n/events";
import { announce } from "../../announcements";
import { CoordinatorOnly } from "../../events/access";
import {
  checkInput,
  draftFromInput,
  emptyDraft,
  emptyRepeat,
  formFields,
  inputFromDraft,
  questionsFromInput,
  repeatFromDraft,
  weekdayChoices,
  type EventDraft,
  type RepeatDraft,
} from "../../events/draft";
import { CheckboxField, RadioField, TextAreaField } from "../../events/fields";
import { kindLabel } from "../../events/format";
import { segment } from "../../events/links";
import { MemberPicker } from "../../events/MemberPicker";
import { QuestionsEditor, type QuestionDraft } from "../../events/QuestionsEditor";

export default function EventEditor() {
  const params = useParams<{ eventId?: string }>();
  return (
    <Page title={params.eventId ? t("eventEditor.editTitle") : t("eventEditor.createTitle")}>
      <CoordinatorOnly>
        {() => (
          <Show when={params.eventId} keyed fallback={<EditorForm />}>
            {(eventId) => <EditExisting eventId={eventId} />}
          </Show>
        )}
      </CoordinatorOnly>
    </Page>
  );
}

function EditExisting(props: { eventId: string }) {
  const loaded = createLoader(async () => {
    const res = await client.api.events[":eventId"].edit.$get({ param: { eventId: segment(props.eventId) } });
    if (!res.ok) throw await readError(res);
    return res.json();
  });
  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Match>
      <Match when={loaded.data()?.status === "cancelled"}>
        <Alert>{t("eventEditor.cancelledEvent")}</Alert>
      </Match>
      <Match when={loaded.data()}>
        {(data) => (
          <EditorForm eventId={props.eventId} initial={draftFromInput(data().input)} initialQuestions={questionsFromInput(data().input)} seriesId={data().seriesId} />
        )}
      </Match>
    </Switch>
  );
}

function EditorForm(props: { eventId?: string; initial?: EventDraft; initialQuestions?: QuestionDraft[]; seriesId?: string | null }) {
  const navigate = useNavigate();
  const [draft, setDraft] = createStore<EventDraft>(props.initial ?? emptyDraft());
  const [questions, setQuestions] = createStore<QuestionDraft[]>(props.initialQuestions ?? []);
  const [repeat, setRepeat] = createStore<RepeatDraft>(emptyRepeat());
  const [askScope, setAskScope] = createSignal(false);
  const organisers = createLoader(async () => {
    const res = await client.api.events.facets.$get({ query: {} });
    if (!res.ok) throw await readError(res);
    return (await res.json()).organisers;
  });
  const organiserList = createUniqueId();
  let chosenScope: "one" | "series" | null = null;
  let scopePrompt: HTMLDivElement | undefined;

  const editing = () => props.eventId !== undefined;
  const inSeries = () => editing() && !!props.seriesId;
  const series = () => !editing() && repeat.enabled;

  const form = createForm(async () => {
    const scope = chosenScope;
    chosenScope = null;
    setAskScope(false);
    try {
      const input = inputFromDraft(draft, questions);
      if (series()) {
        const body = { event: input, repeat: repeatFromDraft({ ...repeat, monthly: monthly() }) };
        await checkInput(SeriesInput, body, questions);
        const res = await client.api.events.series.$post({ json: body });
        if (!res.ok) throw await readError(res);
        const { events } = await res.json();
        return done(events[0]?.eventId, t("eventEditor.seriesCreated", { count: events.length }));
      }
      await checkInput(EventInput, input, questions);
      if (props.eventId === undefined) {
        const res = await client.api.events.$post({ json: input });
        if (!res.ok) throw await readError(res);
        return done((await res.json()).event.eventId, t("eventEditor.created"));
      }
      if (inSeries() && !scope) {
        // Only this date, or this and all following? Asked after the input is known to be fine.
        setAskScope(true);
        scopePrompt?.querySelector("button")?.focus();
        return;
      }
      const res = await client.api.events[":eventId"].$put({ param: { eventId: segment(props.eventId) }, query: { scope: scope ?? "one" }, json: input });
      if (!res.ok) throw await readError(res);
      const { events } = await res.json();
      done(props.eventId, events.length > 1 ? t("eventEditor.seriesSaved", { count: events.length }) : t("eventEditor.saved"));
    } catch (err) {
      if (err instanceof ApiError) throw formFields(err);
      throw err;
    }
  });

  function done(eventId: string | undefined, message: string) {
    const path = eventId ? `/events/${eventId}` : "/events";
    announce(() => message, path);
    navigate(path);
  }

  function saveWith(scope: "one" | "series") {
    chosenScope = scope;
    scopePrompt?.closest("form")?.requestSubmit();
  }

  const weekdays = () => weekdayChoices(draft.startsAt);
  const weekdayName = (date: Date) => new Intl.DateTimeFormat(intlLocale(), { weekday: "long", timeZone: "UTC" }).format(date);
  const monthlyOptions = () => {
    const { nth, last, weekdayDate } = weekdays();
    const options: { value: RepeatDraft["monthly"]; label: string }[] = [
      { value: "date", label: t("eventEditor.repeat.sameDate", { day: draft.startsAt.slice(8, 10).replace(/^0/, "") || "…" }) },
    ];
    if (weekdayDate && nth) options.push({ value: `${nth}`, label: t("eventEditor.repeat.nthWeekday", { nth: t(`eventEditor.repeat.nth.${nth}`), weekday: weekdayName(weekdayDate) }) });
    if (weekdayDate && last) options.push({ value: "-1", label: t("eventEditor.repeat.lastWeekday", { weekday: weekdayName(weekdayDate) }) });
    return options;
  };
  // A day chosen for an earlier start date may not fit the current one; then the same date applies.
  const monthly = () => (monthlyOptions().some((o) => o.value === repeat.monthly) ? repeat.monthly : "date");

  return (
    <Form form={form} submitLabel={editing() ? t("eventEditor.save") : t("eventEditor.create")} class="form event-editor">
      <fieldset class="editor-section">
        <legend>{t("eventEditor.section.what")}</legend>
        <SelectField
          form={form}
          name="kind"
          label={t("eventEditor.kind")}
          value={draft.kind}
          options={EVENT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          onValue={(value) => setDraft("kind", value)}
        />
        <TextField form={form} name="title" label={t("eventEditor.title")} value={draft.title} onValue={(v) => setDraft("title", v)} maxLength={200} required />
        <TextAreaField
          form={form}
          name="description"
          label={t("eventEditor.description")}
          hint={t("eventEditor.descriptionHint")}
          value={draft.description}
          onValue={(v) => setDraft("description", v)}
          rows={8}
        />
        <TextAreaField
          form={form}
          name="plainSummary"
          label={t("eventEditor.plainSummary")}
          hint={t("eventEditor.plainSummaryHint", { max: PLAIN_SUMMARY_MAX })}
          value={draft.plainSummary}
          onValue={(v) => setDraft("plainSummary", v)}
          maxLength={PLAIN_SUMMARY_MAX}
          lang="de"
          rows={4}
        />
        <TextField form={form} name="topics" label={t("eventEditor.topics")} hint={t("eventEditor.topicsHint")} value={draft.topics} onValue={(v) => setDraft("topics", v)} />
        <TextAreaField
          form={form}
          name="speakers"
          label={t("eventEditor.speakers")}
          hint={t("eventEditor.speakersHint")}
          value={draft.speakers}
          onValue={(v) => setDraft("speakers", v)}
          rows={2}
        />
        <TextField
          form={form}
          name="organiser"
          label={t("eventEditor.organiser")}
          hint={t("eventEditor.organiserHint")}
          value={draft.organiser}
          onValue={(v) => setDraft("organiser", v)}
          list={organiserList}
          autocomplete="organization"
          required
        />
        <datalist id={organiserList}>
          <For each={organisers.data() ?? []}>{(name) => <option value={name} />}</For>
        </datalist>
      </fieldset>

      <fieldset class="editor-section">
        <legend>{t("eventEditor.section.when")}</legend>
        <p class="hint">{t("eventEditor.timeZoneHint")}</p>
        <div class="field-row">
          <TextField form={form} name="startsAt" type="datetime-local" label={t("eventEditor.startsAt")} value={draft.startsAt} onValue={(v) => setDraft("startsAt", v)} required />
          <TextField form={form} name="endsAt" type="datetime-local" label={t("eventEditor.endsAt")} value={draft.endsAt} onValue={(v) => setDraft("endsAt", v)} required />
        </div>
        <TextField
          form={form}
          name="registrationDeadline"
          type="datetime-local"
          label={t("eventEditor.deadline")}
          hint={t("eventEditor.deadlineHint")}
          value={draft.registrationDeadline}
          onValue={(v) => setDraft("registrationDeadline", v)}
        />
        <Show when={!editing()}>
          <CheckboxField form={form} name="repeat" label={t("eventEditor.repeat")} hint={t("eventEditor.repeatHint")} checked={repeat.enabled} onValue={(v) => setRepeat("enabled", v)} />
          <Show when={repeat.enabled}>
            <div class="repeat">
              <RadioField
                form={form}
                name="repeat.frequency"
                label={t("eventEditor.repeat.frequency")}
                value={repeat.frequency}
                options={[
                  { value: "weekly", label: t("eventEditor.repeat.weekly") },
                  { value: "monthly", label: t("eventEditor.repeat.monthly") },
                ]}
                onValue={(v) => setRepeat("frequency", v)}
              />
              <TextField
                form={form}
                name="repeat.interval"
                type="number"
                inputmode="numeric"
                min={1}
                max={12}
                label={repeat.frequency === "weekly" ? t("eventEditor.repeat.everyWeeks") : t("eventEditor.repeat.everyMonths")}
                value={repeat.interval}
                onValue={(v) => setRepeat("interval", v)}
              />
              <Show when={repeat.frequency === "monthly"}>
                <RadioField
                  form={form}
                  name="repeat.weekdayOfMonth"
                  label={t("eventEditor.repeat.day")}
                  hint={draft.startsAt ? undefined : t("eventEditor.repeat.dayHint")}
                  value={monthly()}
                  options={monthlyOptions()}
                  onValue={(v) => setRepeat("monthly", v)}
                />
              </Show>
              <TextField
                form={form}
                name="repeat.count"
                type="number"
                inputmode="numeric"
                min={2}
                max={52}
                label={t("eventEditor.repeat.count")}
                value={repeat.count}
                onValue={(v) => setRepeat("count", v)}
              />
            </div>
          </Show>
        </Show>
        <Show when={inSeries()}>
          <p class="hint">{t("eventEditor.inSeries")}</p>
        </Show>
      </fieldset>

      <fieldset class="editor-section">
        <legend>{t("eventEditor.section.where")}</legend>
        <p class="hint">{t("eventEditor.placeHint")}</p>
        <TextAreaField form={form} name="address" label={t("eventEditor.address")} value={draft.address} onValue={(v) => setDraft("address", v)} rows={2} autocomplete="street-address" />
        <TextField
          form={form}
          name="onlineUrl"
          type="url"
          inputmode="url"
          spellcheck={false}
          label={t("eventEditor.onlineUrl")}
          hint={t("eventEditor.onlineUrlHint")}
          value={draft.onlineUrl}
          onValue={(v) => setDraft("onlineUrl", v)}
        />
      </fieldset>

      <fieldset class="editor-section">
        <legend>{t("eventEditor.section.who")}</legend>
        <TextField
          form={form}
          name="capacity"
          type="number"
          inputmode="numeric"
          min={1}
          label={t("eventEditor.capacity")}
          hint={t("eventEditor.capacityHint")}
          value={draft.capacity}
          onValue={(v) => setDraft("capacity", v)}
        />
        <RadioField
          form={form}
          name="visibility"
          label={t("eventEditor.visibility")}
          value={draft.visibility}
          options={(["public", "members", "invited"] as const).map((v) => ({ value: v, label: t(`eventEditor.visibility.${v}`), hint: t(`eventEditor.visibility.${v}.hint`) }))}
          onValue={(v) => setDraft("visibility", v)}
        />
        <Show when={draft.visibility === "invited"}>
          <div class="invitees">
            <p class="field-label" id="invitees-title">
              {t("eventEditor.invitees", { count: draft.invitees.length })}
            </p>
            <Show when={form.fieldError("inviteeIds")}>{(error) => <p class="field-error">{error()}</p>}</Show>
            <ul class="chip-list" aria-labelledby="invitees-title">
              <For each={draft.invitees}>
                {(invitee) => (
                  <li class="chip">
                    <span>{invitee.name ?? t("eventEditor.inviteeUnknown")}</span>
                    <button
                      type="button"
                      class="chip-remove"
                      onClick={() => setDraft("invitees", (list) => list.filter((i) => i.userId !== invitee.userId))}
                    >
                      <span aria-hidden="true">×</span>
                      <span class="visually-hidden">{t("eventEditor.inviteeRemove", { name: invitee.name ?? t("eventEditor.inviteeUnknown") })}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <MemberPicker
              label={t("eventEditor.inviteeSearch")}
              pickLabel={t("eventEditor.invite")}
              exclude={draft.invitees.map((i) => i.userId)}
              onPick={(member) => setDraft("invitees", draft.invitees.length, { userId: member.userId, name: member.name })}
            />
          </div>
        </Show>
      </fieldset>

      <QuestionsEditor form={form} questions={questions} setQuestions={setQuestions} />

      <fieldset class="editor-section">
        <legend>{t("eventEditor.section.publish")}</legend>
        <RadioField
          form={form}
          name="status"
          label={t("eventEditor.status")}
          value={draft.status}
          options={[
            { value: "draft", label: t("eventEditor.status.draft"), hint: t("eventEditor.status.draft.hint") },
            { value: "published", label: t("eventEditor.status.published"), hint: t("eventEditor.status.published.hint") },
          ]}
          onValue={(v) => setDraft("status", v)}
        />
      </fieldset>

      <Show when={askScope()}>
        <div class="confirm scope-prompt" role="group" aria-labelledby="scope-question" ref={scopePrompt}>
          <p id="scope-question">{t("eventEditor.scope.question")}</p>
          <div class="actions">
            <button type="button" class="button primary" onClick={() => saveWith("one")}>
              {t("eventEditor.scope.one")}
            </button>
            <button type="button" class="button" onClick={() => saveWith("series")}>
              {t("eventEditor.scope.series")}
            </button>
            <button type="button" class="button" onClick={() => setAskScope(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      </Show>
    </Form>
  );
}
