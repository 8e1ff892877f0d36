import { Show, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import { A } from "@solidjs/router";
import { t } from "../i18n/events";
import { dateBadge, formatWhen, kindLabel, placeText, placesText } from "./format";
import type { EventView } from "./types";

/**
 * One event in a list: a calendar-sheet date, what and when, where, and how many places are left.
 * Its title is a level-3 heading under a month's heading, or level 2 in a list without them.
 */
export function EventCard(props: { event: EventView; showPlaces?: boolean; headingLevel?: 2 | 3; children?: JSX.Element }) {
  const badge = () => dateBadge(props.event.startsAt);
  const cancelled = () => props.event.status === "cancelled";
  return (
    <li class="event-card" classList={{ "event-card-cancelled": cancelled() }}>
      <div class="event-date" aria-hidden="true">
        <span class="event-date-weekday">{badge().weekday}</span>
        <span class="event-date-day">{badge().day}</span>
        <span class="event-date-month">{badge().month}</span>
      </div>
      <div class="event-card-body">
        <p class="event-kind">
          <span>{kindLabel(props.event.kind)}</span>
          <EventBadges event={props.event} />
        </p>
        <Dynamic component={props.headingLevel === 2 ? "h2" : "h3"} class="event-title">
          <A href={`/events/${props.event.eventId}`} dir="auto">{props.event.title}</A>
        </Dynamic>
        <p class="event-when">{formatWhen(props.event)}</p>
        <Show when={placeText(props.event)}>{(place) => <p class="event-where">{place()}</p>}</Show>
        <Show when={props.showPlaces && !cancelled()}>
          <p class="event-places" classList={{ "event-places-full": props.event.placesLeft === 0 }}>
            {placesText(props.event)}
          </p>
        </Show>
        {props.children}
      </div>
    </li>
  );
}

/** Status and audience marks: cancelled, draft, members only, invited only. */
export function EventBadges(props: { event: Pick<EventView, "status" | "visibility"> }) {
  return (
    <>
      <Show when={props.event.status === "cancelled"}>
        <span class="badge badge-danger">{t("event.status.cancelled")}</span>
      </Show>
      <Show when={props.event.status === "draft"}>
        <span class="badge badge-warning">{t("event.status.draft")}</span>
      </Show>
      <Show when={props.event.visibility !== "public"}>
        <span class="badge">{t(`event.visibility.badge.${props.event.visibility === "members" ? "members" : "invited"}`)}</span>
      </Show>
    </>
  );
}
