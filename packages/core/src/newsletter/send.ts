import { config } from "../config";
import { conditionFailed, db } from "../db";
import { sendMail } from "../mail/send";
import { nowIso } from "../time";
import type { IssueItem, SubscriberItem } from "./newsletter.entity";
import { issuesBeingSent, startDueIssue } from "./issues";
import { renderIssueMail, type IssueContent } from "./render";
import { activeSubscribersPage, countSubscribers, unsubscribePageUrl, unsubscribeUrl } from "./subscribers";

export interface SendJobOptions {
  /** Stop starting new mails after this many ms; the next run continues. */
  budgetMs?: number;
  ratePerSecond?: number;
  /** How long a claimed recipient counts as "being sent" by a live run. */
  leaseMs?: number;
  pageSize?: number;
}

export interface SendJobResult {
  started: number | null;
  sent: number;
  failed: number;
  finished: number[];
  /** False when the time budget ran out with recipients left: the next run goes on. */
  done: boolean;
}

/** Starts at most `ratePerSecond` sends per second, across however many are in flight. */
function pacer(ratePerSecond: number) {
  const gap = 1000 / ratePerSecond;
  let next = Date.now();
  return async () => {
    const now = Date.now();
    const wait = next - now;
    next = Math.max(next, now) + gap;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
}

function mailtoAddress(): string {
  return process.env.NEWSLETTER_UNSUBSCRIBE_MAILTO || /<([^>]+)>/.exec(config().mailFrom)?.[1] || config().mailFrom;
}

/**
 * RFC 2369 + RFC 8058: an HTTPS URL (POST = one click, no sign-in) and a mailto. Both values are
 * written unfolded on one line, so nothing a DKIM signature covers is rewrapped on the way.
 */
export function unsubscribeHeaders(token: string): Record<string, { prepared: true; value: string }> {
  return {
    "List-Unsubscribe": { prepared: true, value: `<${unsubscribeUrl(token)}>, <mailto:${mailtoAddress()}?subject=unsubscribe%20${token}>` },
    "List-Unsubscribe-Post": { prepared: true, value: "List-Unsubscribe=One-Click" },
  };
}

type Outcome = "sent" | "failed" | "skipped";

/**
 * Sends one issue to one subscriber exactly once: the delivery item is created on condition it
 * does not exist, so a second (overlapping, retried or restarted) run skips this address.
 */
async function deliver(issue: IssueItem, content: IssueContent, subscriber: SubscriberItem, leaseMs: number): Promise<Outcome> {
  const base = { issueId: issue.issueId, emailKey: subscriber.emailKey };
  try {
    await db()
      .entities.delivery.create({ ...base, status: "sending", claimedAt: nowIso(), leaseUntil: Date.now() + leaseMs })
      .go();
  } catch (err) {
    if (conditionFailed(err)) return "skipped";
    throw err;
  }
  const rendered = await renderIssueMail(content, {
    name: subscriber.name,
    unsubscribePage: unsubscribePageUrl(subscriber.token),
    archiveUrl: `${config().appOrigin}/newsletter/${content.number}`,
    locale: subscriber.locale,
  });
  let outcome: "sent" | "failed" = "sent";
  let error: string | undefined;
  try {
    await sendMail({ to: subscriber.email, ...rendered, headers: unsubscribeHeaders(subscriber.token) });
  } catch (err) {
    const name = (err as { name?: string }).name ?? "";
    if (/Throttl|TooManyRequests|ServiceUnavailable|NetworkingError|ECONN/i.test(`${name} ${(err as Error).message}`)) {
      // Nothing left SES: give the address back so this or the next run tries again.
      await db().entities.delivery.delete(base).where((a, op) => op.eq(a.status, "sending")).go();
      throw err;
    }
    outcome = "failed";
    error = `${name}: ${(err as Error).message}`.slice(0, 500);
  }
  await db()
    .transaction.write(({ delivery, issue: issues }) => [
      delivery
        .patch(base)
        .set({ status: outcome, sentAt: nowIso(), ...(error ? { error } : {}) })
        .commit(),
      issues
        .patch({ issueId: issue.issueId })
        .add(outcome === "sent" ? { sentCount: 1 } : { failedCount: 1 })
        .commit(),
    ])
    .go();
  return outcome;
}

/**
 * Claims whose run died before marking them are "unknown": the mail may have left, so they are
 * not sent again automatically (coordinators see them). Once none is in flight, the issue is sent.
 */
async function settle(issue: IssueItem): Promise<boolean> {
  const { data } = await db()
    .entities.delivery.query.byIssue({ issueId: issue.issueId })
    .where((a, op) => op.eq(a.status, "sending"))
    .go({ pages: "all" });
  const now = Date.now();
  let live = 0;
  for (const claim of data) {
    if (claim.leaseUntil > now) {
      live += 1;
      continue;
    }
    const result = await db()
      .transaction.write(({ delivery, issue: issues }) => [
        delivery
          .patch({ issueId: claim.issueId, emailKey: claim.emailKey })
          .set({ status: "unknown" })
          .where((a, op) => op.eq(a.status, "sending"))
          .commit(),
        issues.patch({ issueId: issue.issueId }).add({ unknownCount: 1 }).commit(),
      ])
      .go();
    if (result.canceled) live += 1;
  }
  if (live > 0) return false;
  try {
    await db()
      .entities.issue.patch({ issueId: issue.issueId })
      .set({ status: "sent", sentAt: nowIso() })
      .where((a, op) => op.eq(a.status, "sending"))
      .go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
  return true;
}

/**
 * The newsletter job (EventBridge every few minutes in AWS; the local scheduler locally): starts
 * the approved issue when its time has come and sends to every active subscriber, keeping to
 * the SES rate. Safe to run overlapping, to retry, and to kill at any point.
 */
export async function runNewsletterJob(options: SendJobOptions = {}): Promise<SendJobResult> {
  const deadline = Date.now() + (options.budgetMs ?? 10 * 60_000);
  const rate = options.ratePerSecond ?? config().sesRatePerSecond;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const pageSize = options.pageSize ?? 100;
  const result: SendJobResult = { started: null, sent: 0, failed: 0, finished: [], done: true };

  const started = await startDueIssue();
  if (started) {
    await db().entities.issue.patch({ issueId: started.issueId }).set({ recipientCount: await countSubscribers("active") }).go();
    result.started = started.number;
  }
  const pace = pacer(rate);
  const inFlight = Math.max(1, Math.min(16, Math.ceil(rate / 4)));

  for (const issue of await issuesBeingSent()) {
    const content = issue.snapshot as IssueContent;
    let cursor = issue.cursorEmailKey;
    let outOfTime = false;
    for (;;) {
      const page = await activeSubscribersPage(cursor, pageSize);
      if (page.length === 0) break;
      let index = 0;
      const worker = async () => {
        while (index < page.length && Date.now() < deadline) {
          const subscriber = page[index++]!;
          await pace();
          const outcome = await deliver(issue, content, subscriber, leaseMs);
          if (outcome === "sent") result.sent += 1;
          if (outcome === "failed") result.failed += 1;
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      if (index < page.length || Date.now() >= deadline) {
        outOfTime = true;
        break;
      }
      cursor = page.at(-1)!.emailKey;
      await db()
        .entities.issue.patch({ issueId: issue.issueId })
        .set({ cursorEmailKey: cursor })
        .where((a, op) => `${op.notExists(a.cursorEmailKey)} OR ${op.lt(a.cursorEmailKey, cursor!)}`)
        .go()
        .catch((err: unknown) => {
          if (!conditionFailed(err)) throw err;
        });
    }
    if (outOfTime) {
      result.done = false;
      break;
    }
    if (await settle(issue)) result.finished.push(issue.number);
    else result.done = false;
  }
  return result;
}

/**
 * A coordinator's decision to send again to the addresses whose delivery is "unknown" (a run died
 * during their SES call): their claims are removed and the issue is walked once more; everyone
 * else is skipped by their existing delivery record.
 */
export async function resendUnknown(issueId: string): Promise<{ released: number }> {
  const { data } = await db()
    .entities.delivery.query.byIssue({ issueId })
    .where((a, op) => op.eq(a.status, "unknown"))
    .go({ pages: "all" });
  let released = 0;
  for (const d of data) {
    const result = await db()
      .transaction.write(({ delivery, issue }) => [
        delivery
          .delete({ issueId, emailKey: d.emailKey })
          .where((a, op) => op.eq(a.status, "unknown"))
          .commit(),
        issue.patch({ issueId }).add({ unknownCount: -1 }).commit(),
      ])
      .go();
    if (!result.canceled) released += 1;
  }
  if (released > 0) {
    await db().entities.issue.patch({ issueId }).set({ status: "sending" }).remove(["cursorEmailKey", "sentAt"]).go();
  }
  return { released };
}
