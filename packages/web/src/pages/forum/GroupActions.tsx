import { createSignal, Match, Show, Switch } from "solid-js";
import { client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Alert } from "../../components/Notices";
import { t } from "../../i18n/forum";
import { segment, type GroupView } from "./data";

type Step = "request" | "accept" | "leave";

/** Joining and leaving a closed group: ask to join, accept or decline an invitation, withdraw a request, leave. */
export function GroupActions(props: { group: GroupView; describedBy?: string; onGroup(group: GroupView): void }) {
  const action = createAction();
  const [message, setMessage] = createSignal("");
  const [confirmLeave, setConfirmLeave] = createSignal(false);

  function run(step: Step, done: string) {
    void action.run(async () => {
      const param = { groupId: segment(props.group.groupId) };
      const route = client.api.forum.groups[":groupId"];
      const res = step === "request" ? await route.request.$post({ param, json: {} }) : step === "accept" ? await route.accept.$post({ param, json: {} }) : await route.leave.$post({ param, json: {} });
      if (!res.ok) throw await readError(res);
      setConfirmLeave(false);
      setMessage(done);
      props.onGroup((await res.json()).group);
    });
  }

  return (
    <div class="group-actions">
      <div class="actions">
        <Switch>
          <Match when={props.group.myStatus === null}>
            <button type="button" class="button primary" aria-describedby={props.describedBy} onClick={() => run("request", t("forum.group.requested"))}>
              {t("forum.group.request")}
            </button>
          </Match>
          <Match when={props.group.myStatus === "invited"}>
            <button type="button" class="button primary" aria-describedby={props.describedBy} onClick={() => run("accept", t("forum.group.accepted"))}>
              {t("forum.group.accept")}
            </button>
            <button type="button" class="button" aria-describedby={props.describedBy} onClick={() => run("leave", t("forum.group.declined"))}>
              {t("forum.group.decline")}
            </button>
          </Match>
          <Match when={props.group.myStatus === "requested"}>
            <button type="button" class="button" aria-describedby={props.describedBy} onClick={() => run("leave", t("forum.group.withdrawn"))}>
              {t("forum.group.withdraw")}
            </button>
          </Match>
          <Match when={props.group.myStatus === "member"}>
            <button type="button" class="button" aria-describedby={props.describedBy} aria-expanded={confirmLeave()} onClick={() => setConfirmLeave(!confirmLeave())}>
              {t("forum.group.leave")}
            </button>
          </Match>
        </Switch>
      </div>
      <Show when={confirmLeave() && props.group.myStatus === "member"}>
        <div class="confirm" role="group">
          <p>{t("forum.group.confirmLeave", { name: props.group.name })}</p>
          <div class="actions">
            <button type="button" class="button danger" onClick={() => run("leave", t("forum.group.left"))}>
              {t("forum.group.leave.yes")}
            </button>
            <button type="button" class="button" onClick={() => setConfirmLeave(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      </Show>
      <p class="meta" role="status">
        {message()}
      </p>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </div>
  );
}
