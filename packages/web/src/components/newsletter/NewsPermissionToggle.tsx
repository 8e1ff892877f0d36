import { createSignal, createUniqueId, Show } from "solid-js";
import { client, errorText, readError } from "../../api";
import { t } from "../../i18n/newsletter";
import { createAction } from "../Form";
import { Alert } from "../Notices";

/** A coordinator lets an approved volunteer write news (staff always may). */
export function NewsPermissionToggle(props: { member: { userId: string; name: string; mayWriteNews: boolean }; describedBy?: string }) {
  const id = createUniqueId();
  const action = createAction();
  const [allowed, setAllowed] = createSignal(props.member.mayWriteNews);
  const [changed, setChanged] = createSignal(false);

  function change(box: HTMLInputElement) {
    const wanted = box.checked;
    void action
      .run(async () => {
        const res = await client.api.members[":userId"]["news-permission"].$post({ param: { userId: props.member.userId }, json: { allowed: wanted } });
        if (!res.ok) throw await readError(res);
        setAllowed((await res.json()).member.mayWriteNews);
        setChanged(true);
      })
      .then(() => {
        box.checked = allowed();
      });
  }

  return (
    <div class="news-permission">
      <div class="switch-field">
        <input
          type="checkbox"
          role="switch"
          id={id}
          checked={allowed()}
          aria-describedby={props.describedBy}
          aria-busy={action.busy() ? "true" : undefined}
          onChange={(event) => change(event.currentTarget)}
        />
        <label for={id}>{t("newsPermission.label")}</label>
      </div>
      <p class="meta" role="status">
        {changed() ? t(allowed() ? "newsPermission.granted" : "newsPermission.revoked", { name: props.member.name }) : ""}
      </p>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </div>
  );
}
