import { Duration } from "aws-cdk-lib";
import type { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LambdaSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { NagSuppressions } from "cdk-nag";
import { Cron, Function, use, type FunctionProps, type Stack, type StackContext } from "sst/constructs";
import { Api } from "./api";
import { Email, sendEmailStatements } from "./email";
import { LAMBDA_NODEJS } from "./bundling";
import { coreEnvironment, functionRoleAndLogs } from "./lambda";
import { NODE_22_REASON } from "./nag";
import { readSettings, type Settings } from "./settings";
import { Table, tableAccessStatements } from "./table";

/**
 * Applies twice, because a failed run is retried in two places: by EventBridge when it cannot
 * hand the event to Lambda, and by Lambda when the handler throws or times out. A job must claim
 * each mail with a conditional write before sending it (as sendReminders does), so a retry only
 * finishes what a failed run left; none is attempted once the next run is due.
 */
export const JOB_RETRY = { retryAttempts: 2, maxEventAge: Duration.hours(1) } as const;

export function Jobs({ stack, app }: StackContext) {
  const { table } = use(Table);
  const email = use(Email);
  const { oneClickUnsubscribe } = use(Api);
  const settings = readSettings(app.stage);

  // Reminds participants the day before: a few hundred mails at most, sent one by one.
  const reminders = scheduleJob(
    stack,
    "Reminders",
    "rate(1 hour)",
    jobFunction(stack, "Reminders", "packages/functions/src/jobs/reminders.handler", {
      description: "Vernetzt reminder job: reads events and registrations, marks reminders sent, sends mail",
      memorySize: "512 MB",
      timeout: "5 minutes",
      permissions: [
        ...tableAccessStatements(table, [
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:UpdateItem",
          "dynamodb:BatchGetItem",
        ]),
        ...sendEmailStatements(email, ["ses:SendRawEmail"]),
      ],
    }),
  );

  // Sends the newsletter at the SES rate. A run stops starting mails after 4.5 minutes and the next
  // continues; should runs overlap anyway (a retry), each recipient is claimed with a conditional
  // write first, so no reserved concurrency, which small accounts cannot even set aside.
  const newsletter = scheduleJob(
    stack,
    "Newsletter",
    "rate(5 minutes)",
    jobFunction(stack, "Newsletter", "packages/functions/src/jobs/newsletter.handler", {
      description:
        "Vernetzt newsletter job: reads issues and subscribers, claims and records each delivery, sends mail",
      memorySize: "512 MB",
      timeout: "15 minutes",
      environment: newsletterEnvironment(settings, oneClickUnsubscribe.url),
      permissions: [
        ...tableAccessStatements(table, [
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:TransactWriteItems",
        ]),
        ...sendEmailStatements(email, ["ses:SendRawEmail"]),
      ],
    }),
  );

  // Forum reply digests: at most one mail per thread and member per hour, claimed with conditional
  // writes, so overlapping or retried runs send nothing twice.
  const forumNotifications = scheduleJob(
    stack,
    "ForumNotifications",
    "rate(15 minutes)",
    jobFunction(stack, "ForumNotifications", "packages/functions/src/jobs/forum-notifications.handler", {
      description: "Vernetzt forum notifications: reads due reply digests, claims them, sends mail",
      memorySize: "512 MB",
      timeout: "5 minutes",
      permissions: [
        ...tableAccessStatements(table, [
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:TransactWriteItems",
        ]),
        ...sendEmailStatements(email, ["ses:SendRawEmail"]),
      ],
    }),
  );

  // Reminds mentors of programme milestones due within a week; each mail (milestone, due date,
  // mentor) is claimed with a conditional put first (in a transaction checking the participant still
  // exists), so retries and overlaps send nothing twice and a deleted participant gets no claim.
  const programmeReminders = scheduleJob(
    stack,
    "ProgrammeReminders",
    "rate(6 hours)",
    jobFunction(stack, "ProgrammeReminders", "packages/functions/src/jobs/programme-reminders.handler", {
      description: "Vernetzt programme reminders: reads due milestones and their mentors, claims each reminder, sends mail",
      memorySize: "512 MB",
      timeout: "5 minutes",
      permissions: [
        ...tableAccessStatements(table, [
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:PutItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:TransactWriteItems",
        ]),
        ...sendEmailStatements(email, ["ses:SendRawEmail"]),
      ],
    }),
  );

  // Notices of unread private messages: at most one mail per conversation and member an hour,
  // each claimed with a conditional write before it is sent.
  const messageNotices = scheduleJob(
    stack,
    "MessageNotices",
    "rate(10 minutes)",
    jobFunction(stack, "MessageNotices", "packages/functions/src/jobs/message-notices.handler", {
      description: "Vernetzt message notices: reads due notices, claims them, sends mail",
      memorySize: "512 MB",
      timeout: "5 minutes",
      permissions: [
        ...tableAccessStatements(table, [
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:TransactWriteItems",
        ]),
        ...sendEmailStatements(email, ["ses:SendRawEmail"]),
      ],
    }),
  );

  // Anonymises guests' registrations of events past the retention period (GDPR storage limitation).
  const guestRetention = scheduleJob(
    stack,
    "GuestRetention",
    "rate(1 day)",
    jobFunction(stack, "GuestRetention", "packages/functions/src/jobs/guest-retention.handler", {
      description: "Vernetzt guest retention: anonymises guests' registrations of long-past events; sends nothing",
      memorySize: "512 MB",
      timeout: "5 minutes",
      environment: { GUEST_RETENTION_MONTHS: process.env.GUEST_RETENTION_MONTHS || "12" },
      permissions: tableAccessStatements(table, [
        "dynamodb:Query",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:TransactWriteItems",
      ]),
    }),
  );

  // Marks bounced and complaining addresses suppressed. A notification dropped after JOB_RETRY is
  // not lost for good: the configuration set's suppression list turns the next send to that
  // address into another bounce event.
  const sesFeedback = jobFunction(stack, "SesFeedback", "packages/functions/src/jobs/ses-feedback.handler", {
    description: "Vernetzt SES feedback: marks bounced and complaining subscribers suppressed; sends nothing",
    memorySize: "256 MB",
    timeout: "30 seconds",
    permissions: tableAccessStatements(table, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]),
  });
  // The subscription and SNS's invoke permission are created here, beside the function, so the
  // Email stack does not depend on this one.
  email.feedbackTopic.addSubscription(new LambdaSubscription(sesFeedback));

  stack.addOutputs({
    RemindersFunctionName: reminders.jobFunction.functionName,
    NewsletterFunctionName: newsletter.jobFunction.functionName,
    ForumNotificationsFunctionName: forumNotifications.jobFunction.functionName,
    ProgrammeRemindersFunctionName: programmeReminders.jobFunction.functionName,
    MessageNoticesFunctionName: messageNotices.jobFunction.functionName,
    SesFeedbackFunctionName: sesFeedback.functionName,
    GuestRetentionFunctionName: guestRetention.jobFunction.functionName,
  });
  return { reminders, newsletter, forumNotifications, programmeReminders, messageNotices, guestRetention, sesFeedback };
}

