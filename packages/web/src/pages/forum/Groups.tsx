import { createSignal, createUniqueId, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { errorText } from "../../api";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/forum";
import { isStaff, type Account } from "../../session";
import { fetchGroups, groupHref, type GroupView } from "./data";
import { Disclosure } from "./Disclosure";
import { ForumGate, ForumNav } from "./Gate";
import { GroupActions } from "./GroupActions";
import { GroupForm } from "./GroupForm";
import { GroupStatusBadge } from "./GroupStatusBadge";

export default function ForumGroups() {
  return (
    <Page title={t("forum.groups.title")} wide>
      <ForumGate>
        {(account) => (
          <>
            <ForumNav />
            <GroupList account={account()} />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

function GroupList(props: { account: Account }) {
  const groups = createLoader(fetchGroups);
  const [changed, setChanged] = createSignal<Record<string, GroupView>>({});
  const shown = () => (groups.data() ?? []).map((g) => changed()[g.groupId] ?? g);

  return (
    <div class="forum groups">
      <p class="lead">{t("forum.groups.lead")}</p>
      <Show when={groups.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={groups.data()} fallback={<Show when={!groups.error()}><Loading /></Show>}>
        <ul class="group-list">
          <For each={shown()}>
            {(group) => {
              const nameId = createUniqueId();
              return (
                <li class="group-row">
                  <h2 id={nameId}>
                    <Show when={group.myStatus === "member" || group.canManage} fallback={group.name}>
                      <A href={groupHref(group.groupId)} dir="auto">{group.name}</A>
                    </Show>
                    <GroupStatusBadge group={group} />
                  </h2>
                  <Show when={group.description}>
                    <p dir="auto">{group.description}</p>
                  </Show>
                  <GroupActions group={group} describedBy={nameId} onGroup={(next) => setChanged({ ...changed(), [next.groupId]: next })} />
                </li>
              );
            }}
          </For>
        </ul>
        <Show when={shown().length === 0}>
          <p class="empty">{t("forum.groups.empty")}</p>
        </Show>
      </Show>
      <Show when={isStaff(props.account)}>
        <Disclosure title={t("forum.groupForm.newTitle")}>
          <GroupForm onSaved={() => void groups.reload()} />
        </Disclosure>
      </Show>
    </div>
  );
}
