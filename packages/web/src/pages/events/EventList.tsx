import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useSearchParams } from "@solidjs/router";
import { EVENT_KINDS } from "@vernetzt/core/event/constants";
import { ApiError, client, errorText, readError } from "../../api";
import { SelectField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { locale, t } from "../../i18n/events";
import { isStaff, useSession } from "../../session";
import { EventCard } from "../../events/EventCard";
import { kindLabel, monthKey, monthLabel } from "../../events/format";
import { publicCalendarHref } from "../../events/links";
import { firstValue, oneOf } from "../../events/query";
import type { EventView } from "../../events/types";

const TABS = ["upcoming", "past"] as const;
type When = (typeof TABS)[number];

export default function EventList() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const when = (): When => oneOf(TABS, firstValue(params.when)) ?? "upcoming";
  const kind = () => oneOf(EVENT_KINDS, firstValue(params.kind));
  const topic = () => firstValue(params.topic) || undefined;
  const organiser = () => firstValue(params.organiser) || undefined;
  const filtered = () => !!(kind() || topic() || organiser());

  const facets = createLoader(async () => {
    const res = await client.api.events.facets.$get({ query: { when: when() } });
    if (!res.ok) throw await readError(res);
    return res.json();
  });

  const [list, setList] = createStore<{ events: EventView[]; cursor: string | null; loading: boolean; error: ApiError | null }>({
    events: [],
    cursor: null,
    loading: false,
    error: null,
  });
  let latest = 0;
  const [listShown, setListShown] = createSignal(false);

  async function load(more: boolean) {
    const ticket = ++latest;
    setList({ loading: true, error: null });
    try {
      const res = await client.api.events.$get({
        query: { when: when(), kind: kind(), topic: topic(), organiser: organiser(), cursor: more ? (list.cursor ?? undefined) : undefined },
      });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      if (ticket !== latest) return;
      setList({ events: more ? [...list.events, ...page.events] : page.events, cursor: page.cursor });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setList("error", err);
    } finally {
      if (ticket === latest) {
        setList("loading", false);
        setListShown(true);
      }
    }
  }

  createEffect(
    on([when, kind, topic, organiser], () => {
      setList({ events: [], cursor: null });
      void load(false);
    }),
  );

  const months = createMemo(() => {
    const groups: { key: string; label: string; events: EventView[] }[] = [];
    for (const event of list.events) {
      const key = monthKey(event.startsAt);
      const last = groups[groups.length - 1];
      if (last?.key === key) last.events.push(event);
      else groups.push({ key, label: monthLabel(event.startsAt), events: [event] });
    }
    return groups;
  });

  const tabHref = (tab: When) => {
    const search = new URLSearchParams();
    if (tab === "past") search.set("when", "past");
    for (const [name, value] of [["kind", kind()], ["topic", topic()], ["organiser", organiser()]] as const) if (value) search.set(name, value);
    const query = search.toString();
    return query ? `/events?${query}` : "/events";
  };
  const choices = (all: string, values: readonly string[]) => [{ value: "", label: all }, ...values.map((value) => ({ value, label: value }))];
  const staff = () => {
    const account = session.account();
    return !!account && isStaff(account);
  };

  return (
    <Page title={t("events.title")} wide>
      <div class="page-intro">
        <p class="lead">{t("events.lead")}</p>
        <Show when={staff()}>
          <A href="/events/new" class="button primary">
            {t("events.create")}
          </A>
        </Show>
      </div>
      <nav class="tabs" aria-label={t("events.tabs")}>
        <ul>
          <For each={TABS}>
            {(tab) => (
              <li>
                <a href={tabHref(tab)} aria-current={tab === when() ? "page" : undefined}>
                  {t(`events.tab.${tab}`)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <div class="event-filters" role="search" aria-label={t("events.filters")}>
        <SelectField
          name="kind"
          label={t("events.filter.kind")}
          value={kind() ?? ""}
          options={[{ value: "", label: t("events.filter.allKinds") }, ...EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]}
          onValue={(value) => setParams({ kind: value || undefined })}
        />
        <SelectField
          name="topic"
          label={t("events.filter.topic")}
          value={topic() ?? ""}
          options={choices(t("events.filter.allTopics"), withCurrent(facets.data()?.topics, topic()))}
          onValue={(value) => setParams({ topic: value || undefined })}
        />
        <SelectField
          name="organiser"
          label={t("events.filter.organiser")}
          value={organiser() ?? ""}
          options={choices(t("events.filter.allOrganisers"), withCurrent(facets.data()?.organisers, organiser()))}
          onValue={(value) => setParams({ organiser: value || undefined })}
        />
      </div>
      <Show when={list.error}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
      <div aria-busy={list.loading ? "true" : undefined}>
        <For each={months()}>
          {(month) => (
            <section class="event-month" aria-labelledby={`month-${month.key}`}>
              <h2 id={`month-${month.key}`}>{month.label}</h2>
              <ul class="event-list">
                <For each={month.events}>{(event) => <EventCard event={event} showPlaces={when() === "upcoming"} />}</For>
              </ul>
            </section>
          )}
        </For>
      </div>
      <Show when={!list.loading && !list.error && list.events.length === 0}>
        <div class="empty">
          <p>{filtered() ? t("events.emptyFiltered") : t(`events.empty.${when()}`)}</p>
          <Show when={filtered()}>
            <A href={when() === "past" ? "/events?when=past" : "/events"}>{t("events.resetFilters")}</A>
          </Show>
        </div>
      </Show>
      <Show when={list.loading}>
        <p class="loading" role="status">
          {t("common.loading")}
        </p>
      </Show>
      <Show when={list.cursor && !list.loading}>
        <button type="button" class="button" onClick={() => void load(true)}>
          {t("events.loadMore")}
        </button>
      </Show>
      {/* Below the list once it has first come: shown before, these lines would jump down when it arrives. */}
      <Show when={listShown()}>
        <Show when={session.account() === null}>
          <p class="aside">
            {t("events.signInForMore")} <A href="/signin?next=%2Fevents">{t("nav.signin")}</A>
          </p>
        </Show>
        <p class="aside">
          {t("events.publicFeed")} <a href={publicCalendarHref(locale())}>{t("events.publicFeedLink")}</a>
        </p>
      </Show>
    </Page>
  );
}

/** A filter value from the address stays selectable even when no upcoming event has it any more. */
function withCurrent(values: readonly string[] | undefined, current: string | undefined): readonly string[] {
  const list = values ?? [];
  return current && !list.includes(current) ? [current, ...list] : list;
}