/**
 * What only the newsletter job reads besides core's environment (packages/core config.ts, send.ts):
 * its List-Unsubscribe one-click link points at the Api stack's public function URL.
 */
function newsletterEnvironment(settings: Settings, oneClickUnsubscribeUrl: string): Record<string, string> {
  return {
    SES_RATE_PER_SECOND: String(settings.sesRatePerSecond),
    ONE_CLICK_UNSUBSCRIBE_URL: oneClickUnsubscribeUrl,
    ...(settings.newsletterUnsubscribeMailto
      ? { NEWSLETTER_UNSUBSCRIBE_MAILTO: settings.newsletterUnsubscribeMailto }
      : {}),
  };
}

export interface JobOptions {
  /** Description of the job's own role: what it may touch and why. */
  description: string;
  memorySize: FunctionProps["memorySize"];
  timeout: FunctionProps["timeout"];
  /** Variables this job reads besides core's environment. */
  environment?: Record<string, string>;
  /** Everything the job may do besides writing its logs; it gets nothing else. */
  permissions: PolicyStatement[];
}

/**
 * A job's Lambda (`<id>Job`), scheduled or triggered by an event: packages/functions' handler,
 * built like the API's, with core's environment, an own role and log group, and Lambda's retries
 * of failed asynchronous invocations bounded.
 */
export function jobFunction(stack: Stack, id: string, handler: string, options: JobOptions): Function {
  const { table } = use(Table);
  const email = use(Email);
  const settings = readSettings(stack.stage);
  const { role, logGroup } = functionRoleAndLogs(stack, `${id}Job`, options.description, settings);

  const fn = new Function(stack, `${id}Job`, {
    handler,
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: options.memorySize,
    timeout: options.timeout,
    // X-Ray would need a Resource "*" grant for traces nobody reads.
    tracing: "disabled",
    role,
    logGroup,
    nodejs: LAMBDA_NODEJS,
    // Core's variables last, so a job's own cannot shadow what every function must agree on.
    environment: { ...options.environment, ...coreEnvironment(table, email, settings) },
    permissions: options.permissions,
    ...JOB_RETRY,
  });
  NagSuppressions.addResourceSuppressions(fn, [{ id: "AwsSolutions-L1", reason: NODE_22_REASON }]);
  return fn;
}

/** An EventBridge rule (`<id>Schedule`) that runs `job` on `schedule`, with bounded retries. */
export function scheduleJob(stack: Stack, id: string, schedule: `rate(${string})` | `cron(${string})`, job: Function) {
  return new Cron(stack, `${id}Schedule`, {
    schedule,
    job: { function: job, cdk: { target: { ...JOB_RETRY } } },
  });
}
