import type { SESClient } from "@aws-sdk/client-ses";
import { config, localCredentials } from "../config";
import { lazy } from "../lazy";
import { countEmailsSent } from "../usage/counters";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Extra headers, e.g. List-Unsubscribe for the newsletter. A `prepared` value is written as is,
   * on one line: nodemailer neither encodes nor folds it.
   */
  headers?: Record<string, string | { prepared: true; value: string }>;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

const sesModule = lazy(() => import("@aws-sdk/client-ses"));
const mailComposer = lazy(async () => (await import("nodemailer/lib/mail-composer/index.js")).default);

let ses: SESClient | undefined;

/** The SES client, created on first use: only requests that send mail load the SES SDK. */
export async function sesClient(): Promise<SESClient> {
  if (!ses) {
    const { SESClient } = await sesModule();
    const { region, sesEndpoint } = config();
    ses ??= new SESClient({ region, endpoint: sesEndpoint, credentials: localCredentials(sesEndpoint) });
  }
  return ses;
}

/** Builds the MIME message with nodemailer's composer and hands it to SES as a raw e-mail. */
export async function buildMime(mail: Mail): Promise<Buffer> {
  const MailComposer = await mailComposer();
  const composer = new MailComposer({
    from: config().mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments,
  });
  return composer.compile().build();
}

/** The one way the platform sends e-mail. */
export async function sendMail(mail: Mail): Promise<void> {
  const { sesConfigurationSet } = config();
  const [client, { SendRawEmailCommand }] = await Promise.all([sesClient(), sesModule()]);
  await client.send(
    new SendRawEmailCommand({
      RawMessage: { Data: await buildMime(mail) },
      ConfigurationSetName: sesConfigurationSet,
    }),
  );
  await countEmailsSent();
}
