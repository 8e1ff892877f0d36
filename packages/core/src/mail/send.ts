import { SESClient, SendRawEmailCommand } from "@aws-sdk/client-ses";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { config, localCredentials } from "../config";

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

let ses: SESClient | undefined;

export function sesClient(): SESClient {
  if (!ses) {
    const { region, sesEndpoint } = config();
    ses = new SESClient({ region, endpoint: sesEndpoint, credentials: localCredentials(sesEndpoint) });
  }
  return ses;
}

/** Builds the MIME message with nodemailer's composer and hands it to SES as a raw e-mail. */
export async function buildMime(mail: Mail): Promise<Buffer> {
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
  await sesClient().send(
    new SendRawEmailCommand({
      RawMessage: { Data: await buildMime(mail) },
      ConfigurationSetName: sesConfigurationSet,
    }),
  );
}
