import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show, type Accessor } from "solid-js";
import { createStore } from "solid-js/store";
import { useSearchParams } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import type { MemberStatus, Role } from "@vernetzt/core/user/user.entity";
import { ApiError, client, errorText, readError } from "../api";
import { createAction, TextField } from "../components/Form";
import { StaffOnly } from "../components/Guards";
import { Alert, TwoFactorNotice } from "../components/Notices";
import { Page } from "../components/Page";
import { formatDate, t } from "../i18n/info";
import { type Account } from "../session";
import { NewsPermissionToggle } from "../components/newsletter/NewsPermissionToggle";
import { SEARCH_DELAY_MS } from "../components/search";

type Member = InferResponseType<typeof client.api.members.$get, 200>["members"][number];
type StatusAction = "approve" | "block" | "unblock";

const STATUSES = ["pending", "approved", "blocked"] as const satisfies readonly MemberStatus[];
const ROLES = ["volunteer", "coordinator", "admin"] as const satisfies readonly Role[];
const ACTIONS_FOR: Record<MemberStatus, readonly StatusAction[]> = {
  pending: ["approve", "block"],
  approved: ["block"],
  blocked: ["unblock"],
};
const DONE_MESSAGE = { approve: "members.approved", block: "members.blocked", unblock: "members.unblocked" } as const;

