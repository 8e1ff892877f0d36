import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { RemovalPolicy, type Stack } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { FunctionCopyFilesProps, Table as DynamoTable } from "sst/constructs";
import { useProject } from "sst/project.js";
import type { EmailResources } from "./email";
import type { Settings } from "./settings";

/**
 * The environment packages/core reads in AWS (its config.ts), the same for the API and every
 * job so they cannot drift apart.
 */
export function coreEnvironment(table: DynamoTable, email: EmailResources, settings: Settings): Record<string, string> {
  return {
    TABLE_NAME: table.tableName,
    MAIL_FROM: email.mailFrom,
    SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
    APP_ORIGIN: settings.appOrigin,
    VERNETZT_MODE: "aws",
  };
}

/**
 * An own role and log group for one function (`<id>Role`, `<id>Logs`), so it gets no AWS managed
 * policy, only the log writes granted here and the permissions passed to the function.
 */
export function functionRoleAndLogs(stack: Stack, id: string, description: string, settings: Settings) {
  // Logs can hold e-mail addresses: keep them briefly and drop them with a non-prod stage.
  const logGroup = new LogGroup(stack, `${id}Logs`, {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: settings.isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const role = new Role(stack, `${id}Role`, {
    assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
    description,
  });
  logGroup.grantWrite(role);
  return { role, logGroup };
}

/**
 * Files of an npm package that code reads at run time (`createRequire(import.meta.url).resolve(
 * "<name>/<file>")`), which esbuild leaves alone: copied to `node_modules/<name>/` beside the
 * bundle, where Node's lookup from the bundle finds them. Taken from where `workspace` resolves
 * the package, so Lambda gets the lockfile's version, without a network at deploy.
 */
export function packageFiles(workspace: string, name: string, files: readonly string[]): FunctionCopyFilesProps[] {
  const root = useProject().paths.root;
  let manifest: string;
  try {
    manifest = createRequire(path.join(root, workspace, "package.json")).resolve(`${name}/package.json`);
  } catch (cause) {
    throw new Error(`${workspace} cannot resolve ${name}: is it in its dependencies and installed?`, { cause });
  }
  const dir = path.dirname(manifest);
  return files.map((file) => {
    if (!existsSync(path.join(dir, file))) throw new Error(`${name} has no file ${file} (in ${dir}).`);
    return {
      from: path.relative(root, path.join(dir, file)).split(path.sep).join(path.posix.sep),
      to: path.posix.join("node_modules", name, file),
    };
  });
}
