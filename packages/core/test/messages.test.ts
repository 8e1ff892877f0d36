import { describe, expect, it } from "vitest";
import { db } from "../src/db";
import {
  block,
  listConversations,
  listMessageReports,
  readConversation,
  reportMessage,
  resolveMessageReport,
  sendMessage,
  sendMessageNotices,
  startConversation,
  unblock,
  unreadTotal,
  NOTICE_DELAY_MS,
} from "../src/people/messages";
import { saveOwnProfile } from "../src/people/profiles";
import { HOUR, MINUTE } from "../src/time";
import { mailsTo } from "./mail";
import { person, suffix } from "./people-fixtures";

const later = (ms: number) => new Date(Date.now() + ms);
const noticeMails = async (email: string) => (await mailsTo(email)).filter((m) => /Neue Nachricht/.test(m.subject));

describe("private messages", () => {
  it("reach the other participant, count as unread until read, and continue one direct conversation", async () => {
    const amira = await person();
    const jonas = await person();
    const { conversationId } = await startConversation(amira, { participantIds: [jonas.userId], title: "", body: "Hallo Jonas, sprichst du Dari?" });
    await sendMessage(amira, conversationId, "Es geht um eine Familie in Weststadt.");
    expect(await unreadTotal(jonas)).toBe(2);
    expect(await unreadTotal(amira)).toBe(0);
    const again = await startConversation(amira, { participantIds: [jonas.userId], title: "", body: "Noch etwas." });
    expect(again.conversationId).toBe(conversationId);
    const { conversations } = await listConversations(jonas);
    expect(conversations[0]).toMatchObject({ conversationId, unreadCount: 3, lastPreview: "Noch etwas.", others: [{ userId: amira.userId, name: amira.name }] });
    const read = await readConversation(jonas, conversationId);
    expect(read.messages.map((m) => m.body)).toEqual(["Hallo Jonas, sprichst du Dari?", "Es geht um eine Familie in Weststadt.", "Noch etwas."]);
    expect(await unreadTotal(jonas)).toBe(0);
  });

  it("are unreadable and unwritable for non-participants, who cannot even tell the conversation exists", async () => {
    const a = await person();
    const b = await person();
    const outsider = await person(`Außen ${suffix()}`, "coordinator");
    const { conversationId } = await startConversation(a, { participantIds: [b.userId], title: "", body: "Vertraulich" });
    await expect(readConversation(outsider, conversationId)).rejects.toMatchObject({ code: "conversation_not_found" });
    await expect(sendMessage(outsider, conversationId, "Ich auch")).rejects.toMatchObject({ code: "conversation_not_found" });
    await expect(reportMessage(outsider, conversationId, "msg_01jzzzzzzzzzzzzzzzzzzzzzzz", "")).rejects.toMatchObject({ code: "conversation_not_found" });
  });

  it("work in small groups, each with their own unread count", async () => {
    const [a, b, c] = await Promise.all([person(), person(), person()]);
    const { conversationId } = await startConversation(a, { participantIds: [b.userId, c.userId], title: "Sprachcafé", body: "Wer hat Donnerstag Zeit?" });
    await sendMessage(b, conversationId, "Ich!");
    expect(await unreadTotal(a)).toBe(1);
    expect(await unreadTotal(c)).toBe(2);
    expect((await readConversation(c, conversationId)).participants.map((p) => p.userId).sort()).toEqual([a.userId, b.userId, c.userId].sort());
  });

  it("are refused in both directions once either member blocks the other", async () => {
    const a = await person();
    const b = await person();
    const { conversationId } = await startConversation(a, { participantIds: [b.userId], title: "", body: "Hallo" });
    await block(b, a.userId);
    await expect(sendMessage(a, conversationId, "Hallo?")).rejects.toMatchObject({ code: "blocked" });
    await expect(sendMessage(b, conversationId, "Tschüss")).rejects.toMatchObject({ code: "blocked" });
    await expect(startConversation(a, { participantIds: [b.userId], title: "", body: "Neu" })).rejects.toMatchObject({ code: "blocked" });
    const c = await person();
    await expect(startConversation(a, { participantIds: [b.userId, c.userId], title: "Gruppe", body: "Hallo" })).rejects.toMatchObject({ code: "blocked" });
    await unblock(b, a.userId);
    await sendMessage(a, conversationId, "Wieder da");
    expect(await unreadTotal(b)).toBe(2);
  });

  it("can be reported once to coordinators, who see the reported text", async () => {
    const a = await person();
    const b = await person();
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const { conversationId, message } = await startConversation(a, { participantIds: [b.userId], title: "", body: `Beleidigung ${suffix()}` });
    await expect(reportMessage(a, conversationId, message.messageId, "")).rejects.toMatchObject({ code: "own_message" });
    const { reportId } = await reportMessage(b, conversationId, message.messageId, "beleidigend");
    await expect(reportMessage(b, conversationId, message.messageId, "")).rejects.toMatchObject({ code: "message_already_reported" });
    await expect(listMessageReports(b, "open")).rejects.toMatchObject({ code: "forbidden" });
    const open = await listMessageReports(coordinator, "open", undefined);
    const all = [...open.reports];
    for (let cursor = open.cursor; cursor; ) {
      const next = await listMessageReports(coordinator, "open", cursor);
      all.push(...next.reports);
      cursor = next.cursor;
    }
    expect(all.find((r) => r.reportId === reportId)).toMatchObject({ body: message.body, reason: "beleidigend", reporterName: b.name, authorName: a.name });
    await resolveMessageReport(coordinator, reportId, "Gespräch geführt");
    await expect(resolveMessageReport(coordinator, reportId, "")).rejects.toMatchObject({ code: "already_resolved" });
  });
});

