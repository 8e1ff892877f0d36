import { conditionFailed, db, paged } from "../db";
import { VisibleError } from "../errors";
import { fold } from "../text";
import { nowIso } from "../time";
import { endAllSessions } from "../auth/session";
import { findUserByEmail, getUser, isStaff, mailTo } from "../user/account";
import type { MemberStatus, Role, UserItem } from "../user/user.entity";
import { config } from "../config";
import { changeAccount } from "../people/profiles";
import { auditRecord } from "../audit/audit";

/** Who is acting: passed in by the API after it authenticated the request. */
export interface Actor {
  userId: string;
  role: Role;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: MemberStatus;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
  statusChangedAt?: string;
  mayWriteNews: boolean;
}

const toMemberView = (u: UserItem): MemberView => ({
  userId: u.userId,
  name: u.name,
  email: u.email,
  role: u.role,
  status: u.status,
  emailVerified: u.emailVerified,
  twoFactorEnabled: u.totpEnabled,
  createdAt: u.createdAt,
  statusChangedAt: u.statusChangedAt,
  mayWriteNews: u.mayWriteNews === true,
});

export const PAGE_SIZE = 50;

function assertStaff(actor: Actor) {
  if (!isStaff(actor.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

/** Members with one status, by name; `q` narrows to names or addresses containing it. */
export async function listMembers(
  actor: Actor,
  query: { status: MemberStatus; q?: string; cursor?: string },
): Promise<{ members: MemberView[]; cursor: string | null }> {
  assertStaff(actor);
  const term = query.q ? fold(query.q) : "";
  const members = db().entities.user.query.byStatus({ status: query.status });
  const filtered = term ? members.where((attr, op) => op.contains(attr.searchText, term)) : members;
  // `count` fills the page after filtering (DynamoDB's Limit counts items before the filter).
  const { data, cursor } = await paged(() => filtered.go({ cursor: query.cursor || null, count: PAGE_SIZE }));
  return { members: data.map(toMemberView), cursor };
}

/** How many members have each status (for the tabs' badges). */
export async function memberCounts(actor: Actor): Promise<Record<MemberStatus, number>> {
  assertStaff(actor);
  const counts = await Promise.all(
    (["pending", "approved", "blocked"] as const).map(async (status) => {
      const { data } = await db().entities.user.query.byStatus({ status }).go({ pages: "all", attributes: ["userId"] });
      return [status, data.length] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<MemberStatus, number>;
}

/** The change and its audit entry in one transaction; a failed condition means someone else was faster. */
async function writeWithAudit(items: Parameters<ReturnType<typeof db>["transaction"]["write"]>[0]): Promise<void> {
  const result = await db()
    .transaction.write(items)
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw new VisibleError("conflict", "changed_meanwhile", "This member was changed meanwhile. Please reload.");
}

async function loadTarget(userId: string): Promise<UserItem> {
  const user = await getUser(userId);
  if (!user) throw new VisibleError("not_found", "member_not_found", "No such member.");
  return user;
}

/**
 * Approves, blocks or unblocks a member. Coordinators manage volunteers; only admins manage staff.
 * Blocking ends the member's sessions at once.
 */
export async function setStatus(actor: Actor, userId: string, status: MemberStatus): Promise<MemberView> {
  assertStaff(actor);
  if (actor.userId === userId) throw new VisibleError("forbidden", "not_yourself", "You cannot change your own membership.");
  const target = await loadTarget(userId);
  if (isStaff(target.role) && actor.role !== "admin") {
    throw new VisibleError("forbidden", "forbidden", "Only admins may change coordinators and admins.");
  }
  if (target.status === status) return toMemberView(target);
  const action = status === "approved" ? (target.status === "blocked" ? "member_unblocked" : "member_approved") : status === "blocked" ? "member_blocked" : undefined;
  const now = nowIso();
  const change = { status, statusChangedAt: now, statusChangedBy: actor.userId };
  // The directory lists approved members only: their directory items come and go in the same
  // transaction (a newly approved member gets a blank profile, so they are listed by name).
  const updated = await changeAccount(
    userId,
    {
      next: (current) => ({ ...current, ...change }),
      write: (tx, current) =>
        tx.user
          .patch({ userId })
          .set({ ...change, nameKey: current.nameKey })
          .where((attr, op) => `${op.eq(attr.status, target.status)} AND ${op.eq(attr.nameKey, current.nameKey)}`)
          .commit(),
    },
    {
      createProfile: status === "approved" && target.status === "pending",
      extra: (tx) => (action ? [tx.audit.create(auditRecord(actor.userId, action, userId)).commit()] : []),
    },
  );
  if (status === "blocked") await endAllSessions(userId);
  if (status === "approved" && target.status === "pending") await mailTo(updated, "approved", `${config().appOrigin}/signin`);
  return toMemberView(updated);
}

export async function setRole(actor: Actor, userId: string, role: Role): Promise<MemberView> {
  if (actor.role !== "admin") throw new VisibleError("forbidden", "forbidden", "Only admins may change roles.");
  if (actor.userId === userId) throw new VisibleError("forbidden", "not_yourself", "You cannot change your own role.");
  const target = await loadTarget(userId);
  await writeWithAudit(({ user, audit }) => [
    user
      .patch({ userId })
      .set({ role })
      .where((attr, op) => op.eq(attr.role, target.role))
      .commit(),
    audit.create(auditRecord(actor.userId, "role_changed", userId, `${target.role} → ${role}`)).commit(),
  ]);
  return toMemberView({ ...target, role });
}

/** Lets a member write news items (coordinators always may). */
export async function setNewsPermission(actor: Actor, userId: string, allowed: boolean): Promise<MemberView> {
  assertStaff(actor);
  const target = await loadTarget(userId);
  await writeWithAudit(({ user, audit }) => [
    user.patch({ userId }).set({ mayWriteNews: allowed }).commit(),
    audit.create(auditRecord(actor.userId, "news_permission_changed", userId, allowed ? "on" : "off")).commit(),
  ]);
  return toMemberView({ ...target, mayWriteNews: allowed });
}

/**
 * Maintenance, not reachable over HTTP: makes an existing, verified account an approved admin.
 * Used once after the first deploy to create the first coordinator (see README, Deploying).
 */
export async function promoteToAdmin(email: string): Promise<MemberView> {
  const user = await findUserByEmail(email);
  if (!user) throw new VisibleError("not_found", "member_not_found", `No account with the address ${email}.`);
  if (!user.emailVerified) throw new VisibleError("conflict", "email_not_verified", "Confirm the e-mail address first (the link in the sign-up mail).");
  const { data } = await db()
    .entities.user.patch({ userId: user.userId })
    .set({ role: "admin", status: "approved", nameKey: user.nameKey, statusChangedAt: nowIso(), statusChangedBy: "maintenance" })
    .go({ response: "all_new" });
  return toMemberView(data as UserItem);
}
