import { conditionFailed, db, paged, retryConflicts, type Tx, type TxResult } from "../db";
import { formatNumber } from "../i18n/format";
import { FORMER_MEMBER_ID, FORMER_MEMBER_NAME } from "../privacy/former";
import { VisibleError } from "../errors";
import { createId, digest } from "../id";
import { config } from "../config";
import { renderMail } from "../mail/templates";
import { sendMail } from "../mail/send";
import { HOUR, MINUTE, nowIso } from "../time";
import { isStaff } from "../user/account";
import type { UserItem } from "../user/user.entity";
import type { ConversationItem, MessageReportItem, ParticipantItem } from "./people.entity";
import { profilesOf, usersOf, type Viewer } from "./profiles";
import type { StartConversationInput } from "./schema";

const PAGE = 30;
/** A notice waits a little, so a member chatting in the app gets no mail at all. */
export const NOTICE_DELAY_MS = 10 * MINUTE;
/** At most one notice mail per member and conversation in this time. */
export const NOTICE_INTERVAL_MS = HOUR;

const notFound = () => new VisibleError("not_found", "conversation_not_found", "No such conversation.");
const blocked = () => new VisibleError("forbidden", "blocked", "You cannot send messages to this member.");
const preview = (body: string) => body.replace(/\s+/g, " ").slice(0, 120);

export interface ParticipantRef {
  userId: string;
  name: string;
}

export interface ConversationSummary {
  conversationId: string;
  title: string;
  others: ParticipantRef[];
  unreadCount: number;
  lastMessageAt: string;
  lastPreview: string;
  lastFromMe: boolean;
}

export interface MessageView {
  messageId: string;
  authorId: string;
  authorName: string;
  body: string;
  deleted: boolean;
  createdAt: string;
  mine: boolean;
}

async function names(userIds: string[]): Promise<Map<string, string>> {
  const users = await usersOf(userIds);
  return new Map([...users.values()].map((u) => [u.userId, u.name]));
}

/** A block in either direction between the sender and each other participant fails the write. */
function noBlocks(tx: Tx, senderId: string, others: string[]) {
  return others.flatMap((other) => [
    tx.block.check({ blockerId: senderId, blockedId: other }).where((a, op) => op.notExists(a.blockerId)).commit(),
    tx.block.check({ blockerId: other, blockedId: senderId }).where((a, op) => op.notExists(a.blockerId)).commit(),
  ]);
}

/** Members a sender may write to: approved, not the sender. */
async function recipientsFor(sender: Viewer, ids: string[]): Promise<UserItem[]> {
  const unique = [...new Set(ids)].filter((id) => id !== sender.userId);
  if (unique.length === 0) throw new VisibleError("invalid", "invalid_input", "Choose at least one other member.", { participantIds: "required" });
  const users = await usersOf(unique);
  const missing = unique.filter((id) => users.get(id)?.status !== "approved");
  if (missing.length > 0) throw new VisibleError("not_found", "member_not_found", "No such member.", { participantIds: "member_not_found" });
  return unique.map((id) => users.get(id)!);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}#${b}` : `${b}#${a}`);

/**
 * Starts a conversation with one member (continuing the existing one, if any) or a small group,
 * with its first message. Blocks in either direction refuse it.
 */
export async function startConversation(sender: Viewer, input: StartConversationInput): Promise<{ conversationId: string; message: MessageView }> {
  const recipients = await recipientsFor(sender, input.participantIds);
  const otherIds = recipients.map((r) => r.userId);
  const direct = otherIds.length === 1;
  if (direct) {
    const { data: pair } = await db().entities.directPair.get({ pairKey: pairKey(sender.userId, otherIds[0]!) }).go();
    if (pair) return { conversationId: pair.conversationId, message: await sendMessage(sender, pair.conversationId, input.body) };
  }
  const conversationId = createId("cnv");
  const messageId = createId("msg");
  const now = nowIso();
  const participantIds = [sender.userId, ...otherIds];
  const title = direct ? "" : input.title;
  const result = await retryConflicts(() =>
    db()
      .transaction.write((tx) => [
        ...noBlocks(tx, sender.userId, otherIds),
        ...(direct ? [tx.directPair.create({ pairKey: pairKey(sender.userId, otherIds[0]!), conversationId }).commit()] : []),
        tx.conversation.create({ conversationId, participantIds, title, createdBy: sender.userId, createdAt: now, lastMessageAt: now, messageCount: 1 }).commit(),
        tx.message.create({ conversationId, messageId, authorId: sender.userId, body: input.body, createdAt: now, deleted: false }).commit(),
        ...participantIds.map((userId) =>
          tx.conversationMember
            .create({
              userId,
              conversationId,
              participantIds,
              title,
              unreadCount: userId === sender.userId ? 0 : 1,
              lastMessageAt: now,
              lastPreview: preview(input.body),
              lastAuthorId: sender.userId,
              joinedAt: now,
              ...(userId === sender.userId ? { lastReadAt: now } : {}),
            })
            .commit(),
        ),
      ])
      .go(),
  );
  if (result.canceled) {
    const blockChecks = otherIds.length * 2;
    if ((result as TxResult).data.slice(0, blockChecks).some((d) => d.code === "ConditionalCheckFailed")) throw blocked();
    if (direct && (result as TxResult).data[blockChecks]?.code === "ConditionalCheckFailed") {
      // Both wrote first at the same moment: the other's conversation won; continue it.
      const { data: pair } = await db().entities.directPair.get({ pairKey: pairKey(sender.userId, otherIds[0]!) }).go();
      if (pair) return { conversationId: pair.conversationId, message: await sendMessage(sender, pair.conversationId, input.body) };
    }
    throw new VisibleError("conflict", "changed_meanwhile", "Please try again.");
  }
  await queueNotices(conversationId, otherIds);
  return { conversationId, message: { messageId, authorId: sender.userId, authorName: "", body: input.body, deleted: false, createdAt: now, mine: true } };
}

