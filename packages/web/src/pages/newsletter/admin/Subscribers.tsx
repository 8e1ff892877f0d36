import { For, Show } from "solid-js";
import { errorText, type ApiError } from "../../../api";
import { Alert } from "../../../components/Notices";
import { t } from "../../../i18n/newsletter";
import { subscribersCsvHref, type SubscriberCounts } from "./api";

const STATUSES = ["active", "pending", "unsubscribed", "suppressed"] as const satisfies readonly (keyof SubscriberCounts)[];

export function Subscribers(props: { counts?: SubscriberCounts; error: ApiError | null }) {
  return (
    <>
      <Show when={props.error}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={props.counts}>
        {(counts) => (
          <dl class="subscriber-counts">
            <For each={STATUSES}>
              {(status) => (
                <div>
                  <dt>{t(`newsletterAdmin.subscribers.${status}`)}</dt>
                  <dd>{counts()[status]}</dd>
                </div>
              )}
            </For>
          </dl>
        )}
      </Show>
      <p>
        <a class="button" href={subscribersCsvHref()} download="">
          {t("newsletterAdmin.subscribers.csv")}
        </a>
      </p>
      <p class="hint">{t("newsletterAdmin.subscribers.csvHint")}</p>
    </>
  );
}
