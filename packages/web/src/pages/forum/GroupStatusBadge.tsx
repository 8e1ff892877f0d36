import { Match, Switch } from "solid-js";
import { t } from "../../i18n/forum";
import type { GroupView } from "./data";

/** Where the reader stands with a group: member (or its moderator), invited, or waiting for approval. */
export function GroupStatusBadge(props: { group: Pick<GroupView, "myStatus" | "myRole"> }) {
  return (
    <Switch>
      <Match when={props.group.myRole === "moderator"}>
        <span class="badge badge-accent">{t("forum.group.status.moderator")}</span>
      </Match>
      <Match when={props.group.myStatus === "member"}>
        <span class="badge">{t("forum.group.status.member")}</span>
      </Match>
      <Match when={props.group.myStatus === "invited"}>
        <span class="badge badge-warning">{t("forum.group.status.invited")}</span>
      </Match>
      <Match when={props.group.myStatus === "requested"}>
        <span class="badge">{t("forum.group.status.requested")}</span>
      </Match>
    </Switch>
  );
}
