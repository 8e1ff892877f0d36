import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from "aws-cdk-lib/aws-ses";
import { Topic } from "aws-cdk-lib/aws-sns";
import type { StackContext } from "sst/constructs";
import { readSettings } from "./settings";

export function Email({ stack, app }: StackContext) {
  const settings = readSettings(app.stage);

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

  const feedbackTopic = mailFeedbackTopic(stack, app.logicalPrefixedName("mail-feedback"), settings.isProd);
  // Adds the topic policy statement that lets SES publish for this account's configuration set only.
  configurationSet.addEventDestination("Feedback", {
    destination: EventDestination.snsTopic(feedbackTopic),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
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
    feedbackTopic,
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

/**
 * The topic SES publishes bounces and complaints to. Encrypted with an own key because SES must
 * be allowed to use it, which the AWS-managed SNS key's fixed policy does not allow; Lambda
 * subscribers need no key grant, SNS decrypts before it delivers.
 */
function mailFeedbackTopic(stack: Stack, topicName: string, isProd: boolean): Topic {
  const key = new Key(stack, "MailFeedbackKey", {
    description: `${topicName}: encrypts SES bounce and complaint notifications (e-mail addresses) in SNS`,
    enableKeyRotation: true,
    removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    pendingWindow: Duration.days(7),
  });
  // The topic policy pins publishing to this account's configuration set; the key serves SES for
  // this account and this topic only (SNS puts the topic ARN in the encryption context). The ARN
  // is spelled out because a Ref would make key and topic depend on each other. "*" in a key
  // policy means this key.
  const topicArn = stack.formatArn({ service: "sns", resource: topicName });
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: "AllowSesToPublishToTheFeedbackTopic",
      principals: [new ServicePrincipal("ses.amazonaws.com")],
      actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
      resources: ["*"],
      conditions: {
        StringEquals: { "aws:SourceAccount": stack.account, "kms:EncryptionContext:aws:sns:topicArn": topicArn },
      },
    }),
  );
  return new Topic(stack, "MailFeedbackTopic", { topicName, masterKey: key, enforceSSL: true });
}

function identityArn(stack: Stack, name: string): string {
  return stack.formatArn({ service: "ses", resource: "identity", resourceName: name });
}
