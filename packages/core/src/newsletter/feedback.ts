import { suppress } from "./subscribers";

/** The parts of an SES notification (delivered through SNS) that matter here. */
interface SesNotification {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string; diagnosticCode?: string }[] };
  complaint?: { complainedRecipients?: { emailAddress: string }[]; complaintFeedbackType?: string };
}

/**
 * Handles bounce and complaint notifications of the SES configuration set: permanently bouncing
 * and complaining addresses are suppressed and get nothing more. Transient bounces are ignored.
 */
export async function handleSesNotification(message: SesNotification): Promise<string[]> {
  const type = message.notificationType ?? message.eventType;
  const suppressed: string[] = [];
  if (type === "Bounce" && message.bounce?.bounceType === "Permanent") {
    for (const r of message.bounce.bouncedRecipients ?? []) {
      if (await suppress(r.emailAddress, `bounce: ${r.diagnosticCode ?? "permanent"}`)) suppressed.push(r.emailAddress);
    }
  }
  if (type === "Complaint") {
    for (const r of message.complaint?.complainedRecipients ?? []) {
      if (await suppress(r.emailAddress, `complaint: ${message.complaint?.complaintFeedbackType ?? "abuse"}`)) suppressed.push(r.emailAddress);
    }
  }
  return suppressed;
}
