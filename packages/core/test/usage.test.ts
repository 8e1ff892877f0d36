import { describe, expect, it, vi } from "vitest";
import { db } from "../src/db";
import { DEFAULT_UNITS, DEFAULT_WORKLOAD, monthlyCost, usageForWorkload, type Units } from "../src/usage/cost";
import { PRICES } from "../src/usage/prices";
import { countActiveMember, countRequest, flushUsage, usageMonth, usageReport } from "../src/usage/counters";

const counters = async (month: string) => (await db().entities.usageMonth.get({ month }).go()).data;

describe("usage counters", () => {
  it("count every one of many concurrent requests exactly once, flushed in a few atomic ADDs", async () => {
    const month = usageMonth();
    await flushUsage();
    const before = (await counters(month))?.requests ?? 0;
    await Promise.all(Array.from({ length: 173 }, () => countRequest()));
    await flushUsage();
    expect((await counters(month))?.requests).toBe(before + 173);
  });

  it("count a member once a month, however many requests arrive at once", async () => {
    const at = new Date(Date.UTC(2031, Math.floor(Math.random() * 12), 15));
    const month = usageMonth(at);
    const userIds = ["usr_a", "usr_b", "usr_c"].map((id) => `${id}${Math.random().toString(36).slice(2)}`);
    for (let round = 0; round < 2; round++) {
      await Promise.all(userIds.flatMap((userId) => Array.from({ length: 6 }, () => countActiveMember(userId, at))));
    }
    const before = (await counters(month))?.activeMembers ?? 0;
    expect(before).toBe(3);
    // A new instance (nothing remembered) counts nobody twice: the marker in the table decides.
    vi.resetModules();
    const fresh = await import("../src/usage/counters");
    await Promise.all(userIds.map((userId) => fresh.countActiveMember(userId, at)));
    expect((await counters(month))?.activeMembers).toBe(before);
  });

  it("report this month's figures with the table's size and the cost model's estimate", async () => {
    await countRequest();
    const report = await usageReport();
    expect(report.month).toBe(usageMonth());
    expect(report.apiRequests).toBeGreaterThan(0);
    expect(report.storedItems).toBeGreaterThanOrEqual(0);
    expect(report.cost.lines.map((l) => l.service)).toEqual(["Lambda", "DynamoDB", "SES", "CloudFront/S3", "API", "Logs"]);
  });
});

describe("cost model", () => {
  it("prices a stated month line by line", () => {
    const units: Units = { ...DEFAULT_UNITS, lambdaMsPerRequest: 100, apiMemoryMb: 1024, lambdaMsPerMail: 0, readUnitsPerRequest: 2, writeUnitsPerRequest: 1, readUnitsPerMail: 0, writeUnitsPerMail: 0, logBytesPerRequest: 0, spaBytesPerVisit: 0, staticRequestsPerVisit: 0 };
    const cost = monthlyCost({ apiRequests: 1_000_000, emailsSent: 10_000, storedBytes: 1024 ** 3, visits: 0 }, units);
    const line = (service: string) => cost.lines.find((l) => l.service === service)!.usd;
    // 1M invocations at 0.20 + 100,000 GB-s (1M × 0.1 s × 1 GB) at the arm64 price.
    expect(line("Lambda")).toBeCloseTo(0.2 + 100_000 * PRICES.lambda.perGbSecondArm, 2);
    // 2M read units, 1M write units, 1 GB stored.
    expect(line("DynamoDB")).toBeCloseTo(2 * PRICES.dynamo.perMillionReadUnits + PRICES.dynamo.perMillionWriteUnits + PRICES.dynamo.perGbMonth, 2);
    expect(line("SES")).toBeCloseTo(10 * PRICES.ses.perThousandEmails, 2);
    // CloudFront counts the API requests that pass through it.
    expect(line("CloudFront/S3")).toBeCloseTo(100 * PRICES.cloudFront.perTenThousandHttpsRequests, 2);
    expect(line("API")).toBe(0);
    expect(cost.totalUsd).toBeCloseTo(cost.lines.reduce((sum, l) => sum + l.usd, 0), 1);
  });

  it("turns the default workload into the month it describes, and keeps it under 5 USD", () => {
    const usage = usageForWorkload(DEFAULT_WORKLOAD, DEFAULT_UNITS);
    // 200 active members × 20 page views × 30 days, each page view this many API requests.
    expect(usage.apiRequests).toBe(200 * 20 * 30 * DEFAULT_UNITS.apiRequestsPerPageView);
    // 4 newsletters to 1,000 subscribers plus the transactional mail.
    expect(usage.emailsSent).toBe(4 * 1000 + 200 * 30 * DEFAULT_UNITS.transactionalMailsPerActiveMemberDay);
    expect(monthlyCost(usage).totalUsd).toBeLessThan(5);
  });

  it("costs about nothing at rest", () => {
    expect(monthlyCost({ apiRequests: 0, emailsSent: 0, storedBytes: 50 * 1024 ** 2, visits: 0 }).totalUsd).toBeLessThan(0.05);
  });
});
