import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { nowIso } from "../time";
import { getUser } from "../user/account";
import { assertCoordinator, assertMember, getMembership, groupNotFound, isCoordinator, type ForumMember } from "./access";
import type { ForumGroupItem, ForumMembershipItem, GroupRole, MembershipStatus, ModAction } from "./forum.entity";
import { notify } from "./notify";
import type { GroupInput } from "./schema";
import { busy, logEntry, retryConflicts, type LogTarget } from "./tx";

export interface GroupView {
  groupId: string;
  name: string;
  description: string;
  createdAt: string;
  myStatus: MembershipStatus | null;
  myRole: GroupRole | null;
  /** Coordinators and the group's moderators invite, approve and remove members. */
  canManage: boolean;
}

export interface GroupMemberView {
  userId: string;
  name: string;
  status: MembershipStatus;
  role: GroupRole;
  createdAt: string;
  updatedAt: string;
}

const toGroupView = (member: ForumMember, g: ForumGroupItem, mine: ForumMembershipItem | undefined): GroupView => ({
  groupId: g.groupId,
  name: g.name,
  description: g.description,
  createdAt: g.createdAt,
  myStatus: mine?.status ?? null,
  myRole: mine?.status === "member" ? mine.role : null,
  canManage: isCoordinator(member) || (mine?.status === "member" && mine.role === "moderator"),
});

const toMemberView = (m: ForumMembershipItem): GroupMemberView => ({ userId: m.userId, name: m.userName, status: m.status, role: m.role, createdAt: m.createdAt, updatedAt: m.updatedAt });

async function getGroup(groupId: string): Promise<ForumGroupItem> {
  const { data } = await db().entities.forumGroup.get({ groupId }).go();
  if (!data) throw groupNotFound();
  return data;
}

/** Every group exists openly (members can ask to join); what is inside is for its members. */
export async function listGroups(member: ForumMember): Promise<GroupView[]> {
  assertMember(member);
  const [{ data: groups }, { data: mine }] = await Promise.all([
    db().entities.forumGroup.query.allGroups({}).go({ pages: "all" }),
    db().entities.forumMembership.query.byMember({ userId: member.userId }).go({ pages: "all" }),
  ]);
  const byGroup = new Map(mine.map((m) => [m.groupId, m]));
  return groups.sort((a, b) => a.name.localeCompare(b.name, "de")).map((g) => toGroupView(member, g, byGroup.get(g.groupId)));
}

export async function getGroupView(member: ForumMember, groupId: string): Promise<GroupView> {
  assertMember(member);
  const [group, mine] = await Promise.all([getGroup(groupId), getMembership(groupId, member.userId)]);
  return toGroupView(member, group, mine);
}

async function logged(actor: ForumMember, action: ModAction, target: LogTarget) {
  await db().entities.forumModLog.create(logEntry(actor, action, target)).go();
}

export async function createGroup(actor: ForumMember, input: GroupInput): Promise<GroupView> {
  assertCoordinator(actor);
  const now = nowIso();
  const group: ForumGroupItem = { groupId: createId("fgr"), name: input.name, description: input.description, createdAt: now, createdBy: actor.userId, updatedAt: now };
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumGroup, forumModLog }) => [
        forumGroup.create(group).commit(),
        forumModLog.create(logEntry(actor, "create_group", { groupId: group.groupId, details: { name: input.name } })).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw busy();
  return toGroupView(actor, group, undefined);
}

export async function updateGroup(actor: ForumMember, groupId: string, input: Partial<GroupInput>): Promise<GroupView> {
  assertCoordinator(actor);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<GroupInput>;
  const result = await retryConflicts(() =>
    db()
      .transaction.write(({ forumGroup, forumModLog }) => [
        forumGroup.patch({ groupId }).set({ ...changes, updatedAt: nowIso() }).commit(),
        forumModLog.create(logEntry(actor, "update_group", { groupId, details: changes as Record<string, string> })).commit(),
      ])
      .go(),
  );
  if (result.canceled) throw result.data[0]?.code === "ConditionalCheckFailed" ? groupNotFound() : busy();
  return getGroupView(actor, groupId);
}

async function assertCanManage(actor: ForumMember, groupId: string): Promise<void> {
  assertMember(actor);
  await getGroup(groupId);
  if (isCoordinator(actor)) return;
  const mine = await getMembership(groupId, actor.userId);
  if (mine?.status !== "member" || mine.role !== "moderator") throw new VisibleError("forbidden", "forbidden", "Only coordinators and the group's moderators may do this.");
}

/** Members see who else is in; coordinators and moderators also see invitations and requests. */
export async function listGroupMembers(member: ForumMember, groupId: string): Promise<GroupMemberView[]> {
  assertMember(member);
  await getGroup(groupId);
  const mine = isCoordinator(member) ? undefined : await getMembership(groupId, member.userId);
  if (!isCoordinator(member) && mine?.status !== "member") throw groupNotFound();
  const manager = isCoordinator(member) || mine?.role === "moderator";
  const { data } = await db().entities.forumMembership.query.byGroup({ groupId }).go({ pages: "all" });
  return data
    .filter((m) => manager || m.status === "member")
    .sort((a, b) => a.userName.localeCompare(b.userName, "de"))
    .map(toMemberView);
}