/** The viewer's place in a conversation; non-participants learn nothing, not even that it exists. */
async function participation(viewer: Viewer, conversationId: string): Promise<ParticipantItem> {
  const { data } = await db().entities.conversationMember.get({ userId: viewer.userId, conversationId }).go();
  if (!data) throw notFound();
  return data;
}

export async function sendMessage(sender: Viewer, conversationId: string, body: string): Promise<MessageView> {
  const me = await participation(sender, conversationId);
  const otherIds = me.participantIds.filter((id) => id !== sender.userId);
  const messageId = createId("msg");
  const now = nowIso();
  const result = await retryConflicts(() =>
    db()
      .transaction.write((tx) => [
        ...noBlocks(tx, sender.userId, otherIds),
        tx.message.create({ conversationId, messageId, authorId: sender.userId, body, createdAt: now, deleted: false }).commit(),
        tx.conversation.patch({ conversationId }).set({ lastMessageAt: now }).add({ messageCount: 1 }).commit(),
        ...me.participantIds.map((userId) => {
          const item = tx.conversationMember.patch({ userId, conversationId }).set({ lastMessageAt: now, lastPreview: preview(body), lastAuthorId: sender.userId });
          return userId === sender.userId ? item.set({ lastReadAt: now, unreadCount: 0 }).commit() : item.add({ unreadCount: 1 }).commit();
        }),
      ])
      .go(),
  );
  if (result.canceled) {
    if ((result as TxResult).data.slice(0, otherIds.length * 2).some((d) => d.code === "ConditionalCheckFailed")) throw blocked();
    throw new VisibleError("conflict", "changed_meanwhile", "Please try again.");
  }
  await queueNotices(conversationId, otherIds);
  const authorName = (await names([sender.userId])).get(sender.userId) ?? "";
  return { messageId, authorId: sender.userId, authorName, body, deleted: false, createdAt: now, mine: true };
}

/** The viewer's conversations, latest activity first. */
export async function listConversations(viewer: Viewer, cursor?: string): Promise<{ conversations: ConversationSummary[]; cursor: string | null }> {
  const page = await paged(() => db().entities.conversationMember.query.recent({ userId: viewer.userId }).go({ order: "desc", limit: PAGE, cursor: cursor || null }));
  const who = await names(page.data.flatMap((p) => p.participantIds));
  return {
    conversations: page.data.map((p) => ({
      conversationId: p.conversationId,
      title: p.title,
      others: p.participantIds.filter((id) => id !== viewer.userId).map((userId) => ({ userId, name: who.get(userId) ?? "" })),
      unreadCount: p.unreadCount,
      lastMessageAt: p.lastMessageAt,
      lastPreview: p.lastPreview,
      lastFromMe: p.lastAuthorId === viewer.userId,
    })),
    cursor: page.cursor,
  };
}

/** Unread messages over all the viewer's conversations (the badge in the navigation). */
export async function unreadTotal(viewer: Viewer): Promise<number> {
  const { data } = await db().entities.conversationMember.query.byMember({ userId: viewer.userId }).go({ pages: "all", attributes: ["unreadCount"] });
  return data.reduce((sum, p) => sum + (p.unreadCount ?? 0), 0);
}

