import { describe, expect, it } from "vitest";
import { db } from "../src/db";
import { isFollowing, setFollowing, setForumSettings } from "../src/forum/follow";
import { acceptInvitation, inviteMember } from "../src/forum/groups";
import { mentionedNames } from "../src/forum/mentions";
import { describeUnsubscribe, listNotifications, markNotificationsRead, readThread, sendReplyDigests, unreadCount, unsubscribe } from "../src/forum/notify";
import { editPost, listPosts, reply } from "../src/forum/posts";
import { HOUR, MINUTE } from "../src/time";
import { category, coordinator, group, member, storedMember, thread } from "./forum-fixtures";
import { lastMailTo, mailsTo, tokenFrom } from "./mail";

const replyMails = async (email: string) => (await mailsTo(email)).filter((m) => /Neue Beiträge/.test(m.subject));

describe("mentions", () => {
  it("are written @[Full Name]; a Markdown link @[text](url) is not one", () => {
    expect(mentionedNames("Hallo @[Amira Haddad] und @[ amira haddad ], siehe @[Doku](https://example.org) und @Jonas")).toEqual(["Amira Haddad"]);
  });

  it("notify the mentioned member in-app and by e-mail, and show emphasised in the post", async () => {
    const { categoryId } = await category(coordinator());
    const amira = await storedMember(`Amira Ölçer-${Math.random().toString(36).slice(2, 6)}`);
    const author = member();
    const { thread: t } = await thread(author, categoryId);
    const post = await reply(author, t.threadId, { body: `Frag doch @[${amira.name.toUpperCase()}], sie spricht Arabisch.` });
    expect(post.mentions).toEqual([{ userId: amira.userId, name: amira.name }]);
    expect(post.bodyHtml).toContain(`<strong>@${amira.name}</strong>`);
    const mail = await lastMailTo(amira.email, /erwähnt/);
    expect(mail.subject).toBe(`${author.name} hat Sie im Forum erwähnt`);
    expect(mail.body.text).toContain(`/forum/threads/${t.threadId}?post=${post.postId}`);
    const { notifications, unreadCount: unread } = await listNotifications(amira);
    expect(notifications[0]).toMatchObject({ kind: "mention", actorName: author.name, subject: t.title, threadId: t.threadId, postId: post.postId, read: false });
    expect(unread).toBe(1);
    expect(await markNotificationsRead(amira)).toBe(0);
    expect((await listNotifications(amira)).notifications[0]?.read).toBe(true);
  });

  it("are settled when the member reads the thread up to the post", async () => {
    const { categoryId } = await category(coordinator());
    const amira = await storedMember(`Amira Lesend-${Math.random().toString(36).slice(2, 6)}`);
    const author = member();
    const { thread: t } = await thread(author, categoryId);
    const first = await reply(author, t.threadId, { body: `@[${amira.name}] schau mal` });
    const later = await reply(author, t.threadId, { body: `@[${amira.name}] und noch etwas` });
    expect(await unreadCount(amira.userId)).toBe(2);
    expect(await readThread(amira, t.threadId, first.postId)).toEqual({ lastReadPostId: first.postId, unreadCount: 1 });
    expect(await readThread(amira, t.threadId, later.postId)).toEqual({ lastReadPostId: later.postId, unreadCount: 0 });
  });

  it("notify only newly mentioned members on edit, and nobody outside a closed group", async () => {
    const coord = coordinator();
    const g = await group(coord);
    const { categoryId } = await category(coord, { groupId: g.groupId });
    const [insider, outsider, later] = await Promise.all([storedMember(), storedMember(), storedMember()]);
    for (const m of [insider, later]) {
      await inviteMember(coord, g.groupId, m.userId);
      await acceptInvitation(m, g.groupId);
    }
    const { thread: t } = await thread(insider, categoryId);
    const post = await reply(insider, t.threadId, { body: `@[${outsider.name}] und @[${later.name}]` });
    expect(post.mentions.map((m) => m.userId)).toEqual([later.userId]);
    expect(post.bodyHtml).toContain(`@[${outsider.name}]`);
    await editPost(insider, t.threadId, post.postId, `@[${later.name}] nochmal`);
    expect(await mailsTo(outsider.email)).toEqual([]);
    expect(await mailsTo(later.email)).toHaveLength(1);
    expect(await unreadCount(outsider.userId)).toBe(0);
  });

  it("are not mailed to members who turned forum e-mail off, but still listed in-app", async () => {
    const { categoryId } = await category(coordinator());
    const quiet = await storedMember();
    await setForumSettings(quiet.userId, { emailNotifications: false });
    const { thread: t } = await thread(member(), categoryId, "Thema", `Hallo @[${quiet.name}]`);
    expect(t.threadId).toBeTruthy();
    expect(await unreadCount(quiet.userId)).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailsTo(quiet.email)).toEqual([]);
  });
});