/** Moves a membership from one status to another; the condition makes concurrent clicks harmless. */
async function promote(groupId: string, userId: string, from: MembershipStatus, actorId: string): Promise<boolean> {
  try {
    await db()
      .entities.forumMembership.patch({ groupId, userId })
      .set({ status: "member", updatedAt: nowIso(), updatedBy: actorId })
      .where((attr, op) => op.eq(attr.status, from))
      .go();
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

async function addMembership(groupId: string, userId: string, userName: string, status: MembershipStatus, actorId: string): Promise<boolean> {
  const now = nowIso();
  try {
    await db().entities.forumMembership.create({ groupId, userId, userName, status, role: "member", createdAt: now, updatedAt: now, updatedBy: actorId }).go();
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/**
 * A coordinator or moderator invites an approved member. Someone who already asked to join is
 * let in at once; the invited member accepts (or declines) the invitation.
 */
export async function inviteMember(actor: ForumMember, groupId: string, userId: string): Promise<GroupMemberView> {
  await assertCanManage(actor, groupId);
  const [group, user] = await Promise.all([getGroup(groupId), getUser(userId)]);
  if (!user || user.status !== "approved") throw new VisibleError("not_found", "member_not_found", "No such member.");
  const existing = await getMembership(groupId, userId);
  if (existing?.status === "member") throw new VisibleError("conflict", "already_member", "This member is already in the group.");
  if (existing?.status === "invited") throw new VisibleError("conflict", "already_invited", "This member has already been invited.");
  if (existing?.status === "requested") {
    if (await promote(groupId, userId, "requested", actor.userId)) {
      await logged(actor, "approve_member", { groupId, memberId: userId });
      await notify([userId], { kind: "group_approved", actorId: actor.userId, actorName: actor.name, subject: group.name, groupId });
    }
  } else if (await addMembership(groupId, userId, user.name, "invited", actor.userId)) {
    await logged(actor, "invite_member", { groupId, memberId: userId });
    await notify([userId], { kind: "group_invitation", actorId: actor.userId, actorName: actor.name, subject: group.name, groupId });
  }
  return toMemberView((await getMembership(groupId, userId))!);
}

/** A member asks to join; an open invitation is accepted instead. Moderators are told in-app. */
export async function requestMembership(member: ForumMember, groupId: string): Promise<GroupView> {
  assertMember(member);
  const group = await getGroup(groupId);
  const existing = await getMembership(groupId, member.userId);
  if (existing?.status === "member") throw new VisibleError("conflict", "already_member", "You are already in this group.");
  if (existing?.status === "invited") await promote(groupId, member.userId, "invited", member.userId);
  else if (!existing && (await addMembership(groupId, member.userId, member.name, "requested", member.userId))) {
    const { data } = await db().entities.forumMembership.query.byGroup({ groupId }).go({ pages: "all" });
    const moderators = data.filter((m) => m.status === "member" && m.role === "moderator").map((m) => m.userId);
    await notify(moderators, { kind: "group_request", actorId: member.userId, actorName: member.name, subject: group.name, groupId });
  }
  return getGroupView(member, groupId);
}

export async function approveRequest(actor: ForumMember, groupId: string, userId: string): Promise<GroupMemberView> {
  await assertCanManage(actor, groupId);
  const group = await getGroup(groupId);
  if (!(await promote(groupId, userId, "requested", actor.userId))) throw new VisibleError("not_found", "request_not_found", "No open request from this member.");
  await logged(actor, "approve_member", { groupId, memberId: userId });
  await notify([userId], { kind: "group_approved", actorId: actor.userId, actorName: actor.name, subject: group.name, groupId });
  return toMemberView((await getMembership(groupId, userId))!);
}

export async function acceptInvitation(member: ForumMember, groupId: string): Promise<GroupView> {
  assertMember(member);
  await getGroup(groupId);
  if (!(await promote(groupId, member.userId, "invited", member.userId))) throw new VisibleError("not_found", "invitation_not_found", "No open invitation to this group.");
  return getGroupView(member, groupId);
}

/** Leaving, declining an invitation and withdrawing a request are the same: the membership goes. */
export async function leaveGroup(member: ForumMember, groupId: string): Promise<GroupView> {
  assertMember(member);
  await getGroup(groupId);
  await db().entities.forumMembership.delete({ groupId, userId: member.userId }).go();
  return getGroupView(member, groupId);
}

/** Removes a member, invitation or request; moderators cannot remove other moderators. */
export async function removeMember(actor: ForumMember, groupId: string, userId: string): Promise<void> {
  await assertCanManage(actor, groupId);
  const existing = await getMembership(groupId, userId);
  if (!existing) throw new VisibleError("not_found", "member_not_found", "No such member in this group.");
  if (existing.role === "moderator" && existing.status === "member" && !isCoordinator(actor)) {
    throw new VisibleError("forbidden", "forbidden", "Only coordinators may remove moderators.");
  }
  await db().entities.forumMembership.delete({ groupId, userId }).go();
  await logged(actor, "remove_member", { groupId, memberId: userId, details: { status: existing.status } });
}

export async function setGroupRole(actor: ForumMember, groupId: string, userId: string, role: GroupRole): Promise<GroupMemberView> {
  assertCoordinator(actor);
  await getGroup(groupId);
  try {
    await db()
      .entities.forumMembership.patch({ groupId, userId })
      .set({ role, updatedAt: nowIso(), updatedBy: actor.userId })
      .where((attr, op) => op.eq(attr.status, "member"))
      .go();
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("not_found", "member_not_found", "No such member in this group.");
    throw err;
  }
  await logged(actor, "set_group_role", { groupId, memberId: userId, details: { role } });
  return toMemberView((await getMembership(groupId, userId))!);
}
