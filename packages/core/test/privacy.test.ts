import { describe, expect, it, vi } from "vitest";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { config } from "../src/config";
import { db, dynamo } from "../src/db";
import { hit } from "../src/auth/rate-limit";
import { createSession, findSession } from "../src/auth/session";
import { issueToken } from "../src/auth/token";
import { createUser, findUserByEmail, getUser, signIn } from "../src/user/account";
import { setNewsPermission, setStatus } from "../src/member/members";
import { registerMember, getRegistration } from "../src/event/registration";
import { setAttendance } from "../src/event/participants";
import { issueCertificate } from "../src/event/certificate";
import { renewCalendarToken } from "../src/event/mine";
import { getEvent } from "../src/event/events";
import { createThread } from "../src/forum/threads";
import { getPost, reply } from "../src/forum/posts";
import { setFollowing, markThreadRead } from "../src/forum/follow";
import { reportPost } from "../src/forum/moderation";
import { acceptInvitation, inviteMember } from "../src/forum/groups";
import { setMemberSubscription } from "../src/newsletter/subscribers";
import { createNews } from "../src/newsletter/news";
import { saveOwnProfile } from "../src/people/profiles";
import { confirmLink, createOrganisation, requestLink } from "../src/people/organisations";
import { block, reportMessage, sendMessage, startConversation } from "../src/people/messages";
import { CHILDMINDER_TEMPLATE } from "../src/programme/constants";
import { createProgramme } from "../src/programme/programmes";
import { createParticipant, logContact } from "../src/programme/participants";
import { countActiveMember } from "../src/usage/counters";
import { exportPersonalData } from "../src/privacy/export";
import { eraseAccount } from "../src/privacy/erase";
import { forumPrivacy } from "../src/forum/privacy";
import { FORMER_MEMBER_NAME } from "../src/privacy/former";
import { DAY } from "../src/time";
import type { UserItem } from "../src/user/user.entity";
import { coordinator as eventCoordinator, inDays, publishedEvent } from "./events-fixtures";
import { category, coordinator, group, storedMember } from "./forum-fixtures";
import { lastMailTo, uniqueEmail } from "./mail";

const PASSWORD = "Ehrenamt verbindet 2026";
const suffix = () => Math.random().toString(36).slice(2, 8);

/** Every item of the whole table, read in this test only. */
async function scanTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: config().tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return items;
}

/** Items in which the person still appears, by address (any case), name or id, in any attribute. */
async function tracesOf(person: { userId: string; name: string; email: string }) {
  const needles = [person.email.toLowerCase(), person.name.toLowerCase(), person.userId.toLowerCase()];
  return (await scanTable()).filter((item) => {
    const text = JSON.stringify(item).toLowerCase();
    return needles.some((n) => text.includes(n));
  });
}

