import { createSignal, For, Match, Show, Switch } from "solid-js";
import { A, useNavigate, useParams } from "@solidjs/router";
import { CONTACT_KINDS, MILESTONE_STATUSES } from "@vernetzt/core/programme/constants";
import { client, errorText, readError } from "../../api";
import { announce } from "../../announcements";
import { createAction, createForm, Form, SelectField, TextField } from "../../components/Form";
import { Loading, SignedIn } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, formatDateTime, locale, t, type MessageKey } from "../../i18n/programmes";
import { LogSection } from "../../programmes/ProgrammeLog";
import { exportHref, summaryPdfHref } from "../../programmes/links";
import type { MilestoneView, ParticipantView } from "../../programmes/types";

const today = () => new Date().toISOString().slice(0, 10);

export default function Participant() {
  const params = useParams<{ programmeId: string; participantId: string }>();
  const record = createLoader(async () => {
    const res = await client.api.programmes.participants[":participantId"].$get({ param: { participantId: params.participantId } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).participant;
  });
  return (
    <Page title={record.data()?.name ?? t("participantForm.name")} wide>
      <SignedIn>
        {() => (
          <Switch fallback={<Loading />}>
            <Match when={!record.data() && record.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Match>
            <Match when={record.data()}>{(p) => <Record participant={p()} reload={record.reload} />}</Match>
          </Switch>
        )}
      </SignedIn>
    </Page>
  );
}

function Record(props: { participant: ParticipantView; reload: () => Promise<void> }) {
  const p = () => props.participant;
  const coordinator = () => p().role === "coordinator";
  const [message, setMessage] = createSignal<string | null>(null);
  const changed = async (text: string) => {
    await props.reload();
    setMessage(text);
  };
  return (
    <div class="participant-record">
      <p class="status status-info confidential">{t("participant.confidential")}</p>
      <p class="no-print">
        <A href={`/programmes/${p().programmeId}`}>{t("participant.back")}</A> · {p().programmeName}
      </p>
      <p class="print-only">{p().programmeName}</p>
      <Show when={message()}>{(text) => <Status>{text()}</Status>}</Show>
      <div class="actions no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {t("participant.print")}
        </button>
        <a class="button" href={summaryPdfHref(p().participantId, locale())}>
          {t("participant.pdf")}
        </a>
        <Show when={coordinator()}>
          <A class="button" href={`/programmes/${p().programmeId}/participants/${p().participantId}/edit`}>
            {t("participant.edit")}
          </A>
          <a class="button" href={exportHref(p().participantId)} download="">
            {t("participant.export")}
          </a>
        </Show>
      </div>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("participant.details")}</h2>
        <dl class="details">
          <dt>{t("participant.contact")}</dt>
          <dd>{[p().email, p().phone].filter(Boolean).join(" · ") || t("participant.none")}</dd>
          <dt>{t("participant.languages")}</dt>
          <dd>{p().languages.join(", ") || t("participant.none")}</dd>
          <dt>{t("participant.coordinator")}</dt>
          <dd>{p().coordinator.name || t("participant.none")}</dd>
          <dt>{t("participant.mentors")}</dt>
          <dd>{p().mentors.map((m) => m.name).join(", ") || t("participant.none")}</dd>
          <Show when={p().notes}>
            <dt>{t("participant.notes")}</dt>
            <dd class="pre-line">{p().notes}</dd>
          </Show>
        </dl>
        <details class="consent no-print">
          <summary>{t("participant.consent", { date: formatDate(p().consentDate) })}</summary>
          <p class="pre-line">{p().consentText}</p>
        </details>
      </section>

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t("participant.milestones")}</h2>
        <ol class="milestone-list">
          <For each={p().milestones}>
            {(m) => <Milestone participantId={p().participantId} milestone={m} saved={() => changed(t("participant.milestoneSaved", { title: m.title }))} />}
          </For>
        </ol>
      </section>

      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t("participant.contacts")}</h2>
        <ContactForm participantId={p().participantId} added={() => changed(t("participant.contactAdded"))} />
        <Show when={p().contacts.length > 0} fallback={<p class="empty">{t("participant.noContacts")}</p>}>
          <ul class="contact-list">
            <For each={p().contacts}>
              {(c) => (
                <li>
                  <span class="contact-date">{formatDate(c.date)}</span> <span class="badge">{t(`contactKind.${c.kind}`)}</span> {c.note}{" "}
                  <span class="meta">{t("participant.contactBy", { name: c.authorName ?? t("programmeLog.formerMember") })}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <Show when={coordinator()}>
        <div class="no-print">
          <LogSection
            title={t("participant.log")}
            showLabel={t("participant.logShow")}
            load={async () => {
              const res = await client.api.programmes.participants[":participantId"].log.$get({ param: { participantId: p().participantId } });
              if (!res.ok) throw await readError(res);
              return (await res.json()).entries;
            }}
            describe={(e) => t(`log.${e.action}` as MessageKey)}
          />
          <DeleteParticipant participant={p()} />
        </div>
      </Show>
      <p class="print-only meta">{formatDateTime(new Date().toISOString())}</p>
    </div>
  );
}

function Milestone(props: { participantId: string; milestone: MilestoneView; saved: () => Promise<void> }) {
  const m = props.milestone;
  const [status, setStatus] = createSignal(m.status);
  const [dueDate, setDueDate] = createSignal(m.dueDate ?? "");
  const [doneDate, setDoneDate] = createSignal(m.doneDate ?? "");
  const [note, setNote] = createSignal(m.note);
  const form = createForm(async () => {
    const res = await client.api.programmes.participants[":participantId"].milestones[":milestoneId"].$put({
      param: { participantId: props.participantId, milestoneId: m.milestoneId },
      json: { status: status(), dueDate: dueDate() || null, doneDate: status() === "done" ? doneDate() || today() : null, note: note() },
    });
    if (!res.ok) throw await readError(res);
    await props.saved();
  });
  const headingId = `milestone-${m.milestoneId}`;
  return (
    <li class={`milestone milestone-${m.status}`}>
      <h3 id={headingId}>
        {m.title} <span class="badge">{t(`milestone.${m.status}`)}</span>
      </h3>
      <p class="print-only">
        <Show when={m.status === "done" && m.doneDate} fallback={m.dueDate ? t("board.dueOn", { date: formatDate(m.dueDate) }) : ""}>
          {t("participant.doneDate")}: {formatDate(m.doneDate!)}
        </Show>
        <Show when={m.note}> · {m.note}</Show>
      </p>
      <div class="no-print">
        <Form form={form} submitLabel={t("participant.saveMilestone")} secondary class="form milestone-form" aria-labelledby={headingId}>
          <SelectField
            form={form}
            name="status"
            label={t("participant.milestoneStatus")}
            value={status()}
            options={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`milestone.${s}`) }))}
            onValue={setStatus}
          />
          <TextField form={form} name="dueDate" type="date" label={t("participant.dueDate")} value={dueDate()} onValue={setDueDate} />
          <Show when={status() === "done"}>
            <TextField form={form} name="doneDate" type="date" label={t("participant.doneDate")} value={doneDate() || today()} onValue={setDoneDate} />
          </Show>
          <TextField form={form} name="note" label={t("participant.note")} value={note()} onValue={setNote} />
        </Form>
      </div>
    </li>
  );
}