export default function AdminMembers() {
  return (
    <Page title={t("members.title")} wide>
      <StaffOnly noAccess={t("members.noAccess")}>{(account) => <MemberAdmin viewer={account} />}</StaffOnly>
    </Page>
  );
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function MemberAdmin(props: { viewer: Accessor<Account> }) {
  const [params, setParams] = useSearchParams();
  const status = (): MemberStatus => STATUSES.find((s) => s === firstValue(params.status)) ?? "pending";
  const query = () => firstValue(params.q) ?? "";

  const [search, setSearch] = createSignal(query());
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(searchTimer));
  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), SEARCH_DELAY_MS);
  }

  const [list, setList] = createStore<{ members: Member[]; cursor: string | null }>({ members: [], cursor: null });
  const [loading, setLoading] = createSignal(false);
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);
  const [message, setMessage] = createSignal<(() => string) | null>(null);
  let messageElement: HTMLParagraphElement | undefined;
  let latest = 0;

  async function load(more: boolean) {
    const ticket = ++latest;
    setLoading(true);
    setLoadError(null);
    try {
      const res = await client.api.members.$get({
        query: { status: status(), q: query() || undefined, cursor: more ? (list.cursor ?? undefined) : undefined },
      });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      if (ticket !== latest) return;
      setList({ members: more ? [...list.members, ...page.members] : page.members, cursor: page.cursor });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (ticket === latest) setLoadError(err);
    } finally {
      if (ticket === latest) setLoading(false);
    }
  }

  createEffect(
    on([status, query], () => {
      setMessage(null);
      setList({ members: [], cursor: null });
      void load(false);
    }),
  );

  function statusChanged(member: Member, action: StatusAction) {
    if (member.status === status()) setList("members", (m) => m.userId === member.userId, member);
    else setList("members", (members) => members.filter((m) => m.userId !== member.userId));
    setMessage(() => () => t(DONE_MESSAGE[action], { name: member.name }));
    // The row's buttons may be gone: keep keyboard focus on the outcome instead of losing it to the page.
    messageElement?.focus();
  }

  function roleChanged(member: Member) {
    setList("members", (m) => m.userId === member.userId, member);
    setMessage(() => () => t("members.roleChanged", { name: member.name, role: t(`role.${member.role}`) }));
  }

  const tabHref = (tab: MemberStatus) => {
    const search = new URLSearchParams({ status: tab });
    if (query()) search.set("q", query());
    return `/admin/members?${search}`;
  };

  return (
    <>
      <nav class="tabs" aria-label={t("members.tabs")}>
        <ul>
          <For each={STATUSES}>
            {(tab) => (
              <li>
                <a href={tabHref(tab)} aria-current={tab === status() ? "page" : undefined}>
                  {t(`members.tab.${tab}`)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <div class="search" role="search">
        <TextField name="q" type="search" label={t("members.search")} value={search()} onValue={onSearch} autocomplete="off" />
      </div>
      <p class="status status-success" role="status" tabindex="-1" ref={messageElement} hidden={!message()}>
        {message()?.()}
      </p>
      <Show when={loadError()}>
        {(error) => (
          <Show when={error().code === "two_factor_setup_required"} fallback={<Alert>{errorText(error())}</Alert>}>
            <TwoFactorNotice />
          </Show>
        )}
      </Show>
      <ul class="member-list" aria-busy={loading() ? "true" : undefined}>
        <For each={list.members}>
          {(member) => <MemberRow member={member} viewer={props.viewer} onStatusChanged={statusChanged} onRoleChanged={roleChanged} />}
        </For>
      </ul>
      <Show when={!loading() && !loadError() && list.members.length === 0}>
        <p class="empty">{list.cursor ? t("members.emptyPage") : t("members.empty")}</p>
      </Show>
      <Show when={loading()}>
        <p class="loading">{t("common.loading")}</p>
      </Show>
      <Show when={list.cursor && !loading()}>
        <button type="button" class="button" onClick={() => void load(true)}>
          {t("members.loadMore")}
        </button>
      </Show>
    </>
  );
}

function MemberRow(props: {
  member: Member;
  viewer: Accessor<Account>;
  onStatusChanged(member: Member, action: StatusAction): void;
  onRoleChanged(member: Member): void;
}) {
  const action = createAction();
  const nameId = createUniqueId();
  const roleId = createUniqueId();
  const [confirming, setConfirming] = createSignal(false);
  let blockButton: HTMLButtonElement | undefined;
  let cancelButton: HTMLButtonElement | undefined;

  const isSelf = () => props.member.userId === props.viewer().userId;
  const isAdmin = () => props.viewer().role === "admin";
  // Coordinators manage volunteers; only admins manage staff (the API enforces this, the page just says so).
  const mayChange = () => !isSelf() && (isAdmin() || props.member.role === "volunteer");

  function setStatus(kind: StatusAction) {
    void action.run(async () => {
      const res = await client.api.members[":userId"][":action{approve|block|unblock}"].$post({
        param: { userId: props.member.userId, action: kind },
        json: {},
      });
      if (!res.ok) throw await readError(res);
      setConfirming(false);
      props.onStatusChanged((await res.json()).member, kind);
    });
  }

  function setRole(select: HTMLSelectElement) {
    const role = ROLES.find((r) => r === select.value);
    if (!role || role === props.member.role) return;
    void action
      .run(async () => {
        const res = await client.api.members[":userId"].role.$post({ param: { userId: props.member.userId }, json: { role } });
        if (!res.ok) throw await readError(res);
        props.onRoleChanged((await res.json()).member);
      })
      .then((succeeded) => {
        if (!succeeded) select.value = props.member.role;
      });
  }

  const [deleted, setDeleted] = createSignal(false);
  function deleteAccount() {
    if (!window.confirm(t("members.deleteConfirm", { name: props.member.name }))) return;
    void action.run(async () => {
      const res = await client.api.privacy.members[":userId"].delete.$post({ param: { userId: props.member.userId }, json: {} });
      if (!res.ok) throw await readError(res);
      setDeleted(true);
    });
  }

  function askToBlock() {
    setConfirming(true);
    cancelButton?.focus();
  }

  function cancelBlock() {
    setConfirming(false);
    blockButton?.focus();
  }

  return (
    <li class="member" aria-busy={action.busy() ? "true" : undefined}>
      <div class="member-info">
        <p class="member-name" id={nameId}>
          {props.member.name}
          <Show when={isSelf()}>
            <span class="badge">{t("members.you")}</span>
          </Show>
        </p>
        <p class="member-email">{props.member.email}</p>
        <p class="meta">
          <Show when={!(isAdmin() && mayChange())}>
            <span class="badge">{t(`role.${props.member.role}`)}</span>
          </Show>
          <Show when={!props.member.emailVerified}>
            <span class="badge badge-warning">{t("members.unverified")}</span>
          </Show>
          <Show when={props.member.twoFactorEnabled}>
            <span class="badge">{t("members.twoFactorOn")}</span>
          </Show>
          <span>{t("members.joined", { date: formatDate(props.member.createdAt) })}</span>
        </p>
      </div>
      <div class="member-actions">
        <Show when={mayChange()} fallback={<Show when={!isSelf()}><p class="meta">{t("members.onlyAdmins")}</p></Show>}>
          <Show when={isAdmin()}>
            <div class="role-select">
              <label for={roleId}>{t("members.role")}</label>
              <select id={roleId} aria-describedby={nameId} onChange={(event) => setRole(event.currentTarget)}>
                <For each={ROLES}>
                  {(role) => (
                    <option value={role} selected={role === props.member.role}>
                      {t(`role.${role}`)}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </Show>
          <div class="actions">
            <For each={ACTIONS_FOR[props.member.status]}>
              {(kind) =>
                kind === "block" ? (
                  <button
                    type="button"
                    class="button danger"
                    ref={blockButton}
                    aria-describedby={nameId}
                    aria-expanded={confirming()}
                    onClick={askToBlock}
                  >
                    {t("members.block")}
                  </button>
                ) : (
                  <button type="button" class="button primary" aria-describedby={nameId} onClick={() => setStatus(kind)}>
                    {t(kind === "approve" ? "members.approve" : "members.unblock")}
                  </button>
                )
              }
            </For>
            <Show when={isAdmin() && mayChange() && props.member.role !== "admin" && !deleted()}>
              <button type="button" class="button danger" aria-describedby={nameId} onClick={deleteAccount}>
                {t("members.deleteAccount")}
              </button>
            </Show>
          </div>
          <Show when={deleted()}>
            <p class="status status-success" role="status">
              {t("members.accountDeleted", { name: props.member.name })}
            </p>
          </Show>
          <Show when={props.member.status === "approved" && props.member.role === "volunteer"}>
            <NewsPermissionToggle member={props.member} describedBy={nameId} />
          </Show>
        </Show>
      </div>
      <Show when={confirming()}>
        <div class="confirm" role="group" aria-labelledby={`${nameId}-confirm`}>
          <p id={`${nameId}-confirm`}>{t("members.confirmBlock", { name: props.member.name })}</p>
          <div class="actions">
            <button type="button" class="button danger" onClick={() => setStatus("block")}>
              {t("members.confirmBlock.yes")}
            </button>
            <button type="button" class="button" ref={cancelButton} onClick={cancelBlock}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={action.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
    </li>
  );
}
