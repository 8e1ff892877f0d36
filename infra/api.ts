import { Fn, type Stack } from "aws-cdk-lib";
import { FunctionUrlAuthType } from "aws-cdk-lib/aws-lambda";
import { NagSuppressions } from "cdk-nag";
import { Function, use, type StackContext, type Table as DynamoTable } from "sst/constructs";
import { Email, sendEmailStatements, type EmailResources } from "./email";
import { fileAccessStatements } from "./files";
import { coreEnvironment, functionRoleAndLogs, packageFiles } from "./lambda";
import { NODE_22_REASON } from "./nag";
import { readSettings, type Settings } from "./settings";
import { Table, tableAccessStatements } from "./table";

// The faces certificate PDFs embed (packages/core/src/event/certificate.ts): the whole package,
// 22 faces and 5.5 MB zipped, would be most of the API's upload.
export const CERTIFICATE_FONT_FILES = ["ttf/DejaVuSans.ttf", "ttf/DejaVuSans-Bold.ttf"] as const;

export function Api({ stack, app }: StackContext) {
  const { table, files } = use(Table);
  const email = use(Email);
  const settings = readSettings(app.stage);

  const oneClick = oneClickUnsubscribe(stack, table, email, settings);

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
    // The one-click URL too, so preview and test newsletters carry the same List-Unsubscribe header.
    environment: { ONE_CLICK_UNSUBSCRIBE_URL: oneClick.url, FILES_BUCKET: files.bucketName, ...coreEnvironment(table, email, settings) },
    permissions: [...tableAccessStatements(table), ...sendEmailStatements(email), ...fileAccessStatements(files)],
  });

  NagSuppressions.addResourceSuppressions(api, [{ id: "AwsSolutions-L1", reason: NODE_22_REASON }]);
  // On the role's policy, which SST fills from `permissions` above.
  NagSuppressions.addResourceSuppressions(
    role.node.findChild("DefaultPolicy"),
    [
      {
        id: "AwsSolutions-IAM5",
        appliesTo: [{ regex: "/^Resource::.*Files.*\\/\\*$/g" }],
        reason:
          "Objects of the files bucket only (no bucket-level actions): keys are per upload (photos, logos, " +
          "documents) and unknown until the API creates them; the API checks access before signing any URL.",
      },
    ],
  );

  // Created here rather than via SST's `url` prop, which keeps the URL object private.
  const url = api.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });

  stack.addOutputs({
    ApiFunctionName: api.functionName,
    OneClickUnsubscribeFunctionName: oneClick.fn.functionName,
    OneClickUnsubscribeUrl: oneClick.url,
  });
  return { api, url, oneClickUnsubscribe: oneClick };
}

/**
 * RFC 8058 one-click unsubscribe (packages/functions/src/unsubscribe.ts) on a public function URL of
 * its own: mail providers POST `List-Unsubscribe=One-Click` without cookies and without the
 * x-amz-content-sha256 header CloudFront's origin access control needs to sign a body for the API.
 * `url` is the base (`https://<id>.lambda-url.<region>.on.aws`, no trailing slash) that core puts
 * before `/api/newsletter/unsubscribe?token=…` as ONE_CLICK_UNSUBSCRIBE_URL.
 */
function oneClickUnsubscribe(stack: Stack, table: DynamoTable, email: EmailResources, settings: Settings) {
  const { role, logGroup } = functionRoleAndLogs(
    stack,
    "OneClickUnsubscribe",
    "Vernetzt one-click unsubscribe: finds a subscriber by token hash (gsi2) and marks it unsubscribed; sends nothing",
    settings,
  );
  const fn = new Function(stack, "OneClickUnsubscribe", {
    handler: "packages/functions/src/unsubscribe.handler",
    runtime: "nodejs22.x",
    architecture: "arm_64",
    // One indexed Query and one UpdateItem per request: no hashing, so the smallest sensible size.
    memorySize: "256 MB",
    timeout: "10 seconds",
    // X-Ray would need a Resource "*" grant for traces nobody reads.
    tracing: "disabled",
    role,
    logGroup,
    nodejs: { format: "esm", minify: true },
    environment: coreEnvironment(table, email, settings),
    // unsubscribeByToken: Query byToken on gsi2, then an ElectroDB patch (a conditional UpdateItem).
    permissions: tableAccessStatements(table, ["dynamodb:Query", "dynamodb:UpdateItem"], ["gsi2"]),
    // Opt-in: reserving concurrency caps what a flood of this public URL can cost and keeps it from
    // starving the API, but a new account (concurrency quota as low as 10) cannot reserve any and the
    // deploy would fail. Without it a request costs one Query and at most one UpdateItem, a malformed
    // token not even that.
    reservedConcurrentExecutions: settings.oneClickReservedConcurrency,
  });
  NagSuppressions.addResourceSuppressions(fn, [{ id: "AwsSolutions-L1", reason: NODE_22_REASON }]);

  // Public by design (RFC 8058 senders cannot authenticate): the secret token in the query is the only
  // authority, and the handler can do nothing but unsubscribe its holder. No CORS: browsers never call it.
  const functionUrl = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

  // The URL ends in "/"; "https:", "", host, "" once split on "/".
  const url = Fn.join("", ["https://", Fn.select(2, Fn.split("/", functionUrl.url))]);
  return { fn, functionUrl, url };
}
