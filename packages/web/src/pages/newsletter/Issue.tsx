import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, t } from "../../i18n/newsletter";
import { useSession } from "../../session";
import { membersOnly, type ArchivedIssue } from "./archive";

/** One sent issue, as it was sent (the server keeps a frozen copy). */
export default function NewsletterIssue() {
  const params = useParams();
  return (
    <Show when={params.number} keyed>
      {(number) => <IssueView number={number} />}
    </Show>
  );
}

function IssueView(props: { number: string }) {
  const session = useSession();
  const [issue, setIssue] = createSignal<ArchivedIssue>();
  const [error, setError] = createSignal<ApiError | null>(null);
  onMount(async () => {
    try {
      const res = await client.api.newsletter.archive[":number"].$get({ param: { number: props.number } });
      if (!res.ok) throw await readError(res);
      setIssue((await res.json()).issue);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    }
  });
  const here = () => `/newsletter/${props.number}`;
  return (
    <Page title={t("newsletter.issue.title", { number: props.number })}>
      <Switch fallback={<Loading />}>
        <Match when={membersOnly(error())}>
          <div class="callout callout-info">
            <p>{t("newsletter.archive.membersOnly")}</p>
            <Show when={!session.account()}>
              <A href={`/signin?${new URLSearchParams({ next: here() })}`} class="button primary">
                {t("common.toSignin")}
              </A>
            </Show>
          </div>
        </Match>
        <Match when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Match>
        <Match when={issue()}>
          {(current) => (
            <article class="issue" aria-labelledby="issue-subject">
              <h2 id="issue-subject" dir="auto">{current().subject}</h2>
              <Show when={current().sentAt}>
                {(at) => (
                  <p class="meta">
                    <time datetime={at()}>{t("newsletter.issue.sentAt", { date: formatDate(at()) })}</time>
                  </p>
                )}
              </Show>
              {/* Built by the server from escaped text and sanitised Markdown: the same body the e-mail had. */}
              <div class="issue-body" lang="de" innerHTML={current().html} />
            </article>
          )}
        </Match>
      </Switch>
      <p>
        <A href="/newsletter">{t("newsletter.issue.back")}</A>
      </p>
    </Page>
  );
}