describe("reply e-mails", () => {
  it("batch replies into one e-mail per thread and hour, even when the job runs twice at once", async () => {
    const { categoryId } = await category(coordinator());
    const [starter, follower] = await Promise.all([storedMember(), storedMember()]);
    const { thread: t } = await thread(starter, categoryId);
    await setFollowing(follower, t.threadId, true);
    const other = member();
    const first = await reply(other, t.threadId, { body: "Erste Antwort" });
    await reply(other, t.threadId, { body: "Zweite Antwort" });
    await Promise.all([sendReplyDigests(), sendReplyDigests()]);
    for (const who of [starter, follower]) {
      const mails = await replyMails(who.email);
      expect(mails, who.name).toHaveLength(1);
      expect(mails[0]!.body.text).toContain("(2)");
      expect(mails[0]!.body.text).toContain(`/forum/threads/${t.threadId}?post=${first.postId}`);
    }
    const { notifications } = await listNotifications(follower);
    expect(notifications.filter((n) => n.threadId === t.threadId).map((n) => n.kind)).toEqual(["reply", "reply"]);

    // Within the hour a new reply waits; after it, one more e-mail goes out.
    await reply(other, t.threadId, { body: "Dritte Antwort" });
    await sendReplyDigests();
    expect(await replyMails(follower.email)).toHaveLength(1);
    await Promise.all([sendReplyDigests(Date.now() + HOUR + MINUTE), sendReplyDigests(Date.now() + HOUR + MINUTE)]);
    expect(await replyMails(follower.email)).toHaveLength(2);
  });

  it("do not go to the author of the reply, to unfollowers or to members who turned e-mail off", async () => {
    const { categoryId } = await category(coordinator());
    const [starter, quitter, quiet] = await Promise.all([storedMember(), storedMember(), storedMember()]);
    const { thread: t } = await thread(starter, categoryId);
    await reply(quitter, t.threadId, { body: "Ich folge automatisch" });
    await reply(quiet, t.threadId, { body: "Ich auch" });
    expect(await isFollowing(quitter.userId, t.threadId)).toBe(true);
    await setFollowing(quitter, t.threadId, false);
    await setForumSettings(quiet.userId, { emailNotifications: false });
    await reply(starter, t.threadId, { body: "Danke euch" });
    await sendReplyDigests();
    expect(await replyMails(quitter.email)).toEqual([]);
    expect(await replyMails(quiet.email)).toEqual([]);
    // The starter's own reply does not mail the starter; the others' replies did.
    const starterMails = await replyMails(starter.email);
    expect(starterMails).toHaveLength(1);
    expect(starterMails[0]!.body.text).toContain("(2)");
  });

  it("carry an unsubscribe link that works without signing in, for the thread or for all forum e-mail", async () => {
    const { categoryId } = await category(coordinator());
    const follower = await storedMember();
    const { thread: t } = await thread(follower, categoryId, "Wohnungssuche");
    await reply(member(), t.threadId, { body: "Antwort" });
    await sendReplyDigests();
    const mail = await lastMailTo(follower.email, /Neue Beiträge/);
    const token = tokenFrom(mail, "/forum/unsubscribe");
    expect(await describeUnsubscribe(token)).toEqual({ threadId: t.threadId, threadTitle: "Wohnungssuche", following: true });
    expect(await unsubscribe(token, false)).toMatchObject({ following: false, emailNotifications: true });
    expect(await isFollowing(follower.userId, t.threadId)).toBe(false);
    await reply(member(), t.threadId, { body: "Noch eine" });
    const { data: queued } = await db().entities.forumMailQueue.get({ userId: follower.userId, threadId: t.threadId }).go();
    expect(queued).toBeNull();
    expect(await unsubscribe(token, true)).toMatchObject({ emailNotifications: false });
    await expect(describeUnsubscribe("A".repeat(43))).rejects.toMatchObject({ code: "invalid_token" });
  });

  it("stop for members who lost access to the thread's group", async () => {
    const coord = coordinator();
    const g = await group(coord);
    const { categoryId } = await category(coord, { groupId: g.groupId });
    const [insider, leaver] = await Promise.all([storedMember(), storedMember()]);
    for (const m of [insider, leaver]) {
      await inviteMember(coord, g.groupId, m.userId);
      await acceptInvitation(m, g.groupId);
    }
    const { thread: t } = await thread(insider, categoryId);
    await setFollowing(leaver, t.threadId, true);
    await db().entities.forumMembership.delete({ groupId: g.groupId, userId: leaver.userId }).go();
    await reply(insider, t.threadId, { body: "Nur für die Gruppe" });
    await sendReplyDigests();
    expect(await replyMails(leaver.email)).toEqual([]);
    await expect(listPosts(leaver, t.threadId)).rejects.toMatchObject({ code: "thread_not_found" });
  });
});