/** A member who has used every feature, with another member around whose data must stay out of the export. */
async function busyMember() {
  const staff = coordinator();
  const name = `Leyla Datenschutz${suffix()}`;
  const email = uniqueEmail("Leyla.Datenschutz");
  const created = await createUser({ name, email, password: PASSWORD, status: "pending", emailVerified: true, acceptTerms: true });
  const user = created!;
  await setStatus(staff, user.userId, "approved");
  await setNewsPermission(staff, user.userId, true);
  let me = (await getUser(user.userId))!;
  const other = await storedMember(`Omar Anders${suffix()}`);

  // Account: sessions, an open link, a rate-limit window, two-factor.
  const session = await createSession(me.userId, "Firefox");
  await issueToken("verify_email", me.userId, DAY, { email: me.emailKey });
  await hit({ key: `signin:acct:${me.emailKey}`, max: 10, windowMs: 15 * 60_000 });
  await db().entities.user.patch({ userId: me.userId }).set({ totpEnabled: true, totpSecret: "JBSWY3DPEHPK3PXP", recoveryCodes: ["digest-a", "digest-b"] }).go();
  me = (await getUser(me.userId))!;

  // Events: a coming one, an invited-only one, a past training with a certificate, the calendar feed.
  const coming = await publishedEvent({ capacity: 1 });
  await registerMember(me, coming.eventId, {});
  await registerMember(other, coming.eventId, {}); // waitlisted: gets the seat when the member goes
  const invited = await publishedEvent({ visibility: "invited", inviteeIds: [me.userId, other.userId] });
  const training = await publishedEvent({ kind: "training", startsAt: inDays(1, 9), endsAt: inDays(1, 12) });
  await registerMember(me, training.eventId, {});
  await setAttendance(eventCoordinator, training.eventId, me.userId, "attended");
  await db().entities.event.patch({ eventId: training.eventId }).set({ endsAt: new Date(Date.now() - 1000).toISOString() }).go();
  const certificate = await issueCertificate(me, training.eventId);
  await renewCalendarToken(me);
  me = (await getUser(me.userId))!;

  // Forum: a thread, a reply mentioning the other, being mentioned and answered, follows, reads, a report, a group.
  const cat = await category(staff);
  const { thread: mine, post: myOpening } = await createThread(me, cat.categoryId, { title: `Wohnungssuche ${suffix()}`, body: "Wer kennt sich mit Mietrecht aus?" });
  const answer = await reply(other, mine.threadId, { body: `Ich, @[${me.name}]! Melde dich.` });
  const myReply = await reply(me, mine.threadId, { body: `Danke @[${other.name}], ich schreibe dir.` });
  const { thread: theirs, post: theirOpening } = await createThread(other, cat.categoryId, { title: `Sprachcafé ${suffix()}`, body: "Wer hilft mit?" });
  await setFollowing(me, theirs.threadId, true);
  await markThreadRead(me, theirs.threadId, theirOpening.postId);
  await reportPost(me, theirs.threadId, theirOpening.postId, "Werbung");
  const supervision = await group(staff);
  await inviteMember(staff, supervision.groupId, me.userId);
  await acceptInvitation(me, supervision.groupId);

  // Newsletter and a news item.
  await setMemberSubscription(me, true);
  await createNews(me, { title: "Neue Beratungsstelle", summary: "Die Migrationsberatung hat neue Sprechzeiten.", category: "local_offers", status: "published" });

  // People: a profile, an organisation link, a conversation with a reported message, a block.
  const everyone = "members" as const;
  await saveOwnProfile(me, {
    bio: `Ich bin ${me.name} und übersetze Arabisch.`,
    areas: ["language_support"],
    languages: ["de", "ar"],
    town: "Weststadt",
    availability: "Abends",
    visibility: { photo: everyone, bio: everyone, areas: everyone, languages: everyone, town: everyone, organisations: everyone, availability: everyone },
    listed: true,
    messageNotices: true,
  });
  const organisation = await createOrganisation(staff, { name: `Café Willkommen ${suffix()}`, description: "Begegnungscafé", areas: ["leisure"], contact: "Di 15 Uhr", website: "" });
  await requestLink(me, organisation.orgId);
  await confirmLink(staff, organisation.orgId, me.userId);
  const { conversationId } = await startConversation(me, { participantIds: [other.userId], title: "", body: `Hallo, hier ist ${me.name}. Treffen wir uns?` });
  const theirMessage = await sendMessage(other, conversationId, "Gern, am Dienstag.");
  await reportMessage(me, conversationId, theirMessage.messageId, "Bitte prüfen");
  const stranger = await storedMember(`Sam Fremd${suffix()}`);
  await block(me, stranger.userId);

  // Programmes: the member mentors a participant and logs a contact; counted as active this month.
  const programme = await createProgramme(staff, { name: `Kindertagespflege ${suffix()}`, description: "", courseStart: "2027-01-11", stages: CHILDMINDER_TEMPLATE.de, coordinatorIds: [] });
  const { participantId } = await createParticipant(staff, programme.programmeId, {
    name: "Hevin Demir",
    email: "",
    phone: "",
    languages: ["Deutsch"],
    coordinatorId: staff.userId,
    mentorIds: [me.userId],
    consentDate: "2026-11-01",
    consentText: "Einwilligung",
    notes: "",
  });
  await logContact(me, participantId, { date: "2026-11-20", kind: "phone", note: "Kursplan besprochen." });
  await countActiveMember(me.userId);

  return { me, other, session, coming, invited, certificate, mine, myOpening, answer, myReply, theirs, organisation, conversationId, programme, participantId };
}