/** A conversation's messages, newest page first (shown oldest to newest); reading marks it read. */
export async function readConversation(
  viewer: Viewer,
  conversationId: string,
  cursor?: string,
): Promise<{ conversationId: string; title: string; participants: ParticipantRef[]; messages: MessageView[]; cursor: string | null; blockedIds: string[] }> {
  const me = await participation(viewer, conversationId);
  const page = await paged(() => db().entities.message.query.byConversation({ conversationId }).go({ order: "desc", limit: PAGE, cursor: cursor || null }));
  const who = await names(me.participantIds);
  if (!cursor && me.unreadCount > 0) {
    await db().entities.conversationMember.patch({ userId: viewer.userId, conversationId }).set({ unreadCount: 0, lastReadAt: nowIso() }).go();
  }
  const { data: myBlocks } = await db().entities.block.query.byBlocker({ blockerId: viewer.userId }).go({ pages: "all" });
  const blockedSet = new Set(myBlocks.map((b) => b.blockedId));
  return {
    conversationId,
    title: me.title,
    participants: me.participantIds.map((userId) => ({ userId, name: who.get(userId) ?? "" })),
    messages: page.data.reverse().map((m) => ({
      messageId: m.messageId,
      authorId: m.authorId,
      authorName: who.get(m.authorId) ?? (m.authorId === FORMER_MEMBER_ID ? FORMER_MEMBER_NAME : ""),
      body: m.deleted ? "" : m.body,
      deleted: m.deleted,
      createdAt: m.createdAt,
      mine: m.authorId === viewer.userId,
    })),
    cursor: page.cursor,
    blockedIds: me.participantIds.filter((id) => blockedSet.has(id)),
  };
}

// Blocking

