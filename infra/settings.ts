// Deploy-time settings come from the environment (SST also loads `.env` and `.env.<stage>`),
// read in one place so every stack agrees on them and a bad value fails the synth, not the site.
export interface Settings {
  readonly isProd: boolean;
  /** Custom domain of the site, e.g. `vernetzt.example.org`; its Route 53 zone must exist. */
  readonly appDomain?: string;
  /** Route 53 zone of `appDomain` when it is not the domain itself, e.g. `example.org`. */
  readonly appHostedZone?: string;
  /** Public https origin of the site; empty until known (see README: second deploy). */
  readonly appOrigin: string;
  /** Domain that gets an SES identity; mail is sent from it. */
  readonly mailDomain?: string;
  /** RFC 5322 sender, e.g. `Vernetzt <noreply@example.org>`. */
  readonly mailFrom: string;
  /** Bare address inside `mailFrom`. */
  readonly mailFromAddress: string;
  /** Newsletter mails per second (SES_RATE_PER_SECOND), at most the account's SES sending rate. */
  readonly sesRatePerSecond: number;
  /** Mailbox of the newsletter's List-Unsubscribe mailto; without it core uses the sender address. */
  readonly newsletterUnsubscribeMailto?: string;
  /**
   * Concurrency reserved for (and capping) the public one-click unsubscribe function; unset means
   * none, because an account with a low concurrency quota cannot set any aside (see api.ts).
   */
  readonly oneClickReservedConcurrency?: number;
}

type Env = Record<string, string | undefined>;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ADDRESS = /<?([^<>\s@]+@[^<>\s@]+)>?\s*$/;
// Stricter than RFC 5322 on purpose: the address goes unescaped into `<mailto:ADDRESS?subject=…>`
// in a header, so nothing that means something in a URL or a header (?, %, <, >, comma) may pass.
const MAILBOX = /^([a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*)@(.+)$/i;

// The sending rate SES usually grants an account when it leaves the sandbox.
const DEFAULT_SES_RATE_PER_SECOND = 14;
// Far above any quota this platform will get: a typo (14000) should fail, not be tried.
const MAX_SES_RATE_PER_SECOND = 1000;
// One-click unsubscribes take milliseconds each; more than this is a typo, not a need.
const MAX_ONE_CLICK_RESERVED_CONCURRENCY = 100;

export function readSettings(stage: string, env: Env = process.env): Settings {
  const isProd = stage === "prod";
  const appDomain = domain(env, "APP_DOMAIN");
  const appHostedZone = domain(env, "APP_HOSTED_ZONE");
  if (appHostedZone && !appDomain) {
    throw new Error("APP_HOSTED_ZONE is set but APP_DOMAIN is not: set the site's domain too.");
  }
  if (appDomain && appHostedZone && !appDomain.endsWith(`.${appHostedZone}`) && appDomain !== appHostedZone) {
    throw new Error(`APP_DOMAIN ${appDomain} does not belong to APP_HOSTED_ZONE ${appHostedZone}.`);
  }

  const appOrigin = origin(env, appDomain);

  const mailDomain = domain(env, "MAIL_DOMAIN");
  if (isProd && !mailDomain) {
    throw new Error("Stage prod needs MAIL_DOMAIN (the domain mail is sent from; it gets an SES identity).");
  }
  const mailFrom = value(env, "MAIL_FROM") ?? (mailDomain ? `Vernetzt <noreply@${mailDomain}>` : undefined);
  if (!mailFrom) {
    throw new Error(
      "Set MAIL_DOMAIN (creates an SES domain identity) or MAIL_FROM (an address already verified in SES).",
    );
  }
  const mailFromAddress = ADDRESS.exec(mailFrom)?.[1]?.toLowerCase();
  if (!mailFromAddress) {
    throw new Error(`MAIL_FROM "${mailFrom}" holds no e-mail address.`);
  }
  if (mailDomain && mailFromAddress.split("@")[1] !== mailDomain) {
    throw new Error(`MAIL_FROM ${mailFromAddress} is not an address of MAIL_DOMAIN ${mailDomain}.`);
  }

  const sesRatePerSecond = positiveInteger(
    env,
    "SES_RATE_PER_SECOND",
    DEFAULT_SES_RATE_PER_SECOND,
    MAX_SES_RATE_PER_SECOND,
  );
  const newsletterUnsubscribeMailto = mailbox(env, "NEWSLETTER_UNSUBSCRIBE_MAILTO");
  const oneClickReservedConcurrency = positiveInteger(
    env,
    "ONE_CLICK_RESERVED_CONCURRENCY",
    undefined,
    MAX_ONE_CLICK_RESERVED_CONCURRENCY,
  );

  return {
    isProd,
    appDomain,
    appHostedZone,
    appOrigin,
    mailDomain,
    mailFrom,
    mailFromAddress,
    sesRatePerSecond,
    newsletterUnsubscribeMailto,
    oneClickReservedConcurrency,
  };
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function domain(env: Env, name: string): string | undefined {
  const raw = value(env, name)?.toLowerCase();
  if (raw && !DOMAIN.test(raw)) {
    throw new Error(`${name} must be a bare domain name like example.org, got "${raw}".`);
  }
  return raw;
}

function positiveInteger(env: Env, name: string, fallback: number, max: number): number;
function positiveInteger(env: Env, name: string, fallback: undefined, max: number): number | undefined;
function positiveInteger(env: Env, name: string, fallback: number | undefined, max: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^[1-9][0-9]*$/.test(raw) || Number(raw) > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}".`);
  }
  return Number(raw);
}

function mailbox(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const match = MAILBOX.exec(raw);
  const domainPart = match?.[2]?.toLowerCase();
  if (!match || !domainPart || !DOMAIN.test(domainPart)) {
    throw new Error(`${name} must be a bare e-mail address like abmelden@example.org, got "${raw}".`);
  }
  return `${match[1]}@${domainPart}`;
}

function origin(env: Env, appDomain: string | undefined): string {
  const explicit = value(env, "APP_ORIGIN");
  if (explicit) {
    let url: URL;
    try {
      url = new URL(explicit);
    } catch (cause) {
      throw new Error(`APP_ORIGIN must be an https origin like https://example.org, got "${explicit}".`, { cause });
    }
    if (url.protocol !== "https:" || url.origin !== explicit.replace(/\/$/, "")) {
      throw new Error(`APP_ORIGIN must be an https origin without a path, got "${explicit}".`);
    }
    return url.origin;
  }
  return appDomain ? `https://${appDomain}` : "";
}
