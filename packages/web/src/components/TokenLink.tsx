import { createSignal, Match, onMount, Switch, type JSX } from "solid-js";
import { ApiError, errorText } from "../api";
import { t } from "../i18n";
import { Alert, Status } from "./Notices";
import { useQueryParam } from "./query";

/**
 * A page opened from an e-mailed link: it posts the link's token once and shows the outcome.
 * Tokens are single-use, so there is no automatic retry.
 */
export function TokenLink<T>(props: {
  redeem: (token: string) => Promise<T>;
  working: string;
  done: (result: T) => JSX.Element;
  failed?: (error: ApiError) => JSX.Element;
}) {
  const token = useQueryParam("token");
  const [missing, setMissing] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  const [outcome, setOutcome] = createSignal<{ result: T }>();

  onMount(async () => {
    const value = token();
    if (!value) return setMissing(true);
    try {
      setOutcome({ result: await props.redeem(value) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    }
  });

  return (
    <Switch fallback={<Status tone="info">{props.working}</Status>}>
      <Match when={missing()}>
        <Alert>{t("link.missingToken")}</Alert>
      </Match>
      <Match when={failure()}>
        {(error) => (
          <>
            <Alert>{errorText(error())}</Alert>
            {props.failed?.(error())}
          </>
        )}
      </Match>
      <Match when={outcome()}>{(done) => props.done(done().result)}</Match>
    </Switch>
  );
}