export async function block(viewer: Viewer, userId: string): Promise<void> {
  if (userId === viewer.userId) throw new VisibleError("invalid", "not_yourself", "You cannot block yourself.");
  const users = await usersOf([userId]);
  if (!users.has(userId)) throw new VisibleError("not_found", "member_not_found", "No such member.");
  try {
    await db().entities.block.create({ blockerId: viewer.userId, blockedId: userId, createdAt: nowIso() }).go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
}

export async function unblock(viewer: Viewer, userId: string): Promise<void> {
  await db().entities.block.delete({ blockerId: viewer.userId, blockedId: userId }).go();
}

export async function listBlocks(viewer: Viewer): Promise<ParticipantRef[]> {
  const { data } = await db().entities.block.query.byBlocker({ blockerId: viewer.userId }).go({ pages: "all" });
  const who = await names(data.map((b) => b.blockedId));
  return data.map((b) => ({ userId: b.blockedId, name: who.get(b.blockedId) ?? "" }));
}

// Reports

export interface MessageReportView {
  reportId: string;
  conversationId: string;
  messageId: string;
  reporterName: string;
  authorId: string;
  authorName: string;
  body: string;
  reason: string;
  status: MessageReportItem["status"];
  createdAt: string;
  note?: string;
}

export async function reportMessage(viewer: Viewer, conversationId: string, messageId: string, reason: string): Promise<{ reportId: string }> {
  await participation(viewer, conversationId);
  const { data: message } = await db().entities.message.get({ conversationId, messageId }).go();
  if (!message || message.deleted) throw new VisibleError("not_found", "message_not_found", "No such message.");
  if (message.authorId === viewer.userId) throw new VisibleError("invalid", "own_message", "You cannot report your own message.");
  const reportId = `mrp_${digest(`${messageId}#${viewer.userId}`).slice(0, 32)}`;
  try {
    await db()
      .entities.messageReport.create({ reportId, conversationId, messageId, reporterId: viewer.userId, authorId: message.authorId, body: message.body, reason, status: "open", createdAt: nowIso() })
      .go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    throw new VisibleError("conflict", "message_already_reported", "You already reported this message.");
  }
  return { reportId };
}

function assertStaff(viewer: Viewer) {
  if (!isStaff(viewer.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

/** Reports for coordinators: open ones oldest first, resolved ones newest first. */
export async function listMessageReports(viewer: Viewer, status: "open" | "resolved", cursor?: string): Promise<{ reports: MessageReportView[]; cursor: string | null }> {
  assertStaff(viewer);
  const page = await paged(() =>
    db().entities.messageReport.query.byStatus({ status }).go({ order: status === "open" ? "asc" : "desc", limit: PAGE, cursor: cursor || null }),
  );
  const who = await names(page.data.flatMap((r) => [r.reporterId, r.authorId]));
  return {
    reports: page.data.map((r) => ({
      reportId: r.reportId,
      conversationId: r.conversationId,
      messageId: r.messageId,
      reporterName: who.get(r.reporterId) ?? "",
      authorId: r.authorId,
      authorName: who.get(r.authorId) ?? "",
      body: r.body,
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt,
      note: r.note,
    })),
    cursor: page.cursor,
  };
}

export async function resolveMessageReport(viewer: Viewer, reportId: string, note: string): Promise<void> {
  assertStaff(viewer);
  const { data: report } = await db().entities.messageReport.get({ reportId }).go();
  if (!report) throw new VisibleError("not_found", "report_not_found", "No such report.");
  try {
    await db()
      .entities.messageReport.patch({ reportId })
      .set({ status: "resolved", resolvedBy: viewer.userId, resolvedAt: nowIso(), note })
      .where((a, op) => op.eq(a.status, "open"))
      .go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    throw new VisibleError("conflict", "already_resolved", "This report was already resolved.");
  }
}

// E-mail notices

/** Notes that `recipients` have something new here; the job mails them later, batched. */
async function queueNotices(conversationId: string, recipients: string[]): Promise<void> {
  const profiles = await profilesOf(recipients);
  const dueAt = new Date(Date.now() + NOTICE_DELAY_MS).toISOString();
  await Promise.all(
    recipients
      .filter((userId) => profiles.get(userId)?.messageNotices !== false)
      .map(async (userId) => {
        try {
          await db().entities.messageNotice.create({ userId, conversationId, pendingCount: 1, dueAt, queue: "msgnotice" }).go();
        } catch (err) {
          if (!conditionFailed(err)) throw err;
          await db().entities.messageNotice.patch({ userId, conversationId }).add({ pendingCount: 1 }).go();
        }
      }),
  );
}

/**
 * The scheduled job: mails each member whose notice is due, at most once per conversation an
 * hour. Each notice is claimed (deleted on condition it is unchanged, with the participant's
 * last-mailed time moved on condition) before its mail goes out, so overlapping or retried runs
 * never send twice. Read meanwhile, opted out or no longer approved: no mail.
 */
export async function sendMessageNotices(now: Date = new Date()): Promise<{ sent: number; skipped: number; postponed: number }> {
  const nowIsoStr = now.toISOString();
  const { data: due } = await db()
    .entities.messageNotice.query.byDue({ queue: "msgnotice" })
    .lte({ dueAt: nowIsoStr })
    .go({ pages: "all" });
  let sent = 0;
  let skipped = 0;
  let postponed = 0;
  const intervalStart = new Date(now.getTime() - NOTICE_INTERVAL_MS).toISOString();
  for (const notice of due) {
    const { userId, conversationId } = notice;
    const { data: part } = await db().entities.conversationMember.get({ userId, conversationId }).go();
    if (part?.lastNoticedAt && part.lastNoticedAt > intervalStart && part.unreadCount > 0) {
      const next = new Date(Date.parse(part.lastNoticedAt) + NOTICE_INTERVAL_MS).toISOString();
      try {
        await db().entities.messageNotice.patch({ userId, conversationId }).set({ dueAt: next }).go();
      } catch (err) {
        // Another run took it meanwhile.
        if (!conditionFailed(err)) throw err;
      }
      postponed++;
      continue;
    }
    const mail = Boolean(part && part.unreadCount > 0);
    const claim = await db()
      .transaction.write((tx) => [
        tx.messageNotice.delete({ userId, conversationId }).where((a, op) => op.eq(a.pendingCount, notice.pendingCount)).commit(),
        ...(mail && part
          ? [
              tx.conversationMember
                .patch({ userId, conversationId })
                .set({ lastNoticedAt: nowIsoStr })
                .where((a, op) => `${op.notExists(a.lastNoticedAt)} OR ${op.lte(a.lastNoticedAt, intervalStart)}`)
                .commit(),
            ]
          : []),
      ])
      .go();
    if (claim.canceled || !mail || !part) {
      skipped++;
      continue;
    }
    const users = await usersOf([userId, ...(part.lastAuthorId ? [part.lastAuthorId] : [])]);
    const recipient = users.get(userId);
    const profiles = await profilesOf([userId]);
    if (!recipient || recipient.status !== "approved" || profiles.get(userId)?.messageNotices === false) {
      skipped++;
      continue;
    }
    const from = part.lastAuthorId ? users.get(part.lastAuthorId)?.name ?? "" : "";
    const origin = config().appOrigin;
    await sendMail({
      to: recipient.email,
      ...renderMail(
        "newMessages",
        recipient.locale,
        { name: recipient.name, from, count: formatNumber(part.unreadCount, recipient.locale) },
        `${origin}/messages/${conversationId}`,
        { label: "messageNotices", url: `${origin}/people/me` },
      ),
    });
    sent++;
  }
  return { sent, skipped, postponed };
}

export type { ConversationItem };
