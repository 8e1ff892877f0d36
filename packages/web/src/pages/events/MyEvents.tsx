import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { SignedIn } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/events";
import { EventCard } from "../../events/EventCard";
import { certificateHref } from "../../events/links";
import { firstValue, oneOf } from "../../events/query";
import type { MyEvent } from "../../events/types";

const TABS = ["upcoming", "past"] as const;

export default function MyEvents() {
  return (
    <Page title={t("myEvents.title")} wide>
      <SignedIn>
        {(account) => (
          <Show when={account().status === "approved"} fallback={<p class="status status-info">{t("myEvents.pending")}</p>}>
            <MyEventList />
            <CalendarFeed />
          </Show>
        )}
      </SignedIn>
    </Page>
  );
}

function MyEventList() {
  const [params] = useSearchParams();
  const when = () => oneOf(TABS, firstValue(params.when)) ?? "upcoming";
  const [events, setEvents] = createSignal<MyEvent[]>();
  const [error, setError] = createSignal<ApiError | null>(null);
  let latest = 0;

  createEffect(
    on(when, async (tab) => {
      const ticket = ++latest;
      setEvents(undefined);
      setError(null);
      try {
        const res = await client.api.me.events.$get({ query: { when: tab } });
        if (!res.ok) throw await readError(res);
        const body = await res.json();
        if (ticket === latest) setEvents(body.events);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (ticket === latest) setError(err);
      }
    }),
  );

  return (
    <>
      <nav class="tabs" aria-label={t("myEvents.tabs")}>
        <ul>
          <For each={TABS}>
            {(tab) => (
              <li>
                <a href={tab === "past" ? "/me/events?when=past" : "/me/events"} aria-current={tab === when() ? "page" : undefined}>
                  {t(`events.tab.${tab}`)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <Switch fallback={<p class="loading">{t("common.loading")}</p>}>
        <Match when={error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Match>
        <Match when={events()?.length === 0}>
          <div class="empty">
            <p>{t(`myEvents.empty.${when()}`)}</p>
            <A href="/events">{t("myEvents.browse")}</A>
          </div>
        </Match>
        <Match when={events()}>
          {(list) => (
            <ul class="event-list">
              <For each={list()}>
                {(item) => (
                  <EventCard event={item.event} showPlaces={false} headingLevel={2}>
                    <p class="my-status">
                      <span class={item.status === "waitlisted" ? "badge badge-warning" : "badge badge-success"}>{statusText(item, when())}</span>
                    </p>
                    <Show when={item.certificateAvailable}>
                      <p class="event-card-extra">
                        <a href={certificateHref(item.event.eventId)} download="">
                          {t("myEvents.certificate")}
                        </a>
                      </p>
                    </Show>
                  </EventCard>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </>
  );
}

function statusText(item: MyEvent, when: (typeof TABS)[number]): string {
  if (item.status === "waitlisted") return t(when === "upcoming" ? "myEvents.status.waitlisted" : "myEvents.status.waitlistedPast");
  if (when === "upcoming") return t("myEvents.status.confirmed");
  return t(item.attendance ? `attendance.${item.attendance}` : "attendance.unknown");
}

/** A personal calendar address: the member's confirmed events appear in Outlook, Google or Apple Calendar by themselves. */
function CalendarFeed() {
  const action = createAction();
  const [url, setUrl] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal<"done" | "failed" | null>(null);
  let field: HTMLInputElement | undefined;

  function create() {
    void action.run(async () => {
      const res = await client.api.me["calendar-feed"].$post({ json: {} });
      if (!res.ok) throw await readError(res);
      setUrl((await res.json()).url);
      setCopied(null);
      field?.focus();
      field?.select();
    });
  }

  async function copy() {
    const value = url();
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      setCopied("done");
    } catch {
      // No clipboard access (older browser, not allowed): the field stays selected for copying by hand.
      field?.select();
      setCopied("failed");
    }
  }

  return (
    <section class="card calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t("myEvents.feed.title")}</h2>
      <p>{t("myEvents.feed.intro")}</p>
      <Show when={url()}>
        {(address) => (
          <>
            <div class="field">
              <label for="calendar-feed-url">{t("myEvents.feed.url")}</label>
              <div class="copy-field">
                <input id="calendar-feed-url" ref={field} type="text" readonly value={address()} onFocus={(e) => e.currentTarget.select()} />
                <button type="button" class="button primary" onClick={() => void copy()}>
                  {t("myEvents.feed.copy")}
                </button>
              </div>
            </div>
            <p role="status" class="meta">
              {copied() === "done" ? t("myEvents.feed.copied") : copied() === "failed" ? t("myEvents.feed.copyFailed") : ""}
            </p>
            <details class="disclosure">
              <summary>{t("myEvents.feed.howTo")}</summary>
              <ul class="how-to">
                <li>{t("myEvents.feed.outlook")}</li>
                <li>{t("myEvents.feed.google")}</li>
                <li>{t("myEvents.feed.apple")}</li>
              </ul>
            </details>
            <p class="hint">{t("myEvents.feed.secret")}</p>
          </>
        )}
      </Show>
      <button type="button" class={url() ? "button" : "button primary"} aria-disabled={action.busy() ? "true" : undefined} onClick={create}>
        {action.busy() ? t("common.sending") : url() ? t("myEvents.feed.renew") : t("myEvents.feed.create")}
      </button>
      <Show when={!url()}>
        <p class="hint">{t("myEvents.feed.renewHint")}</p>
      </Show>
      <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
    </section>
  );
}
