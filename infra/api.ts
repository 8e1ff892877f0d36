import { FunctionUrlAuthType } from "aws-cdk-lib/aws-lambda";
import { NagSuppressions } from "cdk-nag";
import { Function, use, type StackContext } from "sst/constructs";
import { Email, sendEmailStatements } from "./email";
import { coreEnvironment, functionRoleAndLogs, packageFiles } from "./lambda";
import { NODE_22_REASON } from "./nag";
import { readSettings } from "./settings";
import { Table, tableAccessStatements } from "./table";

// The faces certificate PDFs embed (packages/core/src/event/certificate.ts): the whole package,
// 22 faces and 5.5 MB zipped, would be most of the API's upload.
export const CERTIFICATE_FONT_FILES = ["ttf/DejaVuSans.ttf", "ttf/DejaVuSans-Bold.ttf"] as const;

export function Api({ stack, app }: StackContext) {
  const { table } = use(Table);
  const email = use(Email);
  const settings = readSettings(app.stage);

  const { role, logGroup } = functionRoleAndLogs(
    stack,
    "Api",
    "Vernetzt API: its table, its SES sender, its log group",
    settings,
  );

  // Function URL (AWS_IAM) behind CloudFront origin access control: the distribution is the only way
  // in and SPA and API share its origin; an HTTP API would stay public on its own execute-api domain.
  const api = new Function(stack, "Api", {
    handler: "packages/functions/src/lambda.handler",
    runtime: "nodejs22.x",
    architecture: "arm_64",
    // scrypt (N=2^17) needs ~128 MiB on top of the runtime; memory also buys CPU for hashing.
    memorySize: "1024 MB",
    timeout: "15 seconds",
    // X-Ray would need a Resource "*" grant for traces nobody reads.
    tracing: "disabled",
    role,
    logGroup,
    nodejs: { format: "esm", minify: true },
    // core reads the fonts via require.resolve, which esbuild does not bundle. Copied rather than
    // `nodejs.install`ed: install would ask npm at deploy for the version in packages/functions'
    // package.json, which has none ("*"), and ship every face.
    copyFiles: packageFiles("packages/core", "dejavu-fonts-ttf", [
      "package.json",
      "LICENSE",
      ...CERTIFICATE_FONT_FILES,
    ]),
    environment: coreEnvironment(table, email, settings),
    permissions: [...tableAccessStatements(table), ...sendEmailStatements(email)],
  });

  NagSuppressions.addResourceSuppressions(api, [{ id: "AwsSolutions-L1", reason: NODE_22_REASON }]);

  // Created here rather than via SST's `url` prop, which keeps the URL object private.
  const url = api.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });

  stack.addOutputs({ ApiFunctionName: api.functionName });
  return { api, url };
}
