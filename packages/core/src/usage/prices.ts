/**
 * AWS list prices for eu-central-1 (Frankfurt) in USD, on-demand, without the free tier (which
 * would make most of a small association's bill 0). Recorded 2026-11-22 from the prices the team
 * used for planning; check aws.amazon.com/<service>/pricing before quoting a figure to anyone.
 */
export const PRICES = {
  recordedOn: "2026-11-22",
  region: "eu-central-1",
  lambda: { perMillionRequests: 0.2, perGbSecondArm: 0.0000133334 },
  dynamo: { perMillionReadUnits: 0.1525, perMillionWriteUnits: 0.7625, perGbMonth: 0.306 },
  ses: { perThousandEmails: 0.1 },
  cloudFront: { perGbOut: 0.085, perTenThousandHttpsRequests: 0.012 },
  s3: { perGbMonth: 0.0245, perThousandGets: 0.00043 },
  /** Lambda function URLs (our API entry behind CloudFront) cost nothing beyond the Lambda invocation. */
  functionUrl: { perMillionRequests: 0 },
  logs: { perGbIngested: 0.63, perGbMonthStored: 0.0324 },
} as const;

export type Prices = typeof PRICES;
