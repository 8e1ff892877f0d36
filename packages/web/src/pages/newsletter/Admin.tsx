import { createSignal, onMount, Show } from "solid-js";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Loading, StaffOnly } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert, TwoFactorNotice } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/newsletter";
import { fetchNextIssue, type NextIssue } from "./admin/api";
import { EventChoice } from "./admin/EventChoice";
import { IssueText } from "./admin/IssueText";
import { NewsOrder } from "./admin/NewsOrder";
import { Progress } from "./admin/Progress";
import { dueNow, Sending } from "./admin/Sending";
import { SettingsForm } from "./admin/SettingsForm";
import { Subscribers } from "./admin/Subscribers";

export default function NewsletterAdmin() {
  return (
    <Page title={t("newsletterAdmin.title")} wide>
      <StaffOnly noAccess={t("members.noAccess")}>{() => <AdminSections />}</StaffOnly>
    </Page>
  );
}

function AdminSections() {
  const [issue, setIssue] = createSignal<NextIssue>();
  // Counts the changes to the issue, so an open preview knows to follow them.
  const [version, setVersion] = createSignal(0);
  const loadIssue = createAction();
  const counts = createLoader(async () => {
    const res = await client.api.newsletter.subscribers.counts.$get();
    if (!res.ok) throw await readError(res);
    return (await res.json()).counts;
  });
  const settings = createLoader(async () => {
    const res = await client.api.newsletter.settings.$get();
    if (!res.ok) throw await readError(res);
    return (await res.json()).settings;
  });

  function changed(next: NextIssue) {
    setIssue(next);
    setVersion((v) => v + 1);
  }
  const reloadIssue = () => loadIssue.run(async () => changed(await fetchNextIssue()));
  const expectingSend = () => {
    const current = issue();
    return current ? dueNow(current) : false;
  };
  onMount(() => void reloadIssue());

  const stateText = (current: NextIssue) =>
    current.status === "draft"
      ? t("newsletterAdmin.next.draft", { date: formatDateTime(current.nextSlot) })
      : dueNow(current)
        ? t("newsletterAdmin.next.approvedNow")
        : t("newsletterAdmin.next.approved", { date: formatDateTime(current.sendAfter ?? current.nextSlot) });

  return (
    <div class="admin-grid">
      <div class="admin-main">
        <Show when={loadIssue.error()}>
          {(err) => (
            <Show when={err().code === "two_factor_setup_required"} fallback={<Alert>{errorText(err())}</Alert>}>
              <TwoFactorNotice />
            </Show>
          )}
        </Show>
        <Show when={issue()} fallback={<Show when={!loadIssue.error()}><Loading /></Show>}>
          {(current) => (
            <>
              <section class="card" aria-labelledby="next-title">
                <h2 id="next-title">{t("newsletterAdmin.next.title", { number: current().content.number })}</h2>
                <p class="issue-state" classList={{ "issue-state-approved": current().status === "approved" }}>
                  {stateText(current())}
                </p>
                <Show when={current().status === "approved"}>
                  <p class="hint">{t("newsletterAdmin.next.editWithdraws")}</p>
                </Show>
                <IssueText issue={current()} onIssue={changed} />
              </section>
              <section class="card" aria-labelledby="issue-news-title">
                <h2 id="issue-news-title">{t("newsletterAdmin.news.title")}</h2>
                <p class="hint">{t("newsletterAdmin.news.intro")}</p>
                <NewsOrder issue={current()} onIssue={changed} />
              </section>
              <section class="card" aria-labelledby="issue-events-title">
                <h2 id="issue-events-title">{t("newsletterAdmin.events.title")}</h2>
                <p class="hint">{t("newsletterAdmin.events.intro")}</p>
                <EventChoice issue={current()} onIssue={changed} />
              </section>
              <section class="card" aria-labelledby="sending-title">
                <h2 id="sending-title">{t("newsletterAdmin.preview.title")}</h2>
                <Sending issue={current()} onIssue={changed} subscribers={counts.data()?.active} previewVersion={version()} />
              </section>
            </>
          )}
        </Show>
      </div>
      <div class="admin-side">
        <section class="card" aria-labelledby="progress-title">
          <h2 id="progress-title">{t("newsletterAdmin.progress.title")}</h2>
          <Progress
            expectingSend={expectingSend()}
            onStarted={() => {
              void reloadIssue();
              void counts.reload();
            }}
          />
        </section>
        <section class="card" aria-labelledby="subscribers-title">
          <h2 id="subscribers-title">{t("newsletterAdmin.subscribers.title")}</h2>
          <Subscribers counts={counts.data()} error={counts.error()} />
        </section>
        <section class="card" aria-labelledby="settings-title">
          <h2 id="settings-title">{t("newsletterAdmin.settings.title")}</h2>
          <Show when={settings.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
          <Show when={settings.data()} fallback={<Show when={!settings.error()}><Loading /></Show>}>
            {(current) => <SettingsForm settings={current()} onSaved={() => void reloadIssue()} />}
          </Show>
        </section>
      </div>
    </div>
  );
}
