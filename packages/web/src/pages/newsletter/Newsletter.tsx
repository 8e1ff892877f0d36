import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { A } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { createPagedList, ListFooter } from "../../components/paged";
import { PlainLanguageBox } from "../../components/PlainLanguage";
import { formatDate, t } from "../../i18n/newsletter";
import { useSession } from "../../session";
import { membersOnly, type ArchiveEntry } from "./archive";
import { SubscribeForm } from "./SubscribeForm";

export default function Newsletter() {
  const session = useSession();
  const member = () => session.account()?.status === "approved";
  return (
    <Page title={t("newsletter.title")}>
      <p class="lead">{t("newsletter.lead")}</p>
      <PlainSummary />
      <section class="card" aria-labelledby="subscribe-title">
        <h2 id="subscribe-title">{t("newsletter.subscribe.title")}</h2>
        <Show when={member()} fallback={<SubscribeForm labelledBy="subscribe-title" />}>
          <p>{t("newsletter.subscribe.member")}</p>
          <A href="/account#newsletter" class="button primary">
            {t("newsletter.subscribe.memberLink")}
          </A>
        </Show>
      </section>
      <Archive />
    </Page>
  );
}

/** The coordinators' plain-language text, if they wrote one; the page works without it. */
function PlainSummary() {
  const [summary, setSummary] = createSignal<string | null>(null);
  onMount(async () => {
    try {
      const res = await client.api.newsletter.signup.$get();
      if (res.ok) setSummary((await res.json()).plainSummary);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  });
  return <Show when={summary()}>{(text) => <PlainLanguageBox text={text()} />}</Show>;
}

function Archive() {
  const session = useSession();
  const paged = createPagedList({
    async fetch(cursor) {
      const res = await client.api.newsletter.archive.$get({ query: { cursor } });
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    items: (page): ArchiveEntry[] => page.issues,
  });
  const { list, error } = paged;
  onMount(() => void paged.load(false));

  return (
    <section aria-labelledby="archive-title">
      <h2 id="archive-title">{t("newsletter.archive.title")}</h2>
      <Switch>
        <Match when={membersOnly(error())}>
          <div class="callout callout-info">
            <p>{t("newsletter.archive.membersOnly")}</p>
            <Show when={!session.account()}>
              <A href={`/signin?${new URLSearchParams({ next: "/newsletter" })}`} class="button primary">
                {t("common.toSignin")}
              </A>
            </Show>
          </div>
        </Match>
        <Match when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Match>
      </Switch>
      <ul class="archive-list" aria-busy={list.loading ? "true" : undefined}>
        <For each={list.items}>
          {(issue) => (
            <li>
              <A href={`/newsletter/${issue.number}`}>{t("newsletter.archive.item", { number: issue.number, subject: issue.subject })}</A>
              <Show when={issue.sentAt}>
                {(at) => (
                  <time class="meta" datetime={at()}>
                    {formatDate(at())}
                  </time>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <ListFooter paged={paged} more={t("newsletter.archive.loadMore")}>
        {t("newsletter.archive.empty")}
      </ListFooter>
    </section>
  );
}
