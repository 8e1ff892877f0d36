import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { A } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../api";
import { createAction, createForm, Form, TextField } from "../components/Form";
import { Loading } from "../components/Guards";
import { Alert } from "../components/Notices";
import { locale, t, textFor } from "../i18n/events";
import { useSession } from "../session";
import { AnswerFields, answersFor } from "./AnswerFields";
import { segment } from "./links";
import type { EventView } from "./types";

/** What opening a guest's confirmation link ended in. */
export type Confirmation = { outcome: "confirmed" | "waitlisted" } | { error: ApiError };

type ClosedReason = "event_cancelled" | "event_not_published" | "event_started" | "deadline_passed" | "closed";

/** Why this event takes no registrations, in the API's terms. */
function closedReason(event: EventView, now = Date.now()): ClosedReason | null {
  if (event.registrationOpen) return null;
  if (event.status === "cancelled") return "event_cancelled";
  if (event.status === "draft") return "event_not_published";
  if (Date.parse(event.startsAt) <= now) return "event_started";
  if (event.registrationDeadline && Date.parse(event.registrationDeadline) <= now) return "deadline_passed";
  return "closed";
}

/**
 * Registering, and the reader's own registration: a member registers with one click (answering
 * the event's questions), a guest gives name and e-mail for a public event and confirms by e-mail.
 */
export function RegistrationPanel(props: { event: EventView; onEvent(event: EventView): void; reload(): Promise<void>; confirmation?: Confirmation }) {
  const session = useSession();
  const [cancelled, setCancelled] = createSignal(false);
  let panel: HTMLElement | undefined;

  // The control the reader used is gone after a change: the new state's message takes focus instead.
  function changed(event: EventView) {
    setCancelled(!!props.event.myRegistration && !event.myRegistration);
    props.onEvent(event);
    panel?.querySelector<HTMLElement>("[data-after-change]")?.focus();
  }

  const registration = () => props.event.myRegistration;
  const reason = () => closedReason(props.event);
  const guestConfirmed = () => {
    const confirmation = props.confirmation;
    return !!confirmation && "outcome" in confirmation;
  };

  return (
    <section class="card registration" aria-labelledby="registration-title" ref={panel}>
      <h2 id="registration-title">{t("registration.title")}</h2>
      <Show when={props.confirmation}>{(confirmation) => <ConfirmationMessage confirmation={confirmation()} />}</Show>
      <Show when={cancelled()}>
        <p class="status status-success" tabindex="-1" data-after-change>
          {t("registration.cancelledNotice")}
        </p>
      </Show>
      <Switch>
        <Match when={registration()?.status === "confirmed"}>
          <OwnRegistration event={props.event} onEvent={changed} />
        </Match>
        <Match when={registration()?.status === "waitlisted"}>
          <OwnRegistration event={props.event} onEvent={changed} />
        </Match>
        <Match when={reason()}>{(closed) => <p class="status status-info">{t(`field.reason.${closed()}`)}</p>}</Match>
        <Match when={guestConfirmed()}>{null}</Match>
        <Match when={session.account() === undefined}>
          <Loading />
        </Match>
        <Match when={session.account()?.status === "approved"}>
          <MemberRegistration event={props.event} onEvent={changed} reload={props.reload} />
        </Match>
        <Match when={props.event.visibility !== "public"}>
          <p class="status status-info">{t("registration.pendingMember")}</p>
        </Match>
        <Match when={session.account()}>
          {(account) => (
            <>
              <p>{t("registration.pendingGuest")}</p>
              <GuestRegistration event={props.event} name={account().name} email={account().email} />
            </>
          )}
        </Match>
        <Match when={session.account() === null}>
          <p class="registration-member-hint">
            {t("registration.memberHint")}{" "}
            <A href={`/signin?${new URLSearchParams({ next: `/events/${props.event.eventId}` })}`}>{t("registration.signIn")}</A>
          </p>
          <GuestRegistration event={props.event} />
        </Match>
      </Switch>
    </section>
  );
}

function ConfirmationMessage(props: { confirmation: Confirmation }) {
  const outcome = () => ("outcome" in props.confirmation ? props.confirmation.outcome : undefined);
  const failure = () => ("error" in props.confirmation ? props.confirmation.error : undefined);
  let message: HTMLParagraphElement | undefined;
  // The guest arrives from their mailbox at the top of the page: bring the outcome into view and read it out.
  onMount(() => message?.focus());
  return (
    <p
      ref={message}
      tabindex="-1"
      class={outcome() ? "status status-success" : "status status-error"}
      role={outcome() ? "status" : "alert"}
    >
      <Show when={outcome()} fallback={confirmationError(failure())}>
        {(done) => t(done() === "confirmed" ? "registration.guestConfirmed" : "registration.guestWaitlisted")}
      </Show>
    </p>
  );
}

function confirmationError(error: ApiError | undefined): string {
  if (!error) return "";
  // A guest gets a fresh link by simply registering again.
  if (error.code === "invalid_token") return t("registration.confirmLinkInvalid");
  const reason = error.code === "registration_closed" ? textFor(`field.reason.${error.fields.reason ?? ""}`) : undefined;
  return reason ?? errorText(error);
}

