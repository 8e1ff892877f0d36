import { createEffect, createMemo, createSignal, createUniqueId, For, Match, on, Show, Switch } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { t } from "../../i18n/forum";
import { isStaff, type Account } from "../../session";
import { CategoryForm } from "./CategoryForm";
import { categoryHref, fetchCategories, segment, type GroupMember, type GroupView } from "./data";
import { Disclosure } from "./Disclosure";
import { Breadcrumbs, ForumGate } from "./Gate";
import { GroupActions } from "./GroupActions";
import { GroupForm } from "./GroupForm";
import { GroupStatusBadge } from "./GroupStatusBadge";
import { InvitePicker } from "./InvitePicker";

const GROUP_ROLES = ["member", "moderator"] as const satisfies readonly GroupMember["role"][];

export default function GroupPage() {
  const params = useParams<{ groupId: string }>();
  const [group, setGroup] = createSignal<GroupView>();
  return (
    <Page title={group()?.name ?? t("forum.group.pageTitle")} wide>
      <ForumGate>
        {(account) => <GroupContent groupId={params.groupId} account={account()} group={group()} onGroup={setGroup} />}
      </ForumGate>
    </Page>
  );
}

function GroupContent(props: { groupId: string; account: Account; group: GroupView | undefined; onGroup(group: GroupView | undefined): void }) {
  const [error, setError] = createSignal<ApiError | null>(null);
  const [members, setMembers] = createSignal<GroupMember[]>([]);
  const [membersError, setMembersError] = createSignal<ApiError | null>(null);
  const categories = createLoader(fetchCategories);
  const staff = () => isStaff(props.account);
  let latest = 0;

  async function load() {
    const ticket = ++latest;
    setError(null);
    try {
      const res = await client.api.forum.groups[":groupId"].$get({ param: { groupId: segment(props.groupId) } });
      if (!res.ok) throw await readError(res);
      const { group } = await res.json();
      if (ticket !== latest) return;
      props.onGroup(group);
      await loadMembers(group);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setError(err);
    }
  }

  async function loadMembers(group: GroupView) {
    setMembersError(null);
    if (group.myStatus !== "member" && !group.canManage) return setMembers([]);
    try {
      const res = await client.api.forum.groups[":groupId"].members.$get({ param: { groupId: segment(group.groupId) } });
      if (!res.ok) throw await readError(res);
      setMembers((await res.json()).members);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setMembersError(err);
    }
  }

  createEffect(
    on(
      () => props.groupId,
      () => {
        props.onGroup(undefined);
        setMembers([]);
        void load();
      },
    ),
  );

  function groupChanged(group: GroupView) {
    props.onGroup(group);
    void loadMembers(group);
    void categories.reload();
  }

  const groupCategories = createMemo(() => (categories.data() ?? []).filter((c) => c.group?.groupId === props.groupId));
  const byStatus = (status: GroupMember["status"]) => members().filter((m) => m.status === status);

  return (
    <Switch fallback={<Loading />}>
      <Match when={!props.group && error()}>
        {(err) => (
          <>
            <Alert>{err().status === 404 ? t("forum.group.notFound") : errorText(err())}</Alert>
            <p>
              <A href="/forum/groups">{t("forum.groups.all")}</A>
            </p>
          </>
        )}
      </Match>
      <Match when={props.group}>
        {(group) => (
          <div class="forum group">
            <Breadcrumbs trail={[{ href: "/forum/groups", label: t("forum.groups.title") }]} />
            <Show when={group().description}>
              <p class="lead" dir="auto">{group().description}</p>
            </Show>
            <p class="meta">
              <GroupStatusBadge group={group()} />
            </p>
            {/* Coordinators see and manage every group without joining it. */}
            <Show when={group().myStatus !== null || !staff()}>
              <GroupActions group={group()} onGroup={groupChanged} />
            </Show>

            <Show when={group().myStatus === "member" || staff()}>
              <section aria-labelledby="group-categories">
                <h2 id="group-categories">{t("forum.group.categories")}</h2>
                <Show when={categories.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
                <ul class="link-list">
                  <For each={groupCategories()}>
                    {(category) => (
                      <li>
                        <A href={categoryHref(category.categoryId)} dir="auto">{category.name}</A>{" "}
                        <span class="meta">{t("forum.category.counts", { threads: category.threadCount, posts: category.postCount })}</span>
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={categories.data() && groupCategories().length === 0}>
                  <p class="empty">{t("forum.group.noCategories")}</p>
                </Show>
              </section>
            </Show>

            <Show when={group().myStatus === "member" || group().canManage}>
              <section aria-labelledby="group-members">
                <h2 id="group-members">{t("forum.group.members")}</h2>
                <Show when={membersError()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
                <MemberList group={group()} members={byStatus("member")} staff={staff()} onChanged={() => void loadMembers(group())} />
                <Show when={!membersError() && byStatus("member").length === 0}>
                  <p class="empty">{t("forum.group.noMembers")}</p>
                </Show>
                <Show when={group().canManage}>
                  <Show when={byStatus("requested").length > 0}>
                    <h3>{t("forum.group.requests")}</h3>
                    <MemberList group={group()} members={byStatus("requested")} staff={staff()} onChanged={() => void loadMembers(group())} />
                  </Show>
                  <Show when={byStatus("invited").length > 0}>
                    <h3>{t("forum.group.invitations")}</h3>
                    <MemberList group={group()} members={byStatus("invited")} staff={staff()} onChanged={() => void loadMembers(group())} />
                  </Show>
                  <InvitePicker groupId={group().groupId} staff={staff()} exclude={members().map((m) => m.userId)} onInvited={() => void loadMembers(group())} />
                </Show>
              </section>
            </Show>

            <Show when={staff()}>
              <Disclosure title={t("forum.group.admin")}>
                <GroupForm group={group()} onSaved={(saved) => props.onGroup(saved)} />
              </Disclosure>
              <Disclosure title={t("forum.group.newCategory")}>
                <CategoryForm groupId={group().groupId} onSaved={() => void categories.reload()} />
              </Disclosure>
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  );
}

function MemberList(props: { group: GroupView; members: GroupMember[]; staff: boolean; onChanged(): void }) {
  return (
    <ul class="member-list group-members">
      <For each={props.members}>{(member) => <MemberRow group={props.group} member={member} staff={props.staff} onChanged={props.onChanged} />}</For>
    </ul>
  );
}

function MemberRow(props: { group: GroupView; member: GroupMember; staff: boolean; onChanged(): void }) {
  const action = createAction();
  const nameId = createUniqueId();
  const roleId = createUniqueId();
  const param = () => ({ groupId: segment(props.group.groupId), userId: segment(props.member.userId) });
  // Moderators manage members; only coordinators remove moderators or change roles (the API enforces it).
  const mayRemove = () => props.group.canManage && (props.staff || props.member.role !== "moderator" || props.member.status !== "member");

  function approve() {
    void action.run(async () => {
      const res = await client.api.forum.groups[":groupId"].members[":userId"].approve.$post({ param: param(), json: {} });
      if (!res.ok) throw await readError(res);
      props.onChanged();
    });
  }

  function remove() {
    void action.run(async () => {
      const res = await client.api.forum.groups[":groupId"].members[":userId"].$delete({ param: param(), json: {} });
      if (!res.ok) throw await readError(res);
      props.onChanged();
    });
  }

  function setRole(select: HTMLSelectElement) {
    const role = GROUP_ROLES.find((r) => r === select.value);
    if (!role || role === props.member.role) return;
    void action
      .run(async () => {
        const res = await client.api.forum.groups[":groupId"].members[":userId"].role.$put({ param: param(), json: { role } });
        if (!res.ok) throw await readError(res);
        props.onChanged();
      })
      .then((succeeded) => {
        if (!succeeded) select.value = props.member.role;
      });
  }

  const removeLabel = () =>
    props.member.status === "requested" ? "forum.group.decline" : props.member.status === "invited" ? "forum.group.withdrawInvitation" : "forum.group.remove";

  return (
    <li class="member" aria-busy={action.busy() ? "true" : undefined}>
      <div class="member-info">
        <p class="member-name" id={nameId}>
          {props.member.name}
          <Show when={props.member.role === "moderator" && props.member.status === "member"}>
            <span class="badge badge-accent">{t("forum.group.status.moderator")}</span>
          </Show>
        </p>
      </div>
      <div class="member-actions">
        <Show when={props.staff && props.member.status === "member"}>
          <div class="role-select">
            <label for={roleId}>{t("forum.group.role")}</label>
            <select id={roleId} aria-describedby={nameId} onChange={(event) => setRole(event.currentTarget)}>
              <For each={GROUP_ROLES}>
                {(role) => (
                  <option value={role} selected={role === props.member.role}>
                    {t(`forum.group.role.${role}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <div class="actions">
          <Show when={props.group.canManage && props.member.status === "requested"}>
            <button type="button" class="button primary small" aria-describedby={nameId} onClick={approve}>
              {t("forum.group.approve")}
            </button>
          </Show>
          <Show when={mayRemove()}>
            <button type="button" class="button small" aria-describedby={nameId} onClick={remove}>
              {t(removeLabel())}
            </button>
          </Show>
        </div>
      </div>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </li>
  );
}
