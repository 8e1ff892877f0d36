import { RemovalPolicy } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { FunctionUrlAuthType } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { NagSuppressions } from "cdk-nag";
import { Function, use, type StackContext } from "sst/constructs";
import { Email, sendEmailStatements } from "./email";
import { NODE_22_REASON } from "./nag";
import { readSettings } from "./settings";
import { Table, tableAccessStatements } from "./table";

export function Api({ stack, app }: StackContext) {
  const { table } = use(Table);
  const email = use(Email);
  const settings = readSettings(app.stage);

  // Logs can hold e-mail addresses: keep them briefly and drop them with a non-prod stage.
  const logGroup = new LogGroup(stack, "ApiLogs", {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: settings.isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  // An own role so the function gets no AWS managed policy, only the grants below.
  const role = new Role(stack, "ApiRole", {
    assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
    description: "Vernetzt API: its table, its SES sender, its log group",
  });
  logGroup.grantWrite(role);

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
    environment: {
      TABLE_NAME: table.tableName,
      MAIL_FROM: email.mailFrom,
      SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      APP_ORIGIN: settings.appOrigin,
      VERNETZT_MODE: "aws",
    },
    permissions: [...tableAccessStatements(table), ...sendEmailStatements(email)],
  });

  NagSuppressions.addResourceSuppressions(api, [{ id: "AwsSolutions-L1", reason: NODE_22_REASON }]);

  // Created here rather than via SST's `url` prop, which keeps the URL object private.
  const url = api.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });

  stack.addOutputs({ ApiFunctionName: api.functionName });
  return { api, url };
}