function OwnRegistration(props: { event: EventView; onEvent(event: EventView): void }) {
  const action = createAction();
  const [confirming, setConfirming] = createSignal(false);
  let cancelButton: HTMLButtonElement | undefined;
  let keepButton: HTMLButtonElement | undefined;
  const waitlisted = () => props.event.myRegistration?.status === "waitlisted";
  const place = () => props.event.myRegistration?.waitlistPosition;

  function cancel() {
    void action.run(async () => {
      const res = await client.api.events[":eventId"].registration.cancel.$post({ param: { eventId: segment(props.event.eventId) }, json: {} });
      if (!res.ok) throw await readError(res);
      props.onEvent((await res.json()).event);
    });
  }

  function ask() {
    setConfirming(true);
    keepButton?.focus();
  }

  function keep() {
    setConfirming(false);
    cancelButton?.focus();
  }

  return (
    <>
      <p class="status status-success" tabindex="-1" data-after-change>
        <Show when={waitlisted()} fallback={t("registration.confirmed")}>
          {place() ? t("registration.waitlistedAt", { place: place() ?? 0 }) : t("registration.waitlisted")}
        </Show>
      </p>
      <Show when={waitlisted()}>
        <p>{t("registration.waitlistHow")}</p>
      </Show>
      <Show when={props.event.onlineUrl}>
        {(url) => (
          <p>
            <a class="button primary" href={url()} target="_blank" rel="noopener noreferrer">
              {t("registration.joinOnline")}
            </a>
          </p>
        )}
      </Show>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="button" ref={cancelButton} onClick={ask}>
            {waitlisted() ? t("registration.leaveWaitlist") : t("registration.cancel")}
          </button>
        }
      >
        <div class="confirm" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">{waitlisted() ? t("registration.leaveWaitlistQuestion") : t("registration.cancelQuestion")}</p>
          <div class="actions">
            <button type="button" class="button danger" aria-disabled={action.busy() ? "true" : undefined} onClick={cancel}>
              {action.busy() ? t("common.sending") : t("registration.cancelYes")}
            </button>
            <button type="button" class="button" ref={keepButton} onClick={keep}>
              {t("registration.cancelNo")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
    </>
  );
}

function MemberRegistration(props: { event: EventView; onEvent(event: EventView): void; reload(): Promise<void> }) {
  const [answers, setAnswers] = createStore<Record<string, string>>({});
  const full = () => props.event.placesLeft === 0;
  const form = createForm(async () => {
    const res = await client.api.events[":eventId"].registration.$post({
      param: { eventId: segment(props.event.eventId) },
      json: { answers: answersFor(props.event.questions, answers) },
    });
    if (!res.ok) {
      const error = await readError(res);
      // Someone else took the last seat, or the deadline passed meanwhile: show the event as it is now.
      if (error.code === "registration_closed" || error.code === "already_registered") await props.reload();
      throw error;
    }
    props.onEvent((await res.json()).event);
  });
  return (
    <>
      <Show when={full()}>
        <p>{t("registration.fullHint")}</p>
      </Show>
      <Form form={form} submitLabel={full() ? t("registration.joinWaitlist") : t("registration.submit")}>
        <AnswerFields form={form} questions={props.event.questions} answers={answers} onAnswer={(id, value) => setAnswers(id, value)} />
      </Form>
    </>
  );
}

function GuestRegistration(props: { event: EventView; name?: string; email?: string }) {
  const [name, setName] = createSignal(props.name ?? "");
  const [email, setEmail] = createSignal(props.email ?? "");
  const [answers, setAnswers] = createStore<Record<string, string>>({});
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  let sent: HTMLParagraphElement | undefined;
  const form = createForm(async () => {
    const res = await client.api.events[":eventId"]["guest-registration"].$post(
      // The confirmation e-mail is written in the language the guest is reading.
      { param: { eventId: segment(props.event.eventId) }, json: { name: name(), email: email(), answers: answersFor(props.event.questions, answers), locale: locale() } },
    );
    if (!res.ok) throw await readError(res);
    setSentTo(email().trim());
    sent?.focus();
  });
  return (
    <Show
      when={sentTo()}
      fallback={
        <Form form={form} submitLabel={props.event.placesLeft === 0 ? t("registration.joinWaitlist") : t("registration.guestSubmit")}>
          <TextField form={form} name="name" autocomplete="name" label={t("field.name")} value={name()} onValue={setName} required />
          <TextField
            form={form}
            name="email"
            type="email"
            autocomplete="email"
            spellcheck={false}
            label={t("field.email")}
            hint={t("registration.emailHint")}
            value={email()}
            onValue={setEmail}
            required
          />
          <AnswerFields form={form} questions={props.event.questions} answers={answers} onAnswer={(id, value) => setAnswers(id, value)} />
        </Form>
      }
    >
      {(address) => (
        <p class="status status-success" role="status" tabindex="-1" ref={sent}>
          {t("registration.checkEmail", { email: address() })}
        </p>
      )}
    </Show>
  );
}
