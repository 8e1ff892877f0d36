import { PRICES, type Prices } from "./prices";

const GB = 1024 ** 3;
const DAYS_PER_MONTH = 30;

/** What the association does in a month, in its own words. */
export interface Workload {
  members: number;
  activePerDay: number;
  pageViewsPerActive: number;
  newslettersPerMonth: number;
  subscribers: number;
}

export const DEFAULT_WORKLOAD: Workload = { members: 1000, activePerDay: 200, pageViewsPerActive: 20, newslettersPerMonth: 4, subscribers: 1000 };

/**
 * What one request, page or mail costs in resources. `npm run bench` measures most of these
 * (bench/results.json, section `units`); the defaults are the committed run's figures (2026-11-22),
 * so the admins' usage page and `npm run cost` price alike. Log bytes, requests per page view and
 * mails per member are assumptions.
 */
export interface Units {
  apiRequestsPerPageView: number;
  /** Mean billed Lambda time of an API request, cold starts included. */
  lambdaMsPerRequest: number;
  apiMemoryMb: number;
  readUnitsPerRequest: number;
  writeUnitsPerRequest: number;
  logBytesPerRequest: number;
  /** A fresh visit loads the SPA once (gzipped), later page views come from the cache. */
  spaBytesPerVisit: number;
  /** index.html and the route's chunks, fetched from CloudFront (and S3 behind it). */
  staticRequestsPerVisit: number;
  lambdaMsPerMail: number;
  jobMemoryMb: number;
  writeUnitsPerMail: number;
  readUnitsPerMail: number;
  /** Sign-up confirmations, event confirmations, reminders, forum digests. */
  transactionalMailsPerActiveMemberDay: number;
  storedBytesPerMember: number;
}

export const DEFAULT_UNITS: Units = {
  apiRequestsPerPageView: 2,
  lambdaMsPerRequest: 30,
  apiMemoryMb: 1024,
  readUnitsPerRequest: 1.83,
  writeUnitsPerRequest: 0.02,
  logBytesPerRequest: 300,
  spaBytesPerVisit: 53_350,
  staticRequestsPerVisit: 5,
  lambdaMsPerMail: 16,
  jobMemoryMb: 512,
  writeUnitsPerMail: 11,
  readUnitsPerMail: 0.17,
  transactionalMailsPerActiveMemberDay: 0.1,
  storedBytesPerMember: 20 * 1024,
};

/** A month's consumption, either derived from a workload or read from the platform's counters. */
export interface MonthlyUsage {
  apiRequests: number;
  emailsSent: number;
  storedBytes: number;
  /** Fresh SPA loads (CloudFront); from counters: estimated as requests per visit. */
  visits: number;
}

export function usageForWorkload(w: Workload, u: Units = DEFAULT_UNITS): MonthlyUsage {
  const pageViews = w.activePerDay * w.pageViewsPerActive * DAYS_PER_MONTH;
  return {
    apiRequests: pageViews * u.apiRequestsPerPageView,
    emailsSent: w.newslettersPerMonth * w.subscribers + w.activePerDay * DAYS_PER_MONTH * u.transactionalMailsPerActiveMemberDay,
    storedBytes: w.members * u.storedBytesPerMember,
    visits: w.activePerDay * DAYS_PER_MONTH,
  };
}

/** The counters know requests, not visits: as many visits as the default workload has per request. */
export function visitsForRequests(apiRequests: number, u: Units = DEFAULT_UNITS, w: Workload = DEFAULT_WORKLOAD): number {
  return Math.round(apiRequests / (u.apiRequestsPerPageView * w.pageViewsPerActive));
}

export interface CostLine {
  service: "Lambda" | "DynamoDB" | "SES" | "CloudFront/S3" | "API" | "Logs";
  usd: number;
  /** What the line is based on, in English (for `npm run cost`). */
  detail: string;
  /** The same as figures, for the usage page to word in the reader's language. */
  basis: Record<string, number>;
}

export interface MonthlyCost {
  lines: CostLine[];
  totalUsd: number;
  pricesRecordedOn: string;
}

const usd = (n: number) => Math.round(n * 100) / 100;

/** The month's AWS bill for this usage, line by line, at list prices without the free tier. */
export function monthlyCost(m: MonthlyUsage, u: Units = DEFAULT_UNITS, p: Prices = PRICES): MonthlyCost {
  const gbSeconds = (m.apiRequests * u.lambdaMsPerRequest * u.apiMemoryMb + m.emailsSent * u.lambdaMsPerMail * u.jobMemoryMb) / 1000 / 1024;
  const invocations = m.apiRequests;
  const readUnits = m.apiRequests * u.readUnitsPerRequest + m.emailsSent * u.readUnitsPerMail;
  const writeUnits = m.apiRequests * u.writeUnitsPerRequest + m.emailsSent * u.writeUnitsPerMail;
  const logGb = (m.apiRequests * u.logBytesPerRequest) / GB;
  const spaGb = (m.visits * u.spaBytesPerVisit) / GB;
  const edgeRequests = m.apiRequests + m.visits * u.staticRequestsPerVisit;
  const lines: CostLine[] = [
    {
      service: "Lambda",
      usd: (invocations / 1e6) * p.lambda.perMillionRequests + gbSeconds * p.lambda.perGbSecondArm,
      detail: `${invocations} invocations, ${Math.round(gbSeconds)} GB-s`,
      basis: { invocations, gbSeconds: Math.round(gbSeconds) },
    },
    {
      service: "DynamoDB",
      usd: (readUnits / 1e6) * p.dynamo.perMillionReadUnits + (writeUnits / 1e6) * p.dynamo.perMillionWriteUnits + (m.storedBytes / GB) * p.dynamo.perGbMonth,
      detail: `${Math.round(readUnits)} read units, ${Math.round(writeUnits)} write units, ${(m.storedBytes / 1024 ** 2).toFixed(1)} MB stored`,
      basis: { readUnits: Math.round(readUnits), writeUnits: Math.round(writeUnits), storedMb: Math.round((m.storedBytes / 1024 ** 2) * 10) / 10 },
    },
    { service: "SES", usd: (m.emailsSent / 1000) * p.ses.perThousandEmails, detail: `${m.emailsSent} e-mails`, basis: { emails: m.emailsSent } },
    {
      service: "CloudFront/S3",
      usd: spaGb * p.cloudFront.perGbOut + (edgeRequests / 1e4) * p.cloudFront.perTenThousandHttpsRequests + ((m.visits * u.staticRequestsPerVisit) / 1000) * p.s3.perThousandGets,
      detail: `${m.visits} visits, ${edgeRequests} requests, ${spaGb.toFixed(2)} GB out`,
      basis: { visits: m.visits, requests: edgeRequests, gbOut: Math.round(spaGb * 100) / 100 },
    },
    { service: "API", usd: (m.apiRequests / 1e6) * p.functionUrl.perMillionRequests, detail: "Lambda function URL behind CloudFront: no API Gateway charge", basis: {} },
    { service: "Logs", usd: logGb * (p.logs.perGbIngested + p.logs.perGbMonthStored), detail: `${(logGb * 1024).toFixed(0)} MB ingested`, basis: { mbIngested: Math.round(logGb * 1024) } },
  ];
  const rounded = lines.map((line) => ({ ...line, usd: usd(line.usd) }));
  return { lines: rounded, totalUsd: usd(lines.reduce((sum, line) => sum + line.usd, 0)), pricesRecordedOn: p.recordedOn };
}
