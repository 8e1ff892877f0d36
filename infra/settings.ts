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
}

type Env = Record<string, string | undefined>;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ADDRESS = /<?([^<>\s@]+@[^<>\s@]+)>?\s*$/;

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

  return { isProd, appDomain, appHostedZone, appOrigin, mailDomain, mailFrom, mailFromAddress };
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
