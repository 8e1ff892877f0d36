import { createMemo, createSignal, For, Show } from "solid-js";
import { errorText } from "../../../api";
import { createAction } from "../../../components/Form";
import { Alert } from "../../../components/Notices";
import { formatDateTime, t } from "../../../i18n/newsletter";
import { editNextIssue, type NextIssue } from "./api";

interface UpcomingEvent {
  eventId: string;
  title: string;
  startsAt: string;
}

/** The upcoming events with a box each; ticked ones go into the issue. */
export function EventChoice(props: { issue: NextIssue; onIssue(issue: NextIssue): void }) {
  const action = createAction();
  const [saved, setSaved] = createSignal(false);
  const events = createMemo(() => {
    const all = new Map<string, UpcomingEvent>();
    for (const e of [...props.issue.content.events, ...props.issue.otherEvents]) all.set(e.eventId, e);
    return all;
  });
  // Ids, not objects: the boxes stay the same elements (and keep focus) when the answer comes back.
  const eventIds = createMemo(() => [...events().values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((e) => e.eventId), undefined, {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const chosen = createMemo(() => new Set(props.issue.content.events.map((e) => e.eventId)));

  function toggle(box: HTMLInputElement, eventId: string) {
    const next = new Set(chosen());
    if (box.checked) next.add(eventId);
    else next.delete(eventId);
    setSaved(false);
    void action
      .run(async () => {
        props.onIssue(await editNextIssue({ eventIds: eventIds().filter((id) => next.has(id)) }));
        setSaved(true);
      })
      .then(() => {
        box.checked = chosen().has(eventId);
      });
  }

  return (
    <div aria-busy={action.busy() ? "true" : undefined}>
      <Show when={eventIds().length > 0} fallback={<p class="empty">{t("newsletterAdmin.events.empty")}</p>}>
        <ul class="event-choice">
          <For each={eventIds()}>
            {(eventId) => (
              <Show when={events().get(eventId)}>
                {(event) => (
                  <li class="field-check">
                    <input
                      type="checkbox"
                      id={`event-${eventId}`}
                      checked={chosen().has(eventId)}
                      onChange={(e) => toggle(e.currentTarget, eventId)}
                    />
                    <label for={`event-${eventId}`}>
                      {event().title}
                      <span class="meta"> · {formatDateTime(event().startsAt)}</span>
                    </label>
                  </li>
                )}
              </Show>
            )}
          </For>
        </ul>
      </Show>
      <p class="visually-hidden" role="status">
        {saved() ? t("newsletterAdmin.events.saved") : ""}
      </p>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </div>
  );
}
