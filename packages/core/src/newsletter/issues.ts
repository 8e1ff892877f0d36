import { config } from "../config";
import { conditionFailed, db, paged } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { sendMail } from "../mail/send";
import { nowIso, berlinToUtc, utcToBerlin } from "../time";
import { isStaff } from "../user/account";
import type { UserItem } from "../user/user.entity";
import { formatWhere } from "../event/notify";
import type { EventItem } from "../event/event.entity";
import { OPEN_ISSUE_ID, type IssueItem, type NewsItem } from "./newsletter.entity";
import { newsPublishedSince } from "./news";
import { issueHtmlBody, renderIssueMail, type IssueContent } from "./render";
import type { IssueEditInput, SettingsInput } from "./schema";

const DAY = 86_400_000;
const EVENT_HORIZON_DAYS = 28;

function assertStaff(user: UserItem | undefined): asserts user is UserItem {
  if (!user || user.status !== "approved" || !isStaff(user.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

export async function getSettings() {
  const { data } = await db().entities.newsletterSettings.get({ id: "settings" }).go();
  return {
    sendWeekday: data?.sendWeekday ?? 1,
    sendTime: data?.sendTime ?? "07:00",
    archiveVisibility: data?.archiveVisibility ?? ("public" as const),
    plainSummary: data?.plainSummary ?? "",
  };
}

/** What the public sign-up page shows besides the form. */
export async function signupPage(): Promise<{ plainSummary: string | null }> {
  const { plainSummary } = await getSettings();
  return { plainSummary: plainSummary || null };
}

export async function updateSettings(user: UserItem | undefined, input: SettingsInput) {
  assertStaff(user);
  await db().entities.newsletterSettings.put({ id: "settings", ...input, updatedAt: nowIso(), updatedBy: user.userId }).go();
  return getSettings();
}

/** The next send slot (weekday and time in Berlin) strictly after `after`. */
export function nextSlot(settings: { sendWeekday: number; sendTime: string }, after = new Date()): Date {
  for (let d = 0; d <= 7; d++) {
    const day = utcToBerlin(new Date(after.getTime() + d * DAY).toISOString()).slice(0, 10);
    const isoWeekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (isoWeekday !== settings.sendWeekday) continue;
    const slot = new Date(berlinToUtc(`${day}T${settings.sendTime}`));
    if (slot > after) return slot;
  }
  throw new Error("no send slot within a week");
}

async function getIssueItem(issueId: string): Promise<IssueItem | undefined> {
  const { data } = await db().entities.issue.get({ issueId }).go();
  return data ?? undefined;
}

/** Sent (or sending) issues, newest first. */
async function numberedIssues(limit: number, cursor?: string | null) {
  return db().entities.issue.query.byNumber({}).gte({ number: 1 }).go({ order: "desc", limit, cursor: cursor ?? null });
}

export async function lastIssue(): Promise<IssueItem | undefined> {
  return (await numberedIssues(1)).data[0];
}

async function upcomingEvents(): Promise<EventItem[]> {
  const now = new Date();
  const { data } = await db()
    .entities.event.query.byDate({})
    .between({ startsAt: now.toISOString() }, { startsAt: new Date(now.getTime() + EVENT_HORIZON_DAYS * DAY).toISOString() })
    .where((attr, op) => `${op.eq(attr.status, "published")} AND ${op.ne(attr.visibility, "invited")}`)
    .go({ pages: "all" });
  return data;
}

export interface NextIssue {
  status: "draft" | "approved";
  subject: string;
  intro: string;
  sendAfter: string | null;
  nextSlot: string;
  content: IssueContent;
  /** News published since the last issue but dropped from this one. */
  droppedNews: { newsId: string; title: string }[];
  /** Upcoming events not included. */
  otherEvents: { eventId: string; title: string; startsAt: string }[];
  hasNews: boolean;
}

const defaultSubject = () => `Neuigkeiten aus der Geflüchtetenhilfe – ${new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" }).format(new Date())}`;

/**
 * The next issue as it would be sent now: the news published since the last issue (in the
 * coordinator's order, minus those dropped) and the upcoming events of the next four weeks.
 */
export async function assembleNext(): Promise<NextIssue> {
  const [open, last, settings] = await Promise.all([getIssueItem(OPEN_ISSUE_ID), lastIssue(), getSettings()]);
  const candidates = await newsPublishedSince(last?.sendStartedAt);
  const byId = new Map(candidates.map((n) => [n.newsId, n]));
  const dropped = new Set(open?.droppedIds ?? []);
  const ordered = (open?.newsIds ?? []).filter((id) => byId.has(id));
  const fresh = candidates.filter((n) => !ordered.includes(n.newsId) && !dropped.has(n.newsId)).map((n) => n.newsId);
  const news = [...ordered, ...fresh].map((id) => byId.get(id)!) as NewsItem[];
  const events = await upcomingEvents();
  const chosenEvents = open?.eventsChosen ? events.filter((e) => open.eventIds.includes(e.eventId)) : events.slice(0, 10);
  const content: IssueContent = {
    number: (last?.number ?? 0) + 1,
    subject: open?.subject || defaultSubject(),
    intro: open?.intro ?? "",
    news: news.map((n) => ({ newsId: n.newsId, title: n.title, summary: n.summary, sourceUrl: n.sourceUrl ?? null, category: n.category })),
    events: chosenEvents.map((e) => ({ eventId: e.eventId, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, where: formatWhere(e, "de", false) })),
  };
  return {
    status: open?.status === "approved" ? "approved" : "draft",
    subject: content.subject,
    intro: content.intro,
    sendAfter: open?.sendAfter ?? null,
    nextSlot: nextSlot(settings).toISOString(),
    content,
    droppedNews: candidates.filter((n) => !news.includes(n)).map((n) => ({ newsId: n.newsId, title: n.title })),
    otherEvents: events.filter((e) => !chosenEvents.includes(e)).map((e) => ({ eventId: e.eventId, title: e.title, startsAt: e.startsAt })),
    hasNews: news.length > 0,
  };
}

export async function nextIssueForEditor(user: UserItem | undefined): Promise<NextIssue> {
  assertStaff(user);
  return assembleNext();
}

/** Saves the coordinator's edits; any edit takes back an approval. */
export async function editNext(user: UserItem | undefined, input: IssueEditInput): Promise<NextIssue> {
  assertStaff(user);
  const current = await assembleNext();
  const all = [...current.content.news.map((n) => n.newsId), ...current.droppedNews.map((n) => n.newsId)];
  const newsIds = input.newsIds ? input.newsIds.filter((id) => all.includes(id)) : current.content.news.map((n) => n.newsId);
  const now = nowIso();
  await db()
    .entities.issue.put({
      issueId: OPEN_ISSUE_ID,
      number: 0,
      status: "draft",
      subject: input.subject ?? current.subject,
      intro: input.intro ?? current.intro,
      newsIds,
      droppedIds: all.filter((id) => !newsIds.includes(id)),
      eventIds: input.eventIds ?? current.content.events.map((e) => e.eventId),
      eventsChosen: input.eventIds !== undefined || (await getIssueItem(OPEN_ISSUE_ID))?.eventsChosen === true,
      createdAt: now,
      updatedAt: now,
    })
    .go();
  return assembleNext();
}

export async function previewNext(user: UserItem | undefined) {
  assertStaff(user);
  const { content } = await assembleNext();
  return renderIssueMail(content, { name: user.name, unsubscribePage: `${config().appOrigin}/newsletter/unsubscribe`, archiveUrl: `${config().appOrigin}/newsletter/${content.number}`, locale: user.locale });
}

export async function sendTest(user: UserItem | undefined): Promise<{ to: string }> {
  assertStaff(user);
  const rendered = await previewNext(user);
  await sendMail({ to: user.email, ...rendered, subject: `[Test] ${rendered.subject}` });
  return { to: user.email };
}

/**
 * Approves the next issue for the next send slot, or for right away. An issue without new
 * news is not sent: there is nothing new to tell.
 */
export async function approveNext(user: UserItem | undefined, sendNow: boolean): Promise<NextIssue> {
  assertStaff(user);
  const next = await assembleNext();
  if (!next.hasNews) throw new VisibleError("conflict", "nothing_new", "No news since the last issue: there is nothing to send.");
  const settings = await getSettings();
  const now = nowIso();
  await db()
    .entities.issue.put({
      issueId: OPEN_ISSUE_ID,
      number: 0,
      status: "approved",
      subject: next.subject,
      intro: next.intro,
      newsIds: next.content.news.map((n) => n.newsId),
      droppedIds: next.droppedNews.map((n) => n.newsId),
      eventIds: next.content.events.map((e) => e.eventId),
      eventsChosen: true,
      createdAt: now,
      updatedAt: now,
      approvedAt: now,
      approvedBy: user.userId,
      sendAfter: sendNow ? now : nextSlot(settings).toISOString(),
    })
    .go();
  return assembleNext();
}

export async function withdrawApproval(user: UserItem | undefined): Promise<NextIssue> {
  assertStaff(user);
  try {
    await db().entities.issue.patch({ issueId: OPEN_ISSUE_ID }).set({ status: "draft", updatedAt: nowIso() }).remove(["sendAfter", "approvedAt", "approvedBy"]).where((a, op) => op.eq(a.status, "approved")).go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
  return assembleNext();
}

/**
 * Turns the approved open issue into a numbered issue being sent, once its time has come. The
 * transaction (open issue deleted on condition it is still approved) lets only one run start it.
 */
export async function startDueIssue(now = new Date()): Promise<IssueItem | undefined> {
  const open = await getIssueItem(OPEN_ISSUE_ID);
  if (!open || open.status !== "approved" || !open.sendAfter || Date.parse(open.sendAfter) > now.getTime()) return undefined;
  const next = await assembleNext();
  if (!next.hasNews) return undefined;
  const { data: counter } = await db().entities.counter.update({ name: "issue" }).add({ value: 1 }).go({ response: "all_new" });
  const number = counter.value ?? 1;
  const issueId = createId("iss");
  const started = nowIso();
  const content = { ...next.content, number };
  const result = await db()
    .transaction.write(({ issue }) => [
      issue.delete({ issueId: OPEN_ISSUE_ID }).where((a, op) => `${op.eq(a.status, "approved")} AND ${op.eq(a.updatedAt, open.updatedAt)}`).commit(),
      issue
        .create({
          issueId,
          number,
          status: "sending",
          subject: content.subject,
          intro: content.intro,
          newsIds: content.news.map((n) => n.newsId),
          eventIds: content.events.map((e) => e.eventId),
          snapshot: content,
          createdAt: open.createdAt,
          updatedAt: started,
          approvedAt: open.approvedAt,
          approvedBy: open.approvedBy,
          sendAfter: open.sendAfter,
          sendStartedAt: started,
        })
        .commit(),
    ])
    .go();
  return result.canceled ? undefined : getIssueItem(issueId);
}

export async function issuesBeingSent(): Promise<IssueItem[]> {
  const { data } = await db()
    .entities.issue.query.byNumber({})
    .gte({ number: 1 })
    .where((a, op) => op.eq(a.status, "sending"))
    .go({ order: "desc", limit: 20 });
  return data;
}

export interface IssueProgress {
  issueId: string;
  number: number;
  subject: string;
  status: IssueItem["status"];
  sendStartedAt: string | null;
  sentAt: string | null;
  recipientCount: number;
  sent: number;
  failed: number;
  unknown: number;
  remaining: number;
}

const toProgress = (i: IssueItem): IssueProgress => ({
  issueId: i.issueId,
  number: i.number,
  subject: i.subject,
  status: i.status,
  sendStartedAt: i.sendStartedAt ?? null,
  sentAt: i.sentAt ?? null,
  recipientCount: i.recipientCount,
  sent: i.sentCount,
  failed: i.failedCount,
  unknown: i.unknownCount,
  remaining: Math.max(0, i.recipientCount - i.sentCount - i.failedCount - i.unknownCount),
});

/** Sends again to the "unknown" addresses of an issue (see send.ts resendUnknown). */
export async function resendUnknownOf(user: UserItem | undefined, issueId: string): Promise<{ released: number }> {
  assertStaff(user);
  const issue = await getIssueItem(issueId);
  if (!issue || issue.number === 0) throw new VisibleError("not_found", "issue_not_found", "No such issue.");
  const { resendUnknown } = await import("./send");
  return resendUnknown(issueId);
}

/** Sending progress of the latest issues, for coordinators. */
export async function recentProgress(user: UserItem | undefined): Promise<IssueProgress[]> {
  assertStaff(user);
  return (await numberedIssues(5)).data.map(toProgress);
}

async function assertArchiveVisible(user: UserItem | undefined) {
  const { archiveVisibility } = await getSettings();
  if (archiveVisibility === "members" && (!user || user.status !== "approved")) {
    throw new VisibleError("unauthorized", "not_signed_in", "The newsletter archive is for members: please sign in.");
  }
}

export async function listArchive(user: UserItem | undefined, cursor?: string) {
  await assertArchiveVisible(user);
  const { data, cursor: next } = await paged(() => numberedIssues(20, cursor));
  return { issues: data.map((i) => ({ number: i.number, subject: i.subject, sentAt: i.sentAt ?? i.sendStartedAt ?? null })), cursor: next };
}

export async function archivedIssue(user: UserItem | undefined, number: number) {
  await assertArchiveVisible(user);
  const { data } = await db().entities.issue.query.byNumber({}).begins({ number }).go({ limit: 1 });
  const issue = data.find((i) => i.number === number);
  if (!issue?.snapshot) throw new VisibleError("not_found", "issue_not_found", "No such issue.");
  const content = issue.snapshot as IssueContent;
  return { number, subject: issue.subject, sentAt: issue.sentAt ?? issue.sendStartedAt ?? null, html: await issueHtmlBody(content) };
}

export async function latestIssueUrl(): Promise<string | undefined> {
  const last = await lastIssue();
  return last ? `${config().appOrigin}/newsletter/${last.number}` : undefined;
}
