import { createMemo, createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { createAction, createForm, Form, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/events";
import { CoordinatorOnly } from "../../events/access";
import { CheckboxField, TextAreaField } from "../../events/fields";
import { formatWhen, placesText } from "../../events/format";
import { participantsCsvHref, segment } from "../../events/links";
import { MemberPicker } from "../../events/MemberPicker";
import type { EventQuestion, EventView, Participant } from "../../events/types";

const SECTIONS = ["confirmed", "waitlisted", "unconfirmed", "cancelled"] as const;

export default function Participants() {
  const params = useParams<{ eventId: string }>();
  return (
    <Page title={t("participants.title")} wide>
      <CoordinatorOnly>{() => <ParticipantList eventId={params.eventId} />}</CoordinatorOnly>
    </Page>
  );
}

function ParticipantList(props: { eventId: string }) {
  const list = createLoader(async () => {
    const res = await client.api.events[":eventId"].participants.$get({ param: { eventId: segment(props.eventId) } });
    if (!res.ok) throw await readError(res);
    return res.json();
  });
  const [message, setMessage] = createSignal<string | null>(null);
  let messageElement: HTMLParagraphElement | undefined;

  async function changed(text: string) {
    await list.reload();
    setMessage(text);
    messageElement?.focus();
  }

  return (
    <Switch fallback={<Loading />}>
      <Match when={!list.data() && list.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Match>
      <Match when={list.data()}>
        {(data) => (
          <>
            <EventSummary event={data().event} />
            <p class="status status-success" role="status" tabindex="-1" ref={messageElement} hidden={!message()}>
              {message()}
            </p>
            <Show when={list.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
            <div class="actions participant-actions">
              <a class="button" href={participantsCsvHref(props.eventId)} download="">
                {t("participants.csv")}
              </a>
              <Show when={data().event.status === "published"}>
                <A class="button" href={`/events/${props.eventId}/check-in`}>
                  {t("eventAdmin.checkIn")}
                </A>
              </Show>
            </div>
            <For each={SECTIONS}>
              {(section) => (
                <ParticipantSection
                  section={section}
                  eventId={props.eventId}
                  questions={data().event.questions}
                  participants={data().participants.filter((p) => p.status === section)}
                  onChanged={changed}
                />
              )}
            </For>
            <Show when={data().event.status !== "cancelled"}>
              <AddParticipant eventId={props.eventId} exclude={data().participants.filter((p) => p.status !== "cancelled").map((p) => p.participantKey)} onAdded={changed} />
              <MessageParticipants eventId={props.eventId} waitlist={data().participants.some((p) => p.status === "waitlisted")} />
            </Show>
          </>
        )}
      </Match>
    </Switch>
  );
}

function EventSummary(props: { event: EventView }) {
  return (
    <div class="event-summary">
      <p class="event-summary-title">
        <A href={`/events/${props.event.eventId}`} dir="auto">{props.event.title}</A>
      </p>
      <p class="meta">
        {formatWhen(props.event)} · {placesText(props.event)}
      </p>
    </div>
  );
}

function ParticipantSection(props: {
  section: (typeof SECTIONS)[number];
  eventId: string;
  questions: readonly EventQuestion[];
  participants: Participant[];
  onChanged(message: string): Promise<void>;
}) {
  const titleId = createUniqueId();
  const body = () => (
    <Show when={props.participants.length > 0} fallback={<p class="empty">{t(`participants.empty.${props.section}`)}</p>}>
      <ul class="participant-list">
        <For each={props.participants}>
          {(participant) => <ParticipantRow eventId={props.eventId} participant={participant} questions={props.questions} onChanged={props.onChanged} />}
        </For>
      </ul>
    </Show>
  );
  // Cancelled registrations are history: folded away, one tap to open.
  return (
    <Show
      when={props.section !== "cancelled"}
      fallback={
        <Show when={props.participants.length > 0}>
          <details class="disclosure participant-section">
            <summary>{t("participants.section.cancelled", { count: props.participants.length })}</summary>
            {body()}
          </details>
        </Show>
      }
    >
      <section class="participant-section" aria-labelledby={titleId}>
        <h2 id={titleId}>{t(`participants.section.${props.section}`, { count: props.participants.length })}</h2>
        <Show when={props.section === "unconfirmed" && props.participants.length > 0}>
          <p class="hint">{t("participants.unconfirmedHint")}</p>
        </Show>
        {body()}
      </section>
    </Show>
  );
}

function ParticipantRow(props: { eventId: string; participant: Participant; questions: readonly EventQuestion[]; onChanged(message: string): Promise<void> }) {
  const action = createAction();
  const nameId = createUniqueId();
  const [confirming, setConfirming] = createSignal(false);
  let removeButton: HTMLButtonElement | undefined;
  let keepButton: HTMLButtonElement | undefined;
  const answers = createMemo(() =>
    props.questions.flatMap((q) => {
      const answer = props.participant.answers[q.id];
      if (!answer) return [];
      return [{ label: q.label, answer: q.kind === "yes_no" ? t(answer === "yes" ? "registration.answer.yes" : "registration.answer.no") : answer }];
    }),
  );

  function remove() {
    void action.run(async () => {
      const res = await client.api.events[":eventId"].participants[":participantKey"].remove.$post({
        param: { eventId: segment(props.eventId), participantKey: segment(props.participant.participantKey) },
        json: {},
      });
      if (!res.ok) throw await readError(res);
      await props.onChanged(t("participants.removed", { name: props.participant.name }));
    });
  }

  return (
    <li class="participant" aria-busy={action.busy() ? "true" : undefined}>
      <div class="participant-info">
        <p class="participant-name" id={nameId}>
          <Show when={props.participant.waitlistPosition !== null}>
            <span class="participant-place">{t("participants.place", { place: props.participant.waitlistPosition ?? 0 })}</span>{" "}
          </Show>
          {props.participant.name}
        </p>
        <p class="participant-email">{props.participant.email}</p>
        <p class="meta">
          <Show when={props.participant.isGuest}>
            <span class="badge">{t("participants.guest")}</span>
          </Show>
          <Show when={props.participant.addedByCoordinator}>
            <span class="badge">{t("participants.addedByCoordinator")}</span>
          </Show>
          <Show when={props.participant.attendance}>
            {(attendance) => <span class="badge badge-accent">{t(`attendance.${attendance()}`)}</span>}
          </Show>
          <span>{t("participants.registeredAt", { date: formatDateTime(props.participant.createdAt) })}</span>
        </p>
        <Show when={answers().length > 0}>
          <dl class="answers">
            <For each={answers()}>
              {(item) => (
                <div>
                  <dt>{item.label}</dt>
                  <dd>{item.answer}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
      </div>
      <Show when={props.participant.status !== "cancelled"}>
        <div class="participant-remove">
          <Show when={!confirming()}>
            <button
              type="button"
              class="button danger"
              ref={removeButton}
              aria-describedby={nameId}
              onClick={() => {
                setConfirming(true);
                keepButton?.focus();
              }}
            >
              {t("participants.remove")}
            </button>
          </Show>
        </div>
        <Show when={confirming()}>
          <div class="confirm" role="group" aria-labelledby={`${nameId}-confirm`}>
            <p id={`${nameId}-confirm`}>{t("participants.removeQuestion", { name: props.participant.name })}</p>
            <div class="actions">
              <button type="button" class="button danger" aria-disabled={action.busy() ? "true" : undefined} onClick={remove}>
                {action.busy() ? t("common.sending") : t("participants.removeYes")}
              </button>
              <button
                type="button"
                class="button"
                ref={keepButton}
                onClick={() => {
                  setConfirming(false);
                  removeButton?.focus();
                }}
              >
                {t("common.cancel")}
              </button>
            </div>
          </div>
        </Show>
      </Show>
      <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
    </li>
  );
}

function AddParticipant(props: { eventId: string; exclude: readonly string[]; onAdded(message: string): Promise<void> }) {
  const memberAction = createAction();
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");

  async function add(who: { userId: string } | { name: string; email: string }, label: string) {
    const res = await client.api.events[":eventId"].participants.$post({ param: { eventId: segment(props.eventId) }, json: who });
    if (!res.ok) throw await readError(res);
    const { outcome } = await res.json();
    await props.onAdded(t(outcome === "confirmed" ? "participants.addedConfirmed" : "participants.addedWaitlisted", { name: label }));
  }

  const guestForm = createForm(async () => {
    await add({ name: name(), email: email() }, name().trim());
    setName("");
    setEmail("");
  });

  return (
    <section class="card" aria-labelledby="add-participant-title">
      <h2 id="add-participant-title">{t("participants.add.title")}</h2>
      <p>{t("participants.add.intro")}</p>
      <MemberPicker
        label={t("participants.add.member")}
        pickLabel={t("participants.add.pick")}
        exclude={props.exclude}
        onPick={(member) => void memberAction.run(() => add({ userId: member.userId }, member.name))}
      />
      <Show when={memberAction.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
      <h3>{t("participants.add.person")}</h3>
      <Form form={guestForm} submitLabel={t("participants.add.submit")} secondary>
        <TextField form={guestForm} name="name" autocomplete="off" label={t("field.name")} value={name()} onValue={setName} required />
        <TextField form={guestForm} name="email" type="email" autocomplete="off" spellcheck={false} label={t("field.email")} value={email()} onValue={setEmail} required />
      </Form>
    </section>
  );
}

function MessageParticipants(props: { eventId: string; waitlist: boolean }) {
  const [subject, setSubject] = createSignal("");
  const [body, setBody] = createSignal("");
  const [includeWaitlist, setIncludeWaitlist] = createSignal(false);
  const [sent, setSent] = createSignal<number | null>(null);
  const form = createForm(async () => {
    setSent(null);
    const res = await client.api.events[":eventId"].messages.$post({
      param: { eventId: segment(props.eventId) },
      json: { subject: subject(), body: body(), includeWaitlist: props.waitlist && includeWaitlist() },
    });
    if (!res.ok) throw await readError(res);
    setSent((await res.json()).sent);
    setSubject("");
    setBody("");
  });
  return (
    <section class="card" aria-labelledby="message-title">
      <h2 id="message-title">{t("participants.message.title")}</h2>
      <p>{t("participants.message.intro")}</p>
      <Form form={form} submitLabel={t("participants.message.submit")}>
        <TextField form={form} name="subject" label={t("participants.message.subject")} value={subject()} onValue={setSubject} maxLength={200} required />
        <TextAreaField form={form} name="body" label={t("participants.message.body")} value={body()} onValue={setBody} rows={6} required />
        <Show when={props.waitlist}>
          <CheckboxField form={form} name="includeWaitlist" label={t("participants.message.includeWaitlist")} checked={includeWaitlist()} onValue={setIncludeWaitlist} />
        </Show>
      </Form>
      <Show when={sent() !== null}>
        <Status>{t("participants.message.sent", { count: sent() ?? 0 })}</Status>
      </Show>
    </section>
  );
}