describe("message e-mail notices", () => {
  it("mail once per conversation and hour, never twice for overlapping runs, and not after reading", async () => {
    const a = await person();
    const b = await person();
    const { conversationId } = await startConversation(a, { participantIds: [b.userId], title: "", body: "Erste" });
    await sendMessage(a, conversationId, "Zweite");
    expect((await sendMessageNotices(later(MINUTE))).sent).toBe(0);
    const runs = await Promise.all([sendMessageNotices(later(NOTICE_DELAY_MS + MINUTE)), sendMessageNotices(later(NOTICE_DELAY_MS + MINUTE))]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
    const mails = await noticeMails(b.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Neue Nachricht von ${a.name}`);
    expect(mails[0]!.body.text).toContain(`/messages/${conversationId}`);
    expect(mails[0]!.body.text).not.toContain("Zweite");
    // Within the hour: postponed, not sent.
    await sendMessage(a, conversationId, "Dritte");
    await sendMessageNotices(later(NOTICE_DELAY_MS + 2 * MINUTE));
    expect(await noticeMails(b.email)).toHaveLength(1);
    // Read meanwhile: nothing to tell.
    await readConversation(b, conversationId);
    await sendMessageNotices(later(2 * HOUR));
    expect(await noticeMails(b.email)).toHaveLength(1);
    const { data } = await db().entities.messageNotice.get({ userId: b.userId, conversationId }).go();
    expect(data).toBeNull();
  });

  it("are not queued for members who turned them off", async () => {
    const a = await person();
    const b = await person();
    await saveOwnProfile(b, { bio: "", areas: [], languages: [], town: "", availability: "", visibility: { photo: "members", bio: "members", areas: "members", languages: "members", town: "members", organisations: "members", availability: "members" }, listed: true, messageNotices: false });
    const { conversationId } = await startConversation(a, { participantIds: [b.userId], title: "", body: "Hallo" });
    const { data } = await db().entities.messageNotice.get({ userId: b.userId, conversationId }).go();
    expect(data).toBeNull();
  });
});