describe("GDPR export and erasure", () => {
  it("exports everything about the member as JSON, and nothing of other people", async () => {
    const { me, other, coming, certificate, myOpening, myReply, theirs, organisation, conversationId, programme, participantId } = await busyMember();
    const data = (await exportPersonalData(me.userId)) as Record<string, any>;
    expect(data.account).toMatchObject({ userId: me.userId, name: me.name, email: me.email, twoFactor: { enabled: true, recoveryCodesLeft: 2 } });
    expect(data.account.sessions).toHaveLength(1);
    expect(data.account.consents).toEqual([expect.objectContaining({ kind: "terms", version: expect.any(String), text: expect.stringContaining("Datenschutzerklärung") })]);
    expect(data.events.registrations.map((r: any) => r.eventId)).toEqual(expect.arrayContaining([coming.eventId]));
    expect(data.events.registrations).toHaveLength(2);
    expect(data.events.certificates).toEqual([expect.objectContaining({ code: certificate.code, name: me.name })]);
    expect(data.events.calendarFeed).toEqual({ active: true });
    expect(data.events.invitations).toHaveLength(1);
    expect(data.forum.posts.map((p: any) => p.postId).sort()).toEqual([myOpening.postId, myReply.postId].sort());
    expect(data.forum.follows).toEqual(expect.arrayContaining([expect.objectContaining({ threadId: theirs.threadId, following: true })]));
    expect(data.forum.reads).toEqual(expect.arrayContaining([expect.objectContaining({ threadId: theirs.threadId })]));
    expect(data.forum.reports).toEqual([expect.objectContaining({ reason: "Werbung" })]);
    expect(data.forum.groupMemberships).toEqual([expect.objectContaining({ status: "member" })]);
    expect(data.forum.notifications.length).toBeGreaterThanOrEqual(1);
    expect(data.newsletter.subscription).toMatchObject({ email: me.email, status: "active" });
    expect(data.newsletter.newsWritten).toEqual([expect.objectContaining({ title: "Neue Beratungsstelle" })]);
    expect(data.people.profile).toMatchObject({ bio: expect.stringContaining("übersetze Arabisch"), languages: ["de", "ar"], town: "Weststadt" });
    expect(data.people.organisations).toEqual([expect.objectContaining({ name: organisation.name, status: "confirmed" })]);
    expect(data.people.conversations).toEqual([expect.objectContaining({ conversationId, myMessages: [expect.objectContaining({ body: expect.stringContaining("Treffen wir uns?") })] })]);
    expect(JSON.stringify(data.people)).not.toContain("Gern, am Dienstag.");
    expect(data.people.reportsMade).toEqual([expect.objectContaining({ reason: "Bitte prüfen" })]);
    expect(data.people.blockedMembers).toHaveLength(1);
    expect(data.programmes.mentors).toEqual([expect.objectContaining({ programmeId: programme.programmeId, participantId })]);
    expect(data.programmes.contactEntries).toEqual([expect.objectContaining({ note: "Kursplan besprochen." })]);
    expect(JSON.stringify(data.programmes)).not.toContain("Hevin Demir");
    expect(data.usage.countedAsActiveIn).toHaveLength(1);
    expect(data.audit.actionsConcerningMe.map((a: any) => a.action)).toEqual(expect.arrayContaining(["member_approved", "news_permission_changed"]));

    // The member's own posts may name others (they wrote it); nothing else in the export may.
    const text = JSON.stringify({ ...data, forum: { ...data.forum, posts: data.forum.posts.map((p: any) => ({ ...p, body: "" })) } });
    expect(text).not.toContain(other.userId);
    expect(text.toLowerCase()).not.toContain(other.email.toLowerCase());
    expect(text).not.toContain(other.name);
  });

  it("erases the member everywhere: no item in the table holds their address, name or id afterwards", async () => {
    const { me, other, session, coming, mine, myOpening, answer } = await busyMember();
    expect((await tracesOf(me)).length).toBeGreaterThan(10);

    await eraseAccount(me.userId, { removePosts: false });

    const left = await tracesOf(me);
    expect(left, JSON.stringify(left, null, 1)).toEqual([]);
    expect(await findSession(session)).toBeUndefined();
    expect(await findUserByEmail(me.email)).toBeUndefined();
    // Their posts stay, as "former member"; the mention in the other's answer no longer names them.
    const opening = await getPost(mine.threadId, myOpening.postId);
    expect(opening).toMatchObject({ authorName: FORMER_MEMBER_NAME, body: "Wer kennt sich mit Mietrecht aus?", status: "visible" });
    expect((await getPost(mine.threadId, answer.postId))?.body).toBe(`Ich, @[${FORMER_MEMBER_NAME}]! Melde dich.`);
    // The seat went to the waitlist.
    expect((await getRegistration(coming.eventId, other.userId))?.status).toBe("confirmed");
    expect((await getEvent(coming.eventId))?.confirmedCount).toBe(1);
    expect((await lastMailTo(me.email, /gelöscht/)).subject).toBe("Ihr Konto wurde gelöscht");
  });

  it("removes the forum posts too when the member asks for it", async () => {
    const { me, mine, myReply } = await busyMember();
    await eraseAccount(me.userId, { removePosts: true });
    expect(await tracesOf(me)).toEqual([]);
    expect(await getPost(mine.threadId, myReply.postId)).toMatchObject({ status: "deleted", body: "", authorName: FORMER_MEMBER_NAME });
  });

  it("a deletion that crashed half way leaves the account unusable, and running it again finishes the job", async () => {
    const { me, session } = await busyMember();
    vi.spyOn(forumPrivacy, "erase").mockRejectedValueOnce(new Error("Lambda timed out"));
    await expect(eraseAccount(me.userId, { removePosts: false })).rejects.toThrow("Lambda timed out");
    expect((await getUser(me.userId))?.deletingAt).toBeTruthy();
    expect(await findSession(session)).toBeUndefined();
    await expect(signIn(me.email, PASSWORD, { ip: "192.0.2.9" })).rejects.toMatchObject({ code: "invalid_credentials" });

    await eraseAccount(me.userId, { removePosts: false });
    expect(await tracesOf(me)).toEqual([]);
  });
});
