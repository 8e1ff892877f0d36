import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../api";
import { Loading, StaffOnly } from "../components/Guards";
import { Alert } from "../components/Notices";
import { Page } from "../components/Page";
import { formatNumber, locale, t, type MessageKey } from "../i18n/usage";

type Usage = InferResponseType<typeof client.api.usage.$get, 200>;

/** This month's usage and estimated AWS bill, for admins. */
export default function AdminUsage() {
  return (
    <Page title={t("usage.title")} wide>
      <StaffOnly noAccess={t("usage.noAccess")} allow={(account) => account.status === "approved" && account.role === "admin"}>
        {() => <UsageReport />}
      </StaffOnly>
    </Page>
  );
}

const number = (n: number) => new Intl.NumberFormat(locale() === "de" ? "de-DE" : "en-GB").format(n);
const money = (n: number) => new Intl.NumberFormat(locale() === "de" ? "de-DE" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const megabytes = (bytes: number) => `${new Intl.NumberFormat(locale() === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 1 }).format(bytes / 1024 ** 2)} MB`;

function UsageReport() {
  const [usage, setUsage] = createSignal<Usage>();
  const [error, setError] = createSignal<ApiError | null>(null);
  onMount(async () => {
    try {
      const res = await client.api.usage.$get();
      if (!res.ok) throw await readError(res);
      setUsage(await res.json());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    }
  });
  return (
    <Switch fallback={<Loading />}>
      <Match when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Match>
      <Match when={usage()}>
        {(u) => (
          <>
            <p>{t("usage.lead", { month: u().month })}</p>
            <table class="usage-table">
              <caption>{t("usage.figures")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("usage.figure")}</th>
                  <th scope="col">{t("usage.value")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("usage.requests")}</th>
                  <td>{number(u().apiRequests)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("usage.emails")}</th>
                  <td>{number(u().emailsSent)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("usage.activeMembers")}</th>
                  <td>{number(u().activeMembers)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("usage.storedData")}</th>
                  <td>{t("usage.storedDataValue", { size: megabytes(u().storedBytes), items: number(u().storedItems) })}</td>
                </tr>
              </tbody>
            </table>
            <p class="hint">{t("usage.storedDataNote")}</p>
            <table class="usage-table">
              <caption>{t("usage.cost")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("usage.service")}</th>
                  <th scope="col">{t("usage.amount")}</th>
                  <th scope="col">{t("usage.detail")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={u().cost.lines}>
                  {(line) => (
                    <tr>
                      <th scope="row">{line.service}</th>
                      <td>{money(line.usd)}</td>
                      <td>{basisText(line.service, line.basis)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("usage.total")}</th>
                  <td>{money(u().cost.totalUsd)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
            <Show when={u().cost.pricesRecordedOn}>{(date) => <p class="hint">{t("usage.costNote", { date: date() })}</p>}</Show>
          </>
        )}
      </Match>
    </Switch>
  );
}

const BASIS_KEY: Record<string, MessageKey> = {
  Lambda: "usage.basis.lambda",
  DynamoDB: "usage.basis.dynamo",
  SES: "usage.basis.ses",
  "CloudFront/S3": "usage.basis.edge",
  API: "usage.basis.api",
  Logs: "usage.basis.logs",
};

/** What a cost line is based on, worded and numbered in the reader's language. */
function basisText(service: string, basis: Record<string, number>): string {
  const key = BASIS_KEY[service];
  const figures = Object.fromEntries(Object.entries(basis).map(([name, value]) => [name, formatNumber(value)]));
  return key ? t(key, figures) : "";
}
