import { handleSesNotification } from "@vernetzt/core/newsletter/feedback";

interface SnsEvent {
  Records: { Sns: { Message: string } }[];
}

/** SNS subscriber of the SES configuration set's bounce and complaint events. */
export async function handler(event: SnsEvent) {
  const suppressed: string[] = [];
  for (const record of event.Records) {
    suppressed.push(...(await handleSesNotification(JSON.parse(record.Sns.Message))));
  }
  console.log(JSON.stringify({ job: "ses-feedback", suppressed: suppressed.length }));
  return { suppressed };
}
