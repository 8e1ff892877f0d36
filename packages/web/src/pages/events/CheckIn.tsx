import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { A, useParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/events";
import { CoordinatorOnly } from "../../events/access";
import { formatWhen } from "../../events/format";
import { segment } from "../../events/links";
import type { EventView, Participant } from "../../events/types";

type Attendance = Participant["attendance"];

export default function CheckIn() {
  const params = useParams<{ eventId: string }>();
  return (
    <Page title={t("checkIn.title")} wide>
      <CoordinatorOnly>{() => <CheckInList eventId={params.eventId} />}</CoordinatorOnly>
    </Page>
  );
}

/** At the door, on a phone: everyone with a seat, one tap for "here", one for "did not come". */
function CheckInList(props: { eventId: string }) {
  const [state, setState] = createStore<{ event: EventView | null; people: Participant[] }>({ event: null, people: [] });
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [filter, setFilter] = createSignal("");

  async function load() {
    try {
      const res = await client.api.events[":eventId"].participants.$get({ param: { eventId: segment(props.eventId) } });
      if (!res.ok) throw await readError(res);
      const { event, participants } = await res.json();
      setState("event", event);
      setState("people", reconcile(participants.filter((p) => p.status === "confirmed"), { key: "participantKey" }));
      setLoadError(null);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoadError(err);
    }
  }
  void load();

  const shown = createMemo(() => {
    const term = filter().trim().toLocaleLowerCase();
    return term ? state.people.filter((p) => p.name.toLocaleLowerCase().includes(term)) : state.people;
  });
  const present = () => state.people.filter((p) => p.attendance === "attended").length;

  function updated(participant: Participant) {
    setState("people", (p) => p.participantKey === participant.participantKey, participant);
  }

  return (
    <Switch fallback={<Loading />}>
      <Match when={!state.event && loadError()}>{(error) => <Alert>{errorText(error())}</Alert>}</Match>
      <Match when={state.event}>
        {(event) => (
          <div class="check-in">
            <p class="event-summary-title">
              <A href={`/events/${props.eventId}`} dir="auto">{event().title}</A>
            </p>
            <p class="meta">{formatWhen(event())}</p>
            <p class="check-in-count" role="status">
              {t("checkIn.count", { present: present(), total: state.people.length })}
            </p>
            <Show when={loadError()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
            <div class="search" role="search">
              <TextField name="filter" type="search" label={t("checkIn.search")} value={filter()} onValue={setFilter} autocomplete="off" />
            </div>
            <Show when={state.people.length > 0} fallback={<p class="empty">{t("checkIn.empty")}</p>}>
              <ul class="check-in-list">
                <For each={shown()}>{(person) => <CheckInRow eventId={props.eventId} person={person} onUpdated={updated} />}</For>
              </ul>
            </Show>
            <button type="button" class="button" onClick={() => void load()}>
              {t("checkIn.refresh")}
            </button>
          </div>
        )}
      </Match>
    </Switch>
  );
}

function CheckInRow(props: { eventId: string; person: Participant; onUpdated(participant: Participant): void }) {
  const action = createAction();
  const nameId = `check-in-${props.person.participantKey.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

  // Tapping the chosen state again clears it: a mistaken tap is undone the same way it was made.
  function mark(choice: NonNullable<Attendance>) {
    const attendance: Attendance = props.person.attendance === choice ? null : choice;
    void action.run(async () => {
      const res = await client.api.events[":eventId"].participants[":participantKey"].attendance.$put({
        param: { eventId: segment(props.eventId), participantKey: segment(props.person.participantKey) },
        json: { attendance },
      });
      if (!res.ok) throw await readError(res);
      props.onUpdated((await res.json()).participant);
    });
  }

  return (
    <li class="check-in-row" classList={{ "is-present": props.person.attendance === "attended", "is-absent": props.person.attendance === "no_show" }} aria-busy={action.busy() ? "true" : undefined}>
      <p class="check-in-name" id={nameId}>
        {props.person.name}
        <Show when={props.person.isGuest}>
          <span class="badge">{t("participants.guest")}</span>
        </Show>
      </p>
      <div class="check-in-buttons" role="group" aria-labelledby={nameId}>
        <button type="button" class="check-in-button check-in-present" aria-pressed={props.person.attendance === "attended"} onClick={() => mark("attended")}>
          {t("checkIn.present")}
        </button>
        <button type="button" class="check-in-button check-in-absent" aria-pressed={props.person.attendance === "no_show"} onClick={() => mark("no_show")}>
          {t("checkIn.absent")}
        </button>
      </div>
      <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
    </li>
  );
}
