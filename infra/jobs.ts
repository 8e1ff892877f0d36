import { Duration } from "aws-cdk-lib";
import type { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { NagSuppressions } from "cdk-nag";
import { Cron, Function, use, type FunctionProps, type Stack, type StackContext } from "sst/constructs";
import { Email, sendEmailStatements } from "./email";
import { coreEnvironment, functionRoleAndLogs } from "./lambda";
import { NODE_22_REASON } from "./nag";
import { readSettings } from "./settings";
import { Table, tableAccessStatements } from "./table";

/**
 * Applies twice, because a failed run is retried in two places: by EventBridge when it cannot
 * hand the event to Lambda, and by Lambda when the handler throws or times out. A job must claim
 * each mail with a conditional write before sending it (as sendReminders does), so a retry only
 * finishes what a failed run left; none is attempted once the next run is due.
 */
export const JOB_RETRY = { retryAttempts: 2, maxEventAge: Duration.hours(1) } as const;

export function Jobs({ stack }: StackContext) {
  const { table } = use(Table);
  const email = use(Email);

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

  stack.addOutputs({ RemindersFunctionName: reminders.jobFunction.functionName });
  return { reminders };
}

export interface JobOptions {
  /** Description of the job's own role: what it may touch and why. */
  description: string;
  memorySize: FunctionProps["memorySize"];
  timeout: FunctionProps["timeout"];
  /** Everything the job may do besides writing its logs; it gets nothing else. */
  permissions: PolicyStatement[];
}

/**
 * A scheduled job's Lambda (`<id>Job`): packages/functions' handler, built like the API's, with
 * core's environment, an own role and log group, and Lambda's retries of failed runs bounded.
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
    nodejs: { format: "esm", minify: true },
    environment: coreEnvironment(table, email, settings),
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
