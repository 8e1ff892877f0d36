import path from "node:path";
import { fileURLToPath } from "node:url";
import { Aspects, type Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack, use, type FunctionProps } from "sst/constructs";
import { useFunctions } from "sst/constructs/Function.js";
import { initProject } from "sst/project.js";
import config from "../../sst.config";
import { Api } from "../api";
import { Email } from "../email";
import { Jobs } from "../jobs";
import { Table } from "../table";
import { Web } from "../web";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const SETTINGS_ENV = [
  "APP_DOMAIN",
  "APP_HOSTED_ZONE",
  "APP_ORIGIN",
  "MAIL_DOMAIN",
  "MAIL_FROM",
  "SES_RATE_PER_SECOND",
  "NEWSLETTER_UNSUBSCRIBE_MAILTO",
  "ONE_CLICK_RESERVED_CONCURRENCY",
] as const;
export type SettingsEnv = Partial<Record<(typeof SETTINGS_ENV)[number], string>>;

const STACKS = { table: Table, email: Email, api: Api, jobs: Jobs, web: Web };
export type StackKey = keyof typeof STACKS;

export interface Synthesized {
  stage: string;
  templates: Record<StackKey, Template>;
  /** Unsuppressed AwsSolutions errors per stack, as "path: message". */
  nagErrors: Record<StackKey, string[]>;
  /** The props SST builds and deploys the API function with (the template holds a placeholder until the build). */
  apiProps: FunctionProps | undefined;
  /** The same for the public one-click unsubscribe function beside it. */
  oneClickProps: FunctionProps | undefined;
  /** The same for the job functions. */
  remindersProps: FunctionProps | undefined;
  newsletterProps: FunctionProps | undefined;
  sesFeedbackProps: FunctionProps | undefined;
}

/**
 * Synthesizes the real app from sst.config.ts offline with cdk-nag's AwsSolutions pack applied.
 * SST runs function and site builds as deferred tasks in `app.finish()`, which this never calls,
 * so neither packages/functions nor packages/web needs to be buildable.
 */
export async function synthesize(
  stage: string,
  env: SettingsEnv,
  mode: "deploy" | "remove" = "deploy",
): Promise<Synthesized> {
  process.env.AWS_ACCESS_KEY_ID ??= "offline-test";
  process.env.AWS_SECRET_ACCESS_KEY ??= "offline-test";
  // Loads sst.config.ts and the root .env files, so the settings below are applied after it.
  await initProject({ stage, root: ROOT });

  const saved = SETTINGS_ENV.map((name) => [name, process.env[name]] as const);
  for (const name of SETTINGS_ENV) {
    const value = env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const cwd = process.cwd();
  // SST resolves construct paths such as the site's against the working directory, like the CLI.
  process.chdir(ROOT);
  try {
    const { name, region } = await config.config({ stage });
    const app = new App({ mode, stage, name, region });
    Aspects.of(app).add(new AwsSolutionsChecks());
    await config.stacks(app);

    const templates = {} as Record<StackKey, Template>;
    const nagErrors = {} as Record<StackKey, string[]>;
    for (const [key, fn] of Object.entries(STACKS) as [StackKey, (typeof STACKS)[StackKey]][]) {
      const stack: Stack = getStack(fn);
      templates[key] = Template.fromStack(stack);
      nagErrors[key] = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
        .map((finding) => `${finding.id}: ${String(finding.entry.data)}`);
    }
    // Read now: SST keeps function props per app and forgets them when the next App is created.
    const apiProps = useFunctions().fromID(use(Api).api.node.addr);
    const oneClickProps = useFunctions().fromID(use(Api).oneClickUnsubscribe.fn.node.addr);
    const jobs = use(Jobs);
    const remindersProps = useFunctions().fromID(jobs.reminders.jobFunction.node.addr);
    const newsletterProps = useFunctions().fromID(jobs.newsletter.jobFunction.node.addr);
    const sesFeedbackProps = useFunctions().fromID(jobs.sesFeedback.node.addr);
    return {
      stage,
      templates,
      nagErrors,
      apiProps,
      oneClickProps,
      remindersProps,
      newsletterProps,
      sesFeedbackProps,
    };
  } finally {
    process.chdir(cwd);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
