import { join } from "node:path";

// Runtime configuration, read from the environment on every call so tests and the local
// launcher can set variables before first use. AWS mode is chosen by VERNETZT_MODE=aws.
export type Mode = "local" | "aws";

export interface Config {
  mode: Mode;
  region: string;
  tableName: string;
  dynamoEndpoint: string | undefined;
  sesEndpoint: string | undefined;
  sesConfigurationSet: string | undefined;
  /** The platform's public origin, for e-mailed links and the same-origin check; "" if not known yet. */
  appOrigin: string;
  mailFrom: string;
  signupMode: "approval" | "open";
  /**
   * Where mail providers POST RFC 8058 one-click unsubscribes. In AWS a function URL of its own
   * (they cannot sign requests the way CloudFront's origin access needs); locally the app itself.
   */
  oneClickUnsubscribeBase: string;
  /** SES sending rate the newsletter job keeps to (messages per second). */
  sesRatePerSecond: number;
  requireTwoFactorForStaff: boolean;
  /** The private S3 bucket for stored files (AWS); unset locally, where files live in `filesDir`. */
  filesBucket: string | undefined;
  /** Local mode's folder for stored files. */
  filesDir: string;
  /** Signs local file URLs; a random per-process secret when unset. */
  filesSigningSecret: string | undefined;
  /** Guests' registrations are anonymised this many months after their event ended. */
  guestRetentionMonths: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return value === "true" || value === "1";
}

export function config(): Config {
  const env = process.env;
  const mode: Mode = env.VERNETZT_MODE === "aws" ? "aws" : "local";
  const appOrigin = (env.APP_ORIGIN || (mode === "local" ? "http://localhost:3000" : "")).replace(/\/$/, "");
  return {
    mode,
    region: env.AWS_REGION ?? "eu-central-1",
    tableName: env.TABLE_NAME ?? "vernetzt",
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    sesEndpoint: env.SES_ENDPOINT || undefined,
    sesConfigurationSet: env.SES_CONFIGURATION_SET || undefined,
    // Empty in AWS until the first deploy reveals the CloudFront domain (see README, Deploy).
    appOrigin,
    oneClickUnsubscribeBase: (env.ONE_CLICK_UNSUBSCRIBE_URL || appOrigin).replace(/\/$/, ""),
    mailFrom: env.MAIL_FROM ?? "Vernetzt <noreply@vernetzt.local>",
    signupMode: env.SIGNUP_MODE === "open" ? "open" : "approval",
    sesRatePerSecond: Math.max(1, Number(env.SES_RATE_PER_SECOND) || 14),
    requireTwoFactorForStaff: flag(env.REQUIRE_2FA_FOR_STAFF, mode === "aws"),
    filesBucket: env.FILES_BUCKET || undefined,
    filesDir: env.FILES_DIR || join(process.cwd(), ".data", "files"),
    filesSigningSecret: env.FILES_SIGNING_SECRET || undefined,
    guestRetentionMonths: Math.max(1, Math.floor(Number(env.GUEST_RETENTION_MONTHS)) || 12),
  };
}

/** Credentials for the local emulators, which accept any key but the SDK insists on one. */
export function localCredentials(endpoint: string | undefined) {
  return endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
}
