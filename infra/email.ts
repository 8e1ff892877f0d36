import { Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from "aws-cdk-lib/aws-ses";
import type { StackContext } from "sst/constructs";
import { readSettings } from "./settings";

export function Email({ stack, app }: StackContext) {
  const settings = readSettings(app.stage);

  // Bounce and complaint notifications (SNS) attach here as event destinations.
  const configurationSet = new ConfigurationSet(stack, "ConfigurationSet", {
    configurationSetName: app.logicalPrefixedName("mail"),
    reputationMetrics: true,
    suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
  });
  const configurationSetArn = stack.formatArn({
    service: "ses",
    resource: "configuration-set",
    resourceName: configurationSet.configurationSetName,
  });

  const identity = settings.mailDomain
    ? new EmailIdentity(stack, "DomainIdentity", {
        identity: Identity.domain(settings.mailDomain),
        configurationSet,
      })
    : undefined;

  // Without MAIL_DOMAIN the sender was verified by hand, as an address or as its domain.
  const senderIdentityArns = identity
    ? [identity.emailIdentityArn]
    : [settings.mailFromAddress, settings.mailFromAddress.split("@")[1]!].map((name) => identityArn(stack, name));

  if (identity) {
    stack.addOutputs(
      Object.fromEntries(
        identity.dkimRecords.map((record, i) => [`DkimCname${i + 1}`, `${record.name} CNAME ${record.value}`]),
      ),
    );
  }
  stack.addOutputs({ MailFrom: settings.mailFrom });

  return {
    configurationSet,
    configurationSetArn,
    identity,
    mailFrom: settings.mailFrom,
    senderIdentityArns,
  };
}

export type EmailResources = ReturnType<typeof Email>;

export type SendEmailAction = "ses:SendEmail" | "ses:SendRawEmail";

/**
 * SES authorises a send against the sender identity and the configuration set named in it, so
 * both are the resources; no `ses:FromAddress` condition because the identity already pins the
 * sender's domain and later senders (newsletter@, events@) should not need an IAM change.
 * A handler that only sends MIME it built itself (attachments, List-Unsubscribe) needs only
 * ses:SendRawEmail.
 */
export function sendEmailStatements(
  email: EmailResources,
  actions: readonly SendEmailAction[] = ["ses:SendEmail", "ses:SendRawEmail"],
): PolicyStatement[] {
  return [
    new PolicyStatement({
      actions: [...actions],
      resources: [...email.senderIdentityArns, email.configurationSetArn],
    }),
  ];
}

function identityArn(stack: Stack, name: string): string {
  return stack.formatArn({ service: "ses", resource: "identity", resourceName: name });
}
