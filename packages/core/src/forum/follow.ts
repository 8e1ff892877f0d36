import { conditionFailed, db } from "../db";
import { nowIso } from "../time";
import { loadThread, type ForumMember } from "./access";
import { advanceReadMarker } from "./reads";

/** Starting or replying to a thread follows it, unless the member once chose to unfollow it. */
export async function autoFollow(userId: string, threadId: string): Promise<void> {
  try {
    await db().entities.forumFollow.create({ threadId, userId, following: true, updatedAt: nowIso() }).go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}

export async function isFollowing(userId: string, threadId: string): Promise<boolean> {
  const { data } = await db().entities.forumFollow.get({ threadId, userId }).go();
  return data?.following ?? false;
}

/** Explicit follow or unfollow; unfollowing also drops replies not yet mailed. */
export async function setFollowing(member: ForumMember, threadId: string, following: boolean): Promise<boolean> {
  await loadThread(member, threadId);
  // upsert (not update) so a new item also gets its by-member index keys.
  await db().entities.forumFollow.upsert({ threadId, userId: member.userId, following, updatedAt: nowIso() }).go();
  if (!following) await db().entities.forumMailQueue.delete({ userId: member.userId, threadId }).go();
  return following;
}

/** Followers of a thread who still want to hear about it. */
export async function followersOf(threadId: string) {
  const { data } = await db()
    .entities.forumFollow.query.byThread({ threadId })
    .where((attr, op) => op.eq(attr.following, true))
    .go({ pages: "all" });
  return data;
}

export async function markThreadRead(member: ForumMember, threadId: string, postId: string): Promise<string> {
  const { thread } = await loadThread(member, threadId);
  return advanceReadMarker(member.userId, thread, postId);
}

export async function getForumSettings(userId: string): Promise<{ emailNotifications: boolean }> {
  const { data } = await db().entities.forumProfile.get({ userId }).go();
  return { emailNotifications: data?.emailNotifications ?? true };
}

export async function setForumSettings(userId: string, settings: { emailNotifications: boolean }): Promise<{ emailNotifications: boolean }> {
  await db().entities.forumProfile.update({ userId }).set({ emailNotifications: settings.emailNotifications, updatedAt: nowIso() }).go();
  return { emailNotifications: settings.emailNotifications };
}

/** Of these members, those who turned forum e-mail off. */
export async function mailOptOuts(userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { data } = await db().entities.forumProfile.get([...new Set(userIds)].map((userId) => ({ userId }))).go();
  return new Set(data.filter((p) => !p.emailNotifications).map((p) => p.userId));
}
