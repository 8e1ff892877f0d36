import { PlainLanguageBox } from "../../components/PlainLanguage";
import { createEffect, createSignal, For, Match, on, onMount, Show, Switch } from "solid-js";
import { A, useParams, useSearchParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { useQueryParam } from "../../components/query";
import { t } from "../../i18n/events";
import { useSession } from "../../session";
import { useIsStaff } from "../../events/access";
import { CoordinatorPanel } from "../../events/CoordinatorPanel";
import { EventBadges } from "../../events/EventCard";
import { formatDeadline, formatWhen, kindLabel, placesText } from "../../events/format";
import { eventIcsHref, segment } from "../../events/links";
import { RegistrationPanel, type Confirmation } from "../../events/RegistrationPanel";
import type { EventView } from "../../events/types";

export default function EventDetail() {
  const params = useParams<{ eventId: string }>();
  const session = useSession();
  const staff = useIsStaff();
  const [, setSearch] = useSearchParams();
  const confirmToken = useQueryParam("confirm");
  const [event, setEvent] = createSignal<EventView>();
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [confirmation, setConfirmation] = createSignal<Confirmation>();
  let latest = 0;

  async function load() {
    const ticket = ++latest;
    try {
      const res = await client.api.events[":eventId"].$get({ param: { eventId: segment(params.eventId) } });
      if (!res.ok) throw await readError(res);
      const { event: loaded } = await res.json();
      if (ticket !== latest) return;
      setEvent(loaded);
      setLoadError(null);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setLoadError(err);
    }
  }

  createEffect(
    on(
      () => params.eventId,
      () => {
        setEvent(undefined);
        void load();
      },
    ),
  );

  // A guest opens the link from the confirmation e-mail. The single-use token leaves the address
  // at once, so it is neither kept in the history nor shared along with the page.
  onMount(async () => {
    const token = confirmToken();
    if (!token) return;
    setSearch({ confirm: undefined }, { replace: true });
    try {
      const res = await client.api.registrations.confirm.$post({ json: { token } });
      if (!res.ok) throw await readError(res);
      setConfirmation({ outcome: (await res.json()).outcome });
      await load();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setConfirmation({ error: err });
    }
  });

  const notFound = () => {
    const error = loadError();
    return !!error && (error.status === 404 || error.code === "invalid_input");
  };

  return (
    <Page title={event()?.title ?? t("event.pageTitle")} wide>
      <Switch fallback={<Loading />}>
        <Match when={notFound()}>
          <p>{t("event.notFound")}</p>
          <Show when={session.account() === null}>
            <p>
              {t("event.notFoundSignIn")}{" "}
              <A href={`/signin?${new URLSearchParams({ next: `/events/${params.eventId}` })}`}>{t("nav.signin")}</A>
            </p>
          </Show>
          <A href="/events">{t("event.backToList")}</A>
        </Match>
        <Match when={!event() && loadError()}>
          {(error) => (
            <>
              <Alert>{errorText(error())}</Alert>
              <button type="button" class="button" onClick={() => void load()}>
                {t("common.retry")}
              </button>
            </>
          )}
        </Match>
        <Match when={event()}>
          {(current) => (
            <div class="event-detail">
              <div class="event-detail-facts">
                <p class="event-kind">
                  <span>{kindLabel(current().kind)}</span>
                  <EventBadges event={current()} />
                </p>
                <Show when={current().status === "cancelled"}>
                  <p class="status status-error">{t("event.cancelledNotice")}</p>
                </Show>
                <Show when={current().plainSummary}>{(summary) => <PlainLanguageBox text={summary()} />}</Show>
                <EventFacts event={current()} />
                <p class="actions">
                  <a class="button" href={eventIcsHref(current().eventId)} download="veranstaltung.ics">
                    {t("event.addToCalendar")}
                  </a>
                </p>
              </div>
              <div class="event-detail-aside">
                <RegistrationPanel event={current()} onEvent={setEvent} reload={load} confirmation={confirmation()} />
                <Show when={staff()}>
                  <CoordinatorPanel event={current()} onEvent={setEvent} />
                </Show>
              </div>
              <Show when={current().descriptionHtml}>
                <section class="event-description" aria-labelledby="description-title">
                  <h2 id="description-title">{t("event.description")}</h2>
                  {/* Rendered from Markdown and sanitised with an allow-list by the API: the one HTML the page takes as is. */}
                  <div class="prose" innerHTML={current().descriptionHtml} />
                </section>
              </Show>
              <p class="event-back">
                <A href="/events">{t("event.backToList")}</A>
              </p>
            </div>
          )}
        </Match>
      </Switch>
    </Page>
  );
}

function EventFacts(props: { event: EventView }) {
  const upcoming = () => Date.parse(props.event.endsAt) > Date.now();
  return (
    <dl class="event-facts">
      <div>
        <dt>{t("event.when")}</dt>
        <dd>{formatWhen(props.event)}</dd>
      </div>
      <div>
        <dt>{t("event.where")}</dt>
        <dd>
          <Show when={props.event.address}>{(address) => <span class="event-address">{address()}</span>}</Show>
          <Show when={props.event.isOnline}>
            <span class="event-online">
              <Show when={props.event.onlineUrl} fallback={t("event.onlineLinkLater")}>
                {(url) => (
                  <>
                    {t("event.online")}:{" "}
                    <a href={url()} target="_blank" rel="noopener noreferrer">
                      {url()}
                    </a>
                  </>
                )}
              </Show>
            </span>
          </Show>
        </dd>
      </div>
      <div>
        <dt>{t("event.organiser")}</dt>
        <dd>{props.event.organiser}</dd>
      </div>
      <Show when={props.event.speakers.length > 0}>
        <div>
          <dt>{t("event.speakers")}</dt>
          <dd>{props.event.speakers.join(", ")}</dd>
        </div>
      </Show>
      <Show when={props.event.topics.length > 0}>
        <div>
          <dt>{t("event.topics")}</dt>
          <dd>
            <ul class="topic-list">
              <For each={props.event.topics}>
                {(topic) => (
                  <li>
                    <A href={`/events?${new URLSearchParams({ topic })}`} class="badge">
                      {topic}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </dd>
        </div>
      </Show>
      <Show when={upcoming() && props.event.status !== "cancelled"}>
        <div>
          <dt>{t("event.places")}</dt>
          <dd classList={{ "event-places-full": props.event.placesLeft === 0 }}>{placesText(props.event)}</dd>
        </div>
        <Show when={props.event.registrationDeadline}>
          {(deadline) => (
            <div>
              <dt>{t("event.deadline")}</dt>
              <dd>{formatDeadline(deadline())}</dd>
            </div>
          )}
        </Show>
      </Show>
      <Show when={props.event.visibility !== "public"}>
        <div>
          <dt>{t("event.audience")}</dt>
          <dd>{t(props.event.visibility === "members" ? "event.visibility.members" : "event.visibility.invited")}</dd>
        </div>
      </Show>
    </dl>
  );
}
