import { describe, expect, it } from "vitest";
import { getCategoryView, listCategories } from "../src/forum/categories";
import { acceptInvitation, approveRequest, inviteMember, leaveGroup, listGroupMembers, listGroups, removeMember, requestMembership, setGroupRole } from "../src/forum/groups";
import { listNotifications } from "../src/forum/notify";
import { listPosts, reply } from "../src/forum/posts";
import { getThreadView, listThreads } from "../src/forum/threads";
import { category, coordinator, group, member, storedMember, thread } from "./forum-fixtures";

async function closedGroup() {
  const coord = coordinator();
  const g = await group(coord);
  const { categoryId } = await category(coord, { groupId: g.groupId, name: "Fallbesprechung" });
  return { coord, g, categoryId };
}

describe("closed groups", () => {
  it("hide their categories and threads from everyone but members and coordinators", async () => {
    const { coord, g, categoryId } = await closedGroup();
    const insider = await storedMember();
    await inviteMember(coord, g.groupId, insider.userId);
    // Invited is not yet in.
    await expect(getCategoryView(insider, categoryId)).rejects.toMatchObject({ code: "category_not_found" });
    await acceptInvitation(insider, g.groupId);
    const { thread: t } = await thread(insider, categoryId, "Vertraulicher Fall");
    const outsider = member();
    expect((await listCategories(outsider)).map((c) => c.categoryId)).not.toContain(categoryId);
    await expect(getCategoryView(outsider, categoryId)).rejects.toMatchObject({ kind: "not_found" });
    await expect(listThreads(outsider, categoryId)).rejects.toMatchObject({ kind: "not_found" });
    await expect(getThreadView(outsider, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    await expect(listPosts(outsider, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
    await expect(reply(outsider, t.threadId, { body: "Ich auch" })).rejects.toMatchObject({ code: "thread_not_found" });
    expect((await listCategories(insider)).find((c) => c.categoryId === categoryId)).toMatchObject({ group: { groupId: g.groupId, name: g.name }, threadCount: 1 });
    expect((await listCategories(coord)).map((c) => c.categoryId)).toContain(categoryId);
    expect((await listThreads(coord, categoryId)).threads.map((x) => x.threadId)).toEqual([t.threadId]);
    await leaveGroup(insider, g.groupId);
    await expect(listThreads(insider, categoryId)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("take members by request, approved by a coordinator or the group's moderator", async () => {
    const { coord, g } = await closedGroup();
    const [moderator, asker, other] = await Promise.all([storedMember(), storedMember(), storedMember()]);
    await inviteMember(coord, g.groupId, moderator.userId);
    await acceptInvitation(moderator, g.groupId);
    await setGroupRole(coord, g.groupId, moderator.userId, "moderator");

    expect(await requestMembership(asker, g.groupId)).toMatchObject({ myStatus: "requested", myRole: null });
    const modNotes = (await listNotifications(moderator)).notifications;
    expect(modNotes[0]).toMatchObject({ kind: "group_request", actorName: asker.name, groupId: g.groupId });
    await expect(approveRequest(other, g.groupId, asker.userId)).rejects.toMatchObject({ kind: "forbidden" });
    await approveRequest(moderator, g.groupId, asker.userId);
    expect((await listNotifications(asker)).notifications[0]).toMatchObject({ kind: "group_approved", subject: g.name });
    expect((await listGroups(asker)).find((x) => x.groupId === g.groupId)).toMatchObject({ myStatus: "member", myRole: "member", canManage: false });
    expect((await listGroups(moderator)).find((x) => x.groupId === g.groupId)).toMatchObject({ canManage: true });

    // Moderators invite too; members see members, moderators also see who is waiting.
    await inviteMember(moderator, g.groupId, other.userId);
    expect((await listGroupMembers(asker, g.groupId)).map((m) => m.userId).sort()).toEqual([moderator.userId, asker.userId].sort());
    expect((await listGroupMembers(moderator, g.groupId)).find((m) => m.userId === other.userId)).toMatchObject({ status: "invited" });
    await expect(listGroupMembers(member(), g.groupId)).rejects.toMatchObject({ kind: "not_found" });
    await expect(inviteMember(moderator, g.groupId, other.userId)).rejects.toMatchObject({ code: "already_invited" });
    // Asking while invited accepts the invitation.
    expect(await requestMembership(other, g.groupId)).toMatchObject({ myStatus: "member" });

    await expect(removeMember(asker, g.groupId, other.userId)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(removeMember(moderator, g.groupId, moderator.userId)).rejects.toMatchObject({ kind: "forbidden" });
    await removeMember(moderator, g.groupId, other.userId);
    expect((await listGroupMembers(coord, g.groupId)).map((m) => m.userId)).not.toContain(other.userId);
    await expect(inviteMember(coord, g.groupId, member().userId)).rejects.toMatchObject({ code: "member_not_found" });
  });
});