function ContactForm(props: { participantId: string; added: () => Promise<void> }) {
  const [date, setDate] = createSignal(today());
  const [kind, setKind] = createSignal<(typeof CONTACT_KINDS)[number]>("meeting");
  const [note, setNote] = createSignal("");
  const form = createForm(async () => {
    const res = await client.api.programmes.participants[":participantId"].contacts.$post({ param: { participantId: props.participantId }, json: { date: date(), kind: kind(), note: note() } });
    if (!res.ok) throw await readError(res);
    setNote("");
    await props.added();
  });
  return (
    <div class="no-print">
      <Form form={form} submitLabel={t("participant.addContact")} secondary class="form contact-form" aria-labelledby="contacts-heading">
        <TextField form={form} name="date" type="date" label={t("participant.contactDate")} value={date()} onValue={setDate} />
        <SelectField form={form} name="kind" label={t("participant.contactKind")} value={kind()} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contactKind.${k}`) }))} onValue={setKind} />
        <TextField form={form} name="note" label={t("participant.contactNote")} value={note()} onValue={setNote} />
      </Form>
    </div>
  );
}

function DeleteParticipant(props: { participant: ParticipantView }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = createSignal(false);
  const action = createAction();
  async function remove() {
    const ok = await action.run(async () => {
      const res = await client.api.programmes.participants[":participantId"].delete.$post({ param: { participantId: props.participant.participantId }, json: {} });
      if (!res.ok) throw await readError(res);
    });
    if (!ok) return;
    const path = `/programmes/${props.participant.programmeId}`;
    announce(() => t("participant.deleted"), path);
    navigate(path);
  }
  return (
    <section class="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t("participant.delete")}</h2>
      <p>{t("participant.deleteExplain")}</p>
      <Show when={action.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Show>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            {t("participant.delete")}
          </button>
        }
      >
        <div class="actions">
          <button type="button" class="button danger" onClick={() => void remove()} aria-disabled={action.busy() ? "true" : undefined}>
            {t("participant.deleteConfirm")}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </div>
      </Show>
    </section>
  );
}
