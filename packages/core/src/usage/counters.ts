import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { config } from "../config";
import { db, dynamo } from "../db";
import { DAY, utcToBerlin } from "../time";
import { monthlyCost, visitsForRequests, type MonthlyCost, type MonthlyUsage } from "./cost";

/**
 * Requests and e-mails are counted in memory and written with one `ADD` every FLUSH_REQUESTS
 * requests or FLUSH_MS, whichever comes first: a write per request would double the table's
 * traffic. The price: what a Lambda instance counted since its last flush is lost if it is frozen
 * for good or killed — at most FLUSH_REQUESTS requests per instance, a rounding error on the bill.
 * Jobs flush when they finish.
 */
export const FLUSH_REQUESTS = 25;
export const FLUSH_MS = 60_000;

/** The usage month (Berlin calendar), e.g. "2026-11". */
export const usageMonth = (at: Date = new Date()) => utcToBerlin(at.toISOString()).slice(0, 7);

const pending = { requests: 0, emailsSent: 0 };
let lastFlush = Date.now();
const countedActive = new Set<string>();

/** Writes what this instance counted since the last flush in one atomic update. */
export async function flushUsage(): Promise<void> {
  const taken = { ...pending };
  if (taken.requests === 0 && taken.emailsSent === 0) return;
  pending.requests = 0;
  pending.emailsSent = 0;
  lastFlush = Date.now();
  try {
    await db().entities.usageMonth.update({ month: usageMonth() }).add(taken).go();
  } catch (err) {
    pending.requests += taken.requests;
    pending.emailsSent += taken.emailsSent;
    throw err;
  }
}

/** Counting never fails the request or the mail it counts: a failed flush is kept for the next one. */
async function flushIfDue(): Promise<void> {
  if (pending.requests < FLUSH_REQUESTS && Date.now() - lastFlush < FLUSH_MS) return;
  try {
    await flushUsage();
  } catch (err) {
    console.error(JSON.stringify({ usage: "flush failed, kept for the next flush", error: String(err) }));
  }
}

export async function countRequest(): Promise<void> {
  pending.requests += 1;
  await flushIfDue();
}

/** Called by the one mail sender for every mail SES accepted. */
export async function countEmailsSent(count = 1): Promise<void> {
  pending.emailsSent += count;
  await flushIfDue();
}

/**
 * Counts a signed-in member once per month: a conditional put of a marker (it expires after the
 * month) and the month's ADD in one transaction, so the count is exact. Each instance remembers
 * whom it counted, so this costs a write only on a member's first request to an instance.
 */
export async function countActiveMember(userId: string, at: Date = new Date()): Promise<void> {
  const month = usageMonth(at);
  const key = `${month}#${userId}`;
  if (countedActive.has(key)) return;
  const ttl = Math.ceil((at.getTime() + 40 * DAY) / 1000);
  const result = await db()
    .transaction.write(({ activeMember, usageMonth: counters }) => [
      activeMember.create({ month, userId, ttl }).commit(),
      counters.update({ month }).add({ activeMembers: 1 }).commit(),
    ])
    .go();
  // Refused because the marker exists: counted before. A conflict with a concurrent request of the
  // same member: that one counts, or the next request tries again.
  if (!result.canceled || result.data.some((d) => d.code === "ConditionalCheckFailed")) countedActive.add(key);
}

export interface UsageReport extends MonthlyUsage {
  month: string;
  activeMembers: number;
  storedItems: number;
  /** DynamoDB refreshes the table's size about every six hours. */
  storedBytesSource: "describeTable";
  cost: MonthlyCost;
}

/** This month's counters, the table's size and the estimated bill (the `npm run cost` model). */
export async function usageReport(month = usageMonth()): Promise<UsageReport> {
  await flushUsage();
  const [{ data }, table] = await Promise.all([
    db().entities.usageMonth.get({ month }).go(),
    dynamo().send(new DescribeTableCommand({ TableName: config().tableName })),
  ]);
  const requests = data?.requests ?? 0;
  const usage: MonthlyUsage = {
    apiRequests: requests,
    emailsSent: data?.emailsSent ?? 0,
    storedBytes: table.Table?.TableSizeBytes ?? 0,
    visits: visitsForRequests(requests),
  };
  return {
    month,
    ...usage,
    activeMembers: data?.activeMembers ?? 0,
    storedItems: table.Table?.ItemCount ?? 0,
    storedBytesSource: "describeTable",
    cost: monthlyCost(usage),
  };
}
