import { LAMBDA_NODEJS } from "../bundling";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, test } from "vitest";
import { ROOT, synthesize, type StackKey, type Synthesized } from "./synth";

// Synthesized once per stage and shared: a synth takes seconds, the assertions microseconds.
let dev: Synthesized;
let prod: Synthesized;

beforeAll(async () => {
  dev = await synthesize("test", { MAIL_FROM: "Vernetzt Test <noreply@example.org>" });
  prod = await synthesize("prod", {
    MAIL_DOMAIN: "example.org",
    APP_DOMAIN: "vernetzt.example.org",
    APP_HOSTED_ZONE: "example.org",
    SES_RATE_PER_SECOND: "50",
    NEWSLETTER_UNSUBSCRIBE_MAILTO: "Abmelden@Example.org",
    ONE_CLICK_RESERVED_CONCURRENCY: "5",
  });
});

type Resource = { Type: string; Properties?: any; Metadata?: any; DeletionPolicy?: string };
type Statement = {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Principal?: unknown;
  Condition?: any;
};

function resources(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type) as Record<string, Resource>);
}

function only(template: Template, type: string): [string, Resource] {
  const found = resources(template, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

function actions(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

function resourceList(statement: Statement): string[] {
  const list = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
  return list.map((resource) => JSON.stringify(resource));
}

/** The Api stack's function with logical id `<id><hash>`, SST's naming. */
function apiStackFunction(template: Template, id: string): [string, Resource] {
  const found = resources(template, "AWS::Lambda::Function").filter(([logicalId]) =>
    new RegExp(`^${id}[0-9A-F]{8}$`).test(logicalId),
  );
  expect(found, id).toHaveLength(1);
  return found[0]!;
}

const apiFunction = (template: Template) => apiStackFunction(template, "Api");
const oneClickFunction = (template: Template) => apiStackFunction(template, "OneClickUnsubscribe");

/** The function URL of the function `fnId`, which must have exactly one. */
function functionUrlOf(template: Template, fnId: string): [string, Resource] {
  const found = resources(template, "AWS::Lambda::Url").filter(
    ([, url]) => url.Properties.TargetFunctionArn["Fn::GetAtt"]?.[0] === fnId,
  );
  expect(found, fnId).toHaveLength(1);
  return found[0]!;
}

/**
 * Evaluates the few intrinsics a URL expression uses, with `leaf` giving the value of a GetAtt or
 * ImportValue, so a test can check what the expression turns a function URL into.
 */
function evaluate(value: unknown, leaf: (node: Record<string, unknown>) => string): any {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((item) => evaluate(item, leaf));
  const node = value as Record<string, any>;
  if ("Fn::Join" in node) {
    const [separator, parts] = node["Fn::Join"];
    return (evaluate(parts, leaf) as string[]).join(separator);
  }
  if ("Fn::Select" in node) {
    const [index, list] = node["Fn::Select"];
    return (evaluate(list, leaf) as string[])[Number(evaluate(index, leaf))];
  }
  if ("Fn::Split" in node) {
    const [separator, source] = node["Fn::Split"];
    return (evaluate(source, leaf) as string).split(separator);
  }
  return leaf(node);
}

// What CloudFormation's FunctionUrl attribute looks like: with a trailing slash.
const SAMPLE_FUNCTION_URL = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws/";

/** Statements of every policy attached to the API function's role. */
function apiStatements(template: Template): Statement[] {
  return roleStatements(template, apiFunction(template)[1]);
}

/** Statements of every policy attached to the role of `fn`. */
function roleStatements(template: Template, fn: Resource): Statement[] {
  const roleId: string = fn.Properties.Role["Fn::GetAtt"][0];
  return resources(template, "AWS::IAM::Policy")
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

interface ScheduledJob {
  rule: Resource;
  ruleId: string;
  fnId: string;
  fn: Resource;
}

/** The Jobs stack's rule with `schedule` and the one function it targets. */
function scheduled(template: Template, schedule: string): ScheduledJob {
  const found = resources(template, "AWS::Events::Rule").filter(
    ([, rule]) => rule.Properties.ScheduleExpression === schedule,
  );
  expect(found, schedule).toHaveLength(1);
  const [ruleId, rule] = found[0]!;
  expect(rule.Properties.Targets).toHaveLength(1);
  const fnId: string = rule.Properties.Targets[0].Arn["Fn::GetAtt"][0];
  const fn = template.toJSON().Resources[fnId] as Resource;
  expect(fn.Type).toBe("AWS::Lambda::Function");
  return { rule, ruleId, fnId, fn };
}

const reminders = (template: Template) => scheduled(template, "rate(1 hour)");
const newsletter = (template: Template) => scheduled(template, "rate(5 minutes)");
const forumNotifications = (template: Template) => scheduled(template, "rate(15 minutes)");
const programmeReminders = (template: Template) => scheduled(template, "rate(6 hours)");
const messageNotices = (template: Template) => scheduled(template, "rate(10 minutes)");
const guestRetention = (template: Template) => scheduled(template, "rate(1 day)");

/** The job function `<id>Job` (jobFunction's naming), whatever triggers it. */
function jobFunctionOf(template: Template, id: string): { fnId: string; fn: Resource } {
  const found = resources(template, "AWS::Lambda::Function").filter(([logicalId]) =>
    new RegExp(`^${id}Job[0-9A-F]{8}$`).test(logicalId),
  );
  expect(found, id).toHaveLength(1);
  const [fnId, fn] = found[0]!;
  return { fnId, fn };
}

const sesFeedback = (template: Template) => jobFunctionOf(template, "SesFeedback");

/** Every job function of the stack: the two scheduled ones and the SNS-triggered one. */
function allJobs(template: Template): [string, { fnId: string; fn: Resource }][] {
  return [
    ["reminders", reminders(template)],
    ["newsletter", newsletter(template)],
    ["forum-notifications", forumNotifications(template)],
    ["programme-reminders", programmeReminders(template)],
    ["message-notices", messageNotices(template)],
    ["guest-retention", guestRetention(template)],
    ["ses-feedback", sesFeedback(template)],
  ];
}

function dynamoActions(statements: Statement[]): string[] {
  return statements
    .flatMap(actions)
    .filter((a) => a.startsWith("dynamodb:"))
    .sort();
}

/**
 * The role of `fn` may do exactly `expected` on the table (Query on it and its two GSIs, every
 * other action on the table itself) and write its logs; `ses` are its only other actions.
 */
function expectTableGrant(
  stage: Synthesized,
  fn: Resource,
  expected: string[],
  ses: string[],
  { template = stage.templates.jobs, queryIndexes = ["gsi1", "gsi2"] }: { template?: Template; queryIndexes?: string[] } = {},
): void {
  const statements = roleStatements(template, fn);
  const allowed = statements.flatMap(actions);
  expect(allowed.sort()).toEqual([...expected, ...ses, "logs:CreateLogStream", "logs:PutLogEvents"].sort());
  expect(allowed.filter((a) => a.includes("*"))).toEqual([]);
  expect(allowed).not.toContain("dynamodb:Scan");
  expect(statements.every((s) => s.Effect === "Allow")).toBe(true);

  const dynamo = statements.filter((s) => actions(s).some((a) => a.startsWith("dynamodb:")));
  for (const statement of dynamo) {
    for (const resource of resourceList(statement)) {
      expect(resource).toMatch(new RegExp(`${stage.stage}-vernetzt-Table:.*DataTable.*Arn`));
      expect(resource).not.toContain("*");
    }
  }
  const query = dynamo.find((s) => actions(s).includes("dynamodb:Query"));
  if (expected.includes("dynamodb:Query")) {
    expect(actions(query!)).toEqual(["dynamodb:Query"]);
    expect(resourceList(query!)).toEqual([
      expect.not.stringContaining("/index/"),
      ...queryIndexes.map((index) => expect.stringContaining(`/index/${index}"`)),
    ]);
  }
  for (const statement of dynamo.filter((s) => s !== query)) {
    expect(resourceList(statement).some((r) => r.includes("/index/"))).toBe(false);
  }
}

/**
 * `job` has every variable the API function shares with all functions (all but its
 * ONE_CLICK_UNSUBSCRIBE_URL, which only mail senders read) with the same value, plus exactly `extra`.
 */
function expectApiEnvironmentPlus(job: Record<string, unknown>, api: Record<string, unknown>, extra: string[]): void {
  // Only the API signs file URLs, so only it knows the bucket.
  const { ONE_CLICK_UNSUBSCRIBE_URL: oneClickUrl, FILES_BUCKET: filesBucket, ...shared } = api;
  expect(oneClickUrl, "the API's ONE_CLICK_UNSUBSCRIBE_URL").toBeDefined();
  expect(filesBucket, "the API's FILES_BUCKET").toBeDefined();
  expect(Object.keys(job).sort()).toEqual([...Object.keys(shared), ...extra].sort());
  for (const [name, value] of Object.entries(shared)) expect(job[name], name).toEqual(value);
}

/** The one-click function URL's `FunctionUrl` attribute, the only leaf of `expression` (same stack). */
function expectOneClickBase(stage: Synthesized, expression: unknown): void {
  const [fnId] = oneClickFunction(stage.templates.api);
  const [urlId] = functionUrlOf(stage.templates.api, fnId);
  const resolved = evaluate(expression, (node) => {
    expect(node).toEqual({ "Fn::GetAtt": [urlId, "FunctionUrl"] });
    return SAMPLE_FUNCTION_URL;
  });
  expect(resolved).toBe(SAMPLE_FUNCTION_URL.replace(/\/$/, ""));
}

type Outputs = Record<string, { Value: unknown; Export?: { Name: string } }>;

/**
 * The same from another stack: `expression` with each Fn::ImportValue replaced by what the Api stack
 * exports under that name must be the Api stack's own expression.
 */
function expectImportedOneClickBase(stage: Synthesized, expression: unknown): void {
  const outputs = stage.templates.api.toJSON().Outputs as Outputs;
  expect(JSON.stringify(expression)).toContain('"Fn::ImportValue"');
  expectOneClickBase(stage, withImportsResolved(expression, outputs));
}

function withImportsResolved(expression: unknown, outputs: Outputs): unknown {
  if (Array.isArray(expression)) return expression.map((item) => withImportsResolved(item, outputs));
  if (expression === null || typeof expression !== "object") return expression;
  const node = expression as Record<string, unknown>;
  if ("Fn::ImportValue" in node) {
    const exported = Object.values(outputs).filter((output) => output.Export?.Name === node["Fn::ImportValue"]);
    expect(exported, String(node["Fn::ImportValue"])).toHaveLength(1);
    return exported[0]!.Value;
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withImportsResolved(value, outputs)]));
}

/** The Email stack's bounce and complaint topic. */
function feedbackTopic(template: Template): [string, Resource] {
  return only(template, "AWS::SNS::Topic");
}

function sesResources(statements: Statement[]): string[] {
  return statements.filter((s) => actions(s).some((a) => a.startsWith("ses:"))).flatMap(resourceList);
}

function distributionConfig(template: Template): any {
  return only(template, "AWS::CloudFront::Distribution")[1].Properties.DistributionConfig;
}

describe("Table stack", () => {
  test("one table keyed pk/sk with GSIs gsi1 and gsi2 projecting all attributes", () => {
    only(dev.templates.table, "AWS::DynamoDB::Table");
    dev.templates.table.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      AttributeDefinitions: ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"].map((name) => ({
        AttributeName: name,
        AttributeType: "S",
      })),
      GlobalSecondaryIndexes: ["gsi1", "gsi2"].map((index) => ({
        IndexName: index,
        KeySchema: [
          { AttributeName: `${index}pk`, KeyType: "HASH" },
          { AttributeName: `${index}sk`, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    });
  });

  test("bills per request, keeps point-in-time recovery and expires items by `ttl`", () => {
    dev.templates.table.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true },
    });
  });

  test("outside prod the table goes with the stage", () => {
    dev.templates.table.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  test("in prod the table is retained and deletion-protected", () => {
    prod.templates.table.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true, TableName: "prod-vernetzt-Data" }),
    });
  });
});

describe("Files bucket (Table stack)", () => {
  test("is private, encrypted, TLS-only and unversioned, so deleted files are gone", () => {
    const [, bucket] = only(dev.templates.table, "AWS::S3::Bucket");
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe("AES256");
    expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
    const [, policy] = only(dev.templates.table, "AWS::S3::BucketPolicy");
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  test("drops unclaimed uploads after a day and lets only the app's origin use it from a browser", () => {
    const [, prodBucket] = only(prod.templates.table, "AWS::S3::Bucket");
    expect(prodBucket.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: "incoming/", ExpirationInDays: 1, Status: "Enabled" }),
    );
    expect(prodBucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ["PUT", "GET"], AllowedOrigins: ["https://vernetzt.example.org"] }),
    ]);
    expect(prod.templates.table.toJSON().Resources[only(prod.templates.table, "AWS::S3::Bucket")[0]].DeletionPolicy).toBe("Retain");
  });

  test("the API may read, write and delete its objects and nothing else of S3; the API knows the bucket", () => {
    const s3Statements = (resources(dev.templates.api, "AWS::IAM::Policy") as [string, Resource][])
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => actions(statement).some((action) => action.startsWith("s3:")));
    expect(s3Statements).toHaveLength(1);
    expect(actions(s3Statements[0]!).sort()).toEqual(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]);
    expect(resourceList(s3Statements[0]!).join()).toMatch(/Files.*\/\*/);
    const [, fn] = apiFunction(dev.templates.api);
    expect(fn.Properties.Environment.Variables.FILES_BUCKET).toEqual({ "Fn::ImportValue": expect.stringMatching(/^test-vernetzt-Table:.*Files/) });
  });
});

describe("Email stack", () => {
  test("a configuration set suppresses bounced and complaining recipients", () => {
    dev.templates.email.hasResourceProperties("AWS::SES::ConfigurationSet", {
      Name: "test-vernetzt-mail",
      SuppressionOptions: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
    });
  });

  test("without MAIL_DOMAIN outside prod no SES identity is created; MAIL_FROM is used as given", () => {
    dev.templates.email.resourceCountIs("AWS::SES::EmailIdentity", 0);
    dev.templates.email.hasOutput("MailFrom", { Value: "Vernetzt Test <noreply@example.org>" });
  });

  test("in prod the MAIL_DOMAIN identity uses the configuration set and its DKIM records are output", () => {
    const [configurationSetId, configurationSet] = only(prod.templates.email, "AWS::SES::ConfigurationSet");
    expect(configurationSet.Properties.Name).toBe("prod-vernetzt-mail");
    prod.templates.email.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: "example.org",
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
    for (const n of [1, 2, 3]) prod.templates.email.hasOutput(`DkimCname${n}`, {});
    prod.templates.email.hasOutput("MailFrom", { Value: "Vernetzt <noreply@example.org>" });
  });

  test("the configuration set publishes exactly bounces and complaints, to the feedback topic only", () => {
    for (const stage of [dev, prod]) {
      const [configurationSetId] = only(stage.templates.email, "AWS::SES::ConfigurationSet");
      const [topicId, topic] = feedbackTopic(stage.templates.email);
      expect(topic.Properties.TopicName).toBe(`${stage.stage}-vernetzt-mail-feedback`);
      const [, destination] = only(stage.templates.email, "AWS::SES::ConfigurationSetEventDestination");
      expect(destination.Properties).toEqual({
        ConfigurationSetName: { Ref: configurationSetId },
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ["bounce", "complaint"],
          SnsDestination: { TopicARN: { Ref: topicId } },
        },
      });
    }
  });

  test("only SES, for this account's configuration set, may publish to the topic, and only over TLS", () => {
    for (const stage of [dev, prod]) {
      const [configurationSetId] = only(stage.templates.email, "AWS::SES::ConfigurationSet");
      const [topicId] = feedbackTopic(stage.templates.email);
      const [, policy] = only(stage.templates.email, "AWS::SNS::TopicPolicy");
      expect(policy.Properties.Topics).toEqual([{ Ref: topicId }]);
      const statements = policy.Properties.PolicyDocument.Statement as Statement[];
      expect(statements).toHaveLength(2);

      const allows = statements.filter((s) => s.Effect === "Allow");
      expect(allows).toHaveLength(1);
      const allow = allows[0]!;
      expect(allow).toMatchObject({
        Principal: { Service: "ses.amazonaws.com" },
        Action: "sns:Publish",
        Resource: { Ref: topicId },
      });
      expect(Object.keys(allow.Condition)).toEqual(["StringEquals"]);
      const { "AWS:SourceAccount": account, "AWS:SourceArn": sourceArn, ...rest } = allow.Condition.StringEquals;
      expect(rest).toEqual({});
      expect(account).toEqual(expect.any(String));
      expect(account).not.toBe("");
      expect(JSON.stringify(sourceArn)).toContain(`:ses:eu-central-1:${account}:configuration-set/`);
      expect(JSON.stringify(sourceArn)).toContain(`{"Ref":"${configurationSetId}"}`);

      const deny = statements.find((s) => s.Effect === "Deny")!;
      expect(deny).toMatchObject({
        Principal: "*",
        Action: "sns:Publish",
        Resource: { Ref: topicId },
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
    }
  });

  test("the topic is encrypted with an own rotating key that SES may use for this account and topic only", () => {
    for (const stage of [dev, prod]) {
      const [keyId, key] = only(stage.templates.email, "AWS::KMS::Key");
      const [, topic] = feedbackTopic(stage.templates.email);
      expect(topic.Properties.TopicName).toBe(`${stage.stage}-vernetzt-mail-feedback`);
      expect(topic.Properties.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [keyId, "Arn"] });
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe(stage === prod ? "Retain" : "Delete");

      const statements = key.Properties.KeyPolicy.Statement as Statement[];
      const services = statements.filter((s) => JSON.stringify(s.Principal).includes("Service"));
      expect(services).toHaveLength(1);
      const ses = services[0]!;
      expect(ses).toMatchObject({ Effect: "Allow", Principal: { Service: "ses.amazonaws.com" }, Resource: "*" });
      expect(actions(ses).sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey*"]);
      const [topicId] = feedbackTopic(stage.templates.email);
      expect(ses.Condition).toEqual({
        StringEquals: {
          "aws:SourceAccount": expect.any(String),
          "kms:EncryptionContext:aws:sns:topicArn": expect.anything(),
        },
      });
      // The same ARN CloudFormation gives the topic, written out (a Ref would be circular).
      const arn = JSON.stringify(ses.Condition.StringEquals["kms:EncryptionContext:aws:sns:topicArn"]);
      const account = ses.Condition.StringEquals["aws:SourceAccount"];
      expect(arn).toContain(`:sns:eu-central-1:${account}:${stage.stage}-vernetzt-mail-feedback"`);
      expect(arn).not.toContain(topicId);
      // The rest is CDK's default: the account's own IAM decides who else may use the key.
      for (const other of statements.filter((s) => s !== ses)) {
        expect(JSON.stringify(other.Principal)).toMatch(/:root"/);
      }
    }
  });
});

describe("Api stack", () => {
  test("SST builds the Hono handler for nodejs22.x on arm64", () => {
    expect(dev.apiProps).toMatchObject({
      handler: "packages/functions/src/lambda.handler",
      runtime: "nodejs22.x",
      architecture: "arm_64",
    });
    const [, fn] = apiFunction(dev.templates.api);
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
  });

  test("every function is bundled with the options the bench measures: ESM, minified, split at dynamic imports", () => {
    for (const props of [dev.apiProps, dev.oneClickProps, dev.remindersProps, dev.newsletterProps, dev.sesFeedbackProps]) {
      expect(props?.nodejs).toEqual(LAMBDA_NODEJS);
    }
    expect(LAMBDA_NODEJS).toMatchObject({ format: "esm", minify: true, splitting: true });
  });

  test("has room for scrypt: 1024 MB and 15 s", () => {
    const [, fn] = apiFunction(dev.templates.api);
    expect(fn.Properties).toMatchObject({ MemorySize: 1024, Timeout: 15 });
  });

  test("receives table, sender, configuration set, origin and mode through its environment", () => {
    const [, fn] = apiFunction(dev.templates.api);
    expect(fn.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { "Fn::ImportValue": expect.stringMatching(/^test-vernetzt-Table:.*Ref.*DataTable/) },
      MAIL_FROM: "Vernetzt Test <noreply@example.org>",
      SES_CONFIGURATION_SET: { "Fn::ImportValue": expect.stringMatching(/^test-vernetzt-Email:.*ConfigurationSet/) },
      APP_ORIGIN: "",
      VERNETZT_MODE: "aws",
    });
    const [, prodFn] = apiFunction(prod.templates.api);
    expect(prodFn.Properties.Environment.Variables).toMatchObject({
      APP_ORIGIN: "https://vernetzt.example.org",
      MAIL_FROM: "Vernetzt <noreply@example.org>",
    });
  });

  test("is reachable only through an IAM-authorised function URL, without CORS", () => {
    for (const stage of [dev, prod]) {
      const [fnId] = apiFunction(stage.templates.api);
      const [, url] = functionUrlOf(stage.templates.api, fnId);
      expect(url.Properties).toEqual({ AuthType: "AWS_IAM", TargetFunctionArn: { "Fn::GetAtt": [fnId, "Arn"] } });
      // Only CloudFront (Web stack) may invoke it; the stack's own permissions are the one-click URL's.
      const own = resources(stage.templates.api, "AWS::Lambda::Permission").filter(
        ([, p]) => JSON.stringify(p.Properties.FunctionName).includes(`"${fnId}"`),
      );
      expect(own).toEqual([]);
    }
  });

  test("puts the one-click function URL, without its trailing slash, in ONE_CLICK_UNSUBSCRIBE_URL", () => {
    for (const stage of [dev, prod]) {
      const variables = apiFunction(stage.templates.api)[1].Properties.Environment.Variables;
      expectOneClickBase(stage, variables.ONE_CLICK_UNSUBSCRIBE_URL);
      expectOneClickBase(stage, stage.templates.api.toJSON().Outputs.OneClickUnsubscribeUrl.Value);
    }
  });

  test("its role carries no managed policy and no wildcard or Scan action", () => {
    const [, fn] = apiFunction(dev.templates.api);
    const roleId: string = fn.Properties.Role["Fn::GetAtt"][0];
    const apiRole = dev.templates.api.toJSON().Resources[roleId];
    expect(apiRole.Properties.ManagedPolicyArns).toBeUndefined();
    for (const stage of [dev, prod]) {
      const allActions = apiStatements(stage.templates.api).flatMap(actions);
      expect(allActions).not.toContain("dynamodb:Scan");
      expect(allActions.filter((action) => action.includes("*"))).toEqual([]);
    }
  });

  test("DynamoDB access is the listed item, transaction and query actions on the table and its GSIs only, and the table's size for the usage page", () => {
    const dynamo = apiStatements(dev.templates.api).filter((s) => actions(s).some((a) => a.startsWith("dynamodb:")));
    expect(dynamo.flatMap(actions).sort()).toEqual(
      [
        "dynamodb:BatchGetItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:DeleteItem",
        "dynamodb:DescribeTable",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:TransactGetItems",
        "dynamodb:TransactWriteItems",
        "dynamodb:UpdateItem",
      ].sort(),
    );
    for (const statement of dynamo) {
      for (const resource of resourceList(statement)) {
        expect(resource).toMatch(/test-vernetzt-Table:.*DataTable.*Arn/);
        expect(resource).not.toContain("*");
      }
    }
    const query = dynamo.find((s) => actions(s).includes("dynamodb:Query"))!;
    expect(resourceList(query).filter((r) => r.includes("/index/"))).toEqual([
      expect.stringContaining("/index/gsi1"),
      expect.stringContaining("/index/gsi2"),
    ]);
  });

  test("SES sending is limited to the sender identity and the configuration set", () => {
    const check = (stage: Synthesized, identities: RegExp[]) => {
      const ses = apiStatements(stage.templates.api).filter((s) => actions(s).some((a) => a.startsWith("ses:")));
      expect(ses.flatMap(actions).sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
      const granted = ses.flatMap(resourceList);
      expect(granted).toHaveLength(identities.length + 1);
      for (const identity of identities) expect(granted.some((r) => identity.test(r))).toBe(true);
      expect(granted.some((r) => /:configuration-set\/.*ConfigurationSet/.test(r))).toBe(true);
      for (const resource of granted) expect(resource).not.toContain("*");
    };
    check(dev, [/:identity\/noreply@example\.org"/, /:identity\/example\.org"/]);
    check(prod, [/:identity\/.*DomainIdentity/]);
  });

  test("its logs are kept for 30 days", () => {
    const [, fn] = apiFunction(dev.templates.api);
    const logGroupId: string = fn.Properties.LoggingConfig.LogGroup.Ref;
    expect(fn.Properties.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
    const logGroup = dev.templates.api.toJSON().Resources[logGroupId] as Resource;
    expect(logGroup.Type).toBe("AWS::Logs::LogGroup");
    expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  test("ships the dejavu-fonts-ttf faces certificates use, copied from the lockfile's installed version", () => {
    const copied = dev.apiProps?.copyFiles ?? [];
    expect(copied.map((file) => file.to).sort()).toEqual(
      [
        "node_modules/dejavu-fonts-ttf/LICENSE",
        "node_modules/dejavu-fonts-ttf/package.json",
        "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
        "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      ].sort(),
    );
    // Copied by the build, not fetched by npm: no network at deploy and the lockfile's version.
    expect(dev.apiProps?.nodejs?.install ?? []).toEqual([]);
    for (const file of copied) expect(path.isAbsolute(file.from), file.from).toBe(false);
    const manifest = copied.find((file) => file.to === "node_modules/dejavu-fonts-ttf/package.json")!;
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
    expect(JSON.parse(readFileSync(path.join(ROOT, manifest.from), "utf8")).version).toBe(
      lock.packages[path.posix.dirname(manifest.from)].version,
    );
  });

  test("every dejavu-fonts-ttf file that core or functions resolves is found from the API bundle", () => {
    // Lay the files out as SST does (bundle under the handler's path, copyFiles relative to the
    // package root) and resolve each specifier the source uses from the bundle, like Lambda will.
    const specifiers = new Set<string>();
    for (const dir of ["packages/core/src", "packages/functions/src"]) {
      for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })) {
        if (!/\.tsx?$/.test(entry)) continue;
        const source = readFileSync(path.join(ROOT, dir, entry), "utf8");
        for (const match of source.matchAll(/["'](dejavu-fonts-ttf\/[^"']+)["']/g)) specifiers.add(match[1]!);
      }
    }
    expect(specifiers.size).toBeGreaterThan(0);

    const out = mkdtempSync(path.join(tmpdir(), "vernetzt-api-bundle-"));
    try {
      for (const file of dev.apiProps?.copyFiles ?? []) cpSync(path.join(ROOT, file.from), path.join(out, file.to!));
      const bundle = path.join(out, dev.apiProps!.handler!.replace(/\.[^.]+$/, ".mjs"));
      const require = createRequire(bundle);
      for (const specifier of specifiers) {
        expect(require.resolve(specifier), specifier).toBe(path.join(out, "node_modules", specifier));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("One-click unsubscribe (Api stack)", () => {
  test("SST builds the one-click handler for nodejs22.x on arm64, with 256 MB and 10 s", () => {
    expect(readFileSync(path.join(ROOT, "packages/functions/src/unsubscribe.ts"), "utf8")).toMatch(
      /^export const handler = /m,
    );
    for (const stage of [dev, prod]) {
      expect(stage.oneClickProps).toMatchObject({
        handler: "packages/functions/src/unsubscribe.handler",
        runtime: "nodejs22.x",
        architecture: "arm_64",
        nodejs: { format: "esm" },
      });
      const [, fn] = oneClickFunction(stage.templates.api);
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        MemorySize: 256,
        Timeout: 10,
      });
      expect(fn.Properties.TracingConfig).toBeUndefined();
    }
  });

  test("is public through a function URL of its own, with auth type NONE and no CORS", () => {
    for (const stage of [dev, prod]) {
      const [fnId] = oneClickFunction(stage.templates.api);
      const [, url] = functionUrlOf(stage.templates.api, fnId);
      expect(url.Properties).toEqual({ AuthType: "NONE", TargetFunctionArn: { "Fn::GetAtt": [fnId, "Arn"] } });
      expect(resources(stage.templates.api, "AWS::Lambda::Url")).toHaveLength(2);
    }
  });

  test("anyone may invoke it, but only through its function URL", () => {
    for (const stage of [dev, prod]) {
      const [fnId] = oneClickFunction(stage.templates.api);
      const permissions = resources(stage.templates.api, "AWS::Lambda::Permission").map(([, p]) => p.Properties);
      expect(permissions).toEqual(
        expect.arrayContaining([
          {
            Action: "lambda:InvokeFunctionUrl",
            FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
            FunctionUrlAuthType: "NONE",
            Principal: "*",
          },
          {
            Action: "lambda:InvokeFunction",
            FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
            InvokedViaFunctionUrl: true,
            Principal: "*",
          },
        ]),
      );
      expect(permissions).toHaveLength(2);
    }
  });

  test("may only query the table and gsi2 and update items, and write its logs: no Scan, no SES", () => {
    for (const stage of [dev, prod]) {
      const [, fn] = oneClickFunction(stage.templates.api);
      expectTableGrant(stage, fn, ["dynamodb:Query", "dynamodb:UpdateItem"], [], {
        template: stage.templates.api,
        queryIndexes: ["gsi2"],
      });
      expect(sesResources(roleStatements(stage.templates.api, fn))).toEqual([]);
    }
  });

  test("has its own role without managed policies and its own log group kept 30 days", () => {
    for (const stage of [dev, prod]) {
      const [, fn] = oneClickFunction(stage.templates.api);
      const roleId: string = fn.Properties.Role["Fn::GetAtt"][0];
      expect(roleId).not.toBe(apiFunction(stage.templates.api)[1].Properties.Role["Fn::GetAtt"][0]);
      const role = stage.templates.api.toJSON().Resources[roleId] as Resource;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain("lambda.amazonaws.com");
      const logGroupId: string = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(logGroupId).not.toBe(apiFunction(stage.templates.api)[1].Properties.LoggingConfig.LogGroup.Ref);
      const logGroup = stage.templates.api.toJSON().Resources[logGroupId] as Resource;
      expect(logGroup.Properties.RetentionInDays).toBe(30);
      expect(logGroup.DeletionPolicy).toBe(stage === prod ? "Retain" : "Delete");
    }
  });

  test("gets core's environment like every function, and no one-click URL of its own", () => {
    for (const stage of [dev, prod]) {
      const api = apiFunction(stage.templates.api)[1].Properties.Environment.Variables;
      const [, fn] = oneClickFunction(stage.templates.api);
      expectApiEnvironmentPlus(fn.Properties.Environment.Variables, api, []);
    }
  });

  test("reserves concurrency only when ONE_CLICK_RESERVED_CONCURRENCY asks, as small accounts cannot", () => {
    expect(oneClickFunction(dev.templates.api)[1].Properties.ReservedConcurrentExecutions).toBeUndefined();
    expect(oneClickFunction(prod.templates.api)[1].Properties.ReservedConcurrentExecutions).toBe(5);
    expect(apiFunction(prod.templates.api)[1].Properties.ReservedConcurrentExecutions).toBeUndefined();
  });
});

describe("Jobs stack", () => {
  const JOB_ENVIRONMENT = ["TABLE_NAME", "MAIL_FROM", "SES_CONFIGURATION_SET", "APP_ORIGIN", "VERNETZT_MODE"];
  const RETRY = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 };

  test("EventBridge runs reminders hourly, the newsletter every 5, forum digests every 15 and message notices every 10 minutes, programme reminders every 6 hours, guest retention daily, nothing else", () => {
    expect(resources(dev.templates.jobs, "AWS::Events::Rule")).toHaveLength(6);
    for (const { rule, ruleId, fnId } of [reminders(dev.templates.jobs), newsletter(dev.templates.jobs), forumNotifications(dev.templates.jobs), programmeReminders(dev.templates.jobs), messageNotices(dev.templates.jobs), guestRetention(dev.templates.jobs)]) {
      expect(rule.Properties.State).toBe("ENABLED");
      const permissions = resources(dev.templates.jobs, "AWS::Lambda::Permission").filter(
        ([, p]) => p.Properties.FunctionName["Fn::GetAtt"]?.[0] === fnId,
      );
      expect(permissions.map(([, p]) => p.Properties)).toEqual([
        {
          Action: "lambda:InvokeFunction",
          FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
          Principal: "events.amazonaws.com",
          SourceArn: { "Fn::GetAtt": [ruleId, "Arn"] },
        },
      ]);
    }
    expect(new Set([reminders, newsletter, forumNotifications, programmeReminders, messageNotices, guestRetention].map((job) => job(dev.templates.jobs).fnId)).size).toBe(6);
  });

  test("SST builds the reminder handler for nodejs22.x on arm64, with 512 MB and 5 minutes", () => {
    expect(dev.remindersProps).toMatchObject({
      handler: "packages/functions/src/jobs/reminders.handler",
      runtime: "nodejs22.x",
      architecture: "arm_64",
      nodejs: { format: "esm" },
    });
    const { fn } = reminders(dev.templates.jobs);
    expect(fn.Properties).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      MemorySize: 512,
      Timeout: 300,
    });
  });

  test("SST builds the newsletter handler for nodejs22.x on arm64, with 512 MB and 15 minutes", () => {
    expect(dev.newsletterProps).toMatchObject({
      handler: "packages/functions/src/jobs/newsletter.handler",
      runtime: "nodejs22.x",
      architecture: "arm_64",
      nodejs: { format: "esm" },
    });
    const { fn } = newsletter(dev.templates.jobs);
    expect(fn.Properties).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      MemorySize: 512,
      Timeout: 900,
    });
  });

  test("overlapping newsletter runs are safe, so no job reserves concurrency", () => {
    for (const [name, { fn }] of allJobs(dev.templates.jobs)) {
      expect(fn.Properties.ReservedConcurrentExecutions, name).toBeUndefined();
    }
  });

  test("SST builds the SES feedback handler for nodejs22.x on arm64, with 256 MB and 30 s", () => {
    expect(dev.sesFeedbackProps).toMatchObject({
      handler: "packages/functions/src/jobs/ses-feedback.handler",
      runtime: "nodejs22.x",
      architecture: "arm_64",
      nodejs: { format: "esm" },
    });
    const { fn } = sesFeedback(dev.templates.jobs);
    expect(fn.Properties).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      MemorySize: 256,
      Timeout: 30,
    });
  });

  test("a failed run is retried at most twice and never after an hour, by EventBridge and by Lambda", () => {
    for (const { rule } of [reminders(dev.templates.jobs), newsletter(dev.templates.jobs), forumNotifications(dev.templates.jobs), programmeReminders(dev.templates.jobs), messageNotices(dev.templates.jobs), guestRetention(dev.templates.jobs)]) {
      expect(rule.Properties.Targets[0].RetryPolicy).toEqual(RETRY);
    }
    const configs = resources(dev.templates.jobs, "AWS::Lambda::EventInvokeConfig").map(([, c]) => c.Properties);
    expect(configs).toHaveLength(7);
    for (const [name, { fnId }] of allJobs(dev.templates.jobs)) {
      const config = configs.find((c) => c.FunctionName.Ref === fnId);
      expect(config, name).toMatchObject(RETRY);
    }
  });

  test("reminder and feedback jobs get exactly the API's table, sender, configuration set, origin and mode", () => {
    for (const stage of [dev, prod]) {
      const api = apiFunction(stage.templates.api)[1].Properties.Environment.Variables;
      for (const name of JOB_ENVIRONMENT) expect(api[name], name).toBeDefined();
      for (const { fn } of [reminders(stage.templates.jobs), programmeReminders(stage.templates.jobs), sesFeedback(stage.templates.jobs)]) {
        expectApiEnvironmentPlus(fn.Properties.Environment.Variables, api, []);
      }
    }
    expect(reminders(prod.templates.jobs).fn.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { "Fn::ImportValue": expect.stringMatching(/^prod-vernetzt-Table:.*Ref.*DataTable/) },
      APP_ORIGIN: "https://vernetzt.example.org",
      VERNETZT_MODE: "aws",
    });
  });

  test("the newsletter job gets the API's environment and the SES rate, 14 per second unless set", () => {
    const api = apiFunction(dev.templates.api)[1].Properties.Environment.Variables;
    const job = newsletter(dev.templates.jobs).fn.Properties.Environment.Variables;
    expectApiEnvironmentPlus(job, api, ["SES_RATE_PER_SECOND", "ONE_CLICK_UNSUBSCRIBE_URL"]);
    expect(job.SES_RATE_PER_SECOND).toBe("14");
  });

  test("the newsletter's one-click link is the Api stack's public function URL, as in the API's mails", () => {
    for (const stage of [dev, prod]) {
      const variables = newsletter(stage.templates.jobs).fn.Properties.Environment.Variables;
      expectImportedOneClickBase(stage, variables.ONE_CLICK_UNSUBSCRIBE_URL);
    }
  });

  test("no other job reads the one-click URL", () => {
    for (const stage of [dev, prod]) {
      for (const [name, { fn }] of allJobs(stage.templates.jobs)) {
        if (name === "newsletter") continue;
        expect(fn.Properties.Environment.Variables.ONE_CLICK_UNSUBSCRIBE_URL, name).toBeUndefined();
      }
    }
  });

  test("SES_RATE_PER_SECOND and NEWSLETTER_UNSUBSCRIBE_MAILTO reach the newsletter job when set", () => {
    const api = apiFunction(prod.templates.api)[1].Properties.Environment.Variables;
    const job = newsletter(prod.templates.jobs).fn.Properties.Environment.Variables;
    expectApiEnvironmentPlus(job, api, [
      "SES_RATE_PER_SECOND",
      "NEWSLETTER_UNSUBSCRIBE_MAILTO",
      "ONE_CLICK_UNSUBSCRIBE_URL",
    ]);
    expect(job).toMatchObject({ SES_RATE_PER_SECOND: "50", NEWSLETTER_UNSUBSCRIBE_MAILTO: "Abmelden@example.org" });
    // Only the newsletter job reads them.
    expect(api.SES_RATE_PER_SECOND).toBeUndefined();
    expect(reminders(prod.templates.jobs).fn.Properties.Environment.Variables.SES_RATE_PER_SECOND).toBeUndefined();
  });

  test("each job has its own role without managed policies and its own log group kept 30 days", () => {
    for (const stage of [dev, prod]) {
      const jobs = allJobs(stage.templates.jobs);
      expect(resources(stage.templates.jobs, "AWS::Logs::LogGroup")).toHaveLength(jobs.length);
      const roleIds = new Set<string>();
      for (const [name, { fn }] of jobs) {
        const roleId: string = fn.Properties.Role["Fn::GetAtt"][0];
        roleIds.add(roleId);
        const role = stage.templates.jobs.toJSON().Resources[roleId];
        expect(role.Properties.ManagedPolicyArns, name).toBeUndefined();
        expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain("lambda.amazonaws.com");
        const logGroupId: string = fn.Properties.LoggingConfig.LogGroup.Ref;
        const logGroup = stage.templates.jobs.toJSON().Resources[logGroupId] as Resource;
        expect(logGroup.Properties.RetentionInDays, name).toBe(30);
        expect(logGroup.DeletionPolicy, name).toBe(stage === prod ? "Retain" : "Delete");
      }
      expect(roleIds.size).toBe(jobs.length);
    }
  });

  test("the guest retention job may only read and rewrite registrations, and sends no mail", () => {
    for (const stage of [dev, prod]) {
      expectTableGrant(
        stage,
        guestRetention(stage.templates.jobs).fn,
        ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:TransactWriteItems", "dynamodb:UpdateItem"],
        [],
      );
    }
  });

  test("the reminder job may only query, read and mark registrations, and write its logs", () => {
    for (const stage of [dev, prod]) {
      expectTableGrant(
        stage,
        reminders(stage.templates.jobs).fn,
        ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"],
        ["ses:SendRawEmail"],
      );
    }
  });

  test("the programme reminder job may only query, read and claim reminders, never scan, update or delete", () => {
    for (const stage of [dev, prod]) {
      const { fn } = programmeReminders(stage.templates.jobs);
      expectTableGrant(
        stage,
        fn,
        ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:TransactWriteItems"],
        ["ses:SendRawEmail"],
      );
      expect(fn.Properties).toMatchObject({ MemorySize: 512, Timeout: 300 });
    }
  });

  test("the newsletter job may query, claim, record and release deliveries, never scan", () => {
    for (const stage of [dev, prod]) {
      const { fn } = newsletter(stage.templates.jobs);
      expectTableGrant(
        stage,
        fn,
        [
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:TransactWriteItems",
          "dynamodb:UpdateItem",
        ],
        ["ses:SendRawEmail"],
      );
      expect(dynamoActions(roleStatements(stage.templates.jobs, fn))).not.toContain("dynamodb:BatchWriteItem");
    }
  });

  test("the forum digest job may query, claim and record digests, never scan or batch-write", () => {
    for (const stage of [dev, prod]) {
      const { fn } = forumNotifications(stage.templates.jobs);
      expectTableGrant(
        stage,
        fn,
        [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:TransactWriteItems",
          "dynamodb:UpdateItem",
        ],
        ["ses:SendRawEmail"],
      );
      expect(fn.Properties).toMatchObject({ MemorySize: 512, Timeout: 300 });
    }
  });

  test("the message notice job may query, claim and postpone notices, never put, scan or batch-write", () => {
    for (const stage of [dev, prod]) {
      const { fn } = messageNotices(stage.templates.jobs);
      expectTableGrant(
        stage,
        fn,
        ["dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:TransactWriteItems", "dynamodb:UpdateItem"],
        ["ses:SendRawEmail"],
      );
      expect(fn.Properties).toMatchObject({ MemorySize: 512, Timeout: 300 });
    }
  });

  test("the feedback job may only read, create and patch items, and sends nothing", () => {
    for (const stage of [dev, prod]) {
      const { fn } = sesFeedback(stage.templates.jobs);
      expectTableGrant(stage, fn, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], []);
      expect(sesResources(roleStatements(stage.templates.jobs, fn))).toEqual([]);
    }
  });

  test("reminder and newsletter jobs send raw mail only, from the API's sender identity and configuration set", () => {
    for (const stage of [dev, prod]) {
      for (const { fn } of [reminders(stage.templates.jobs), newsletter(stage.templates.jobs), forumNotifications(stage.templates.jobs), programmeReminders(stage.templates.jobs), messageNotices(stage.templates.jobs)]) {
        const statements = roleStatements(stage.templates.jobs, fn);
        const ses = statements.filter((s) => actions(s).some((a) => a.startsWith("ses:")));
        expect(ses.flatMap(actions)).toEqual(["ses:SendRawEmail"]);
        const granted = sesResources(statements);
        expect(granted.sort()).toEqual(sesResources(apiStatements(stage.templates.api)).sort());
        for (const resource of granted) expect(resource).not.toContain("*");
      }
    }
  });

  test("the feedback job is the only subscriber of the Email stack's bounce and complaint topic", () => {
    for (const stage of [dev, prod]) {
      const { fnId } = sesFeedback(stage.templates.jobs);
      const [topicId] = feedbackTopic(stage.templates.email);
      const topicArn = {
        "Fn::ImportValue": expect.stringMatching(new RegExp(`^${stage.stage}-vernetzt-Email:.*Ref${topicId}`)),
      };
      const [, subscription] = only(stage.templates.jobs, "AWS::SNS::Subscription");
      expect(subscription.Properties).toEqual({
        Protocol: "lambda",
        Endpoint: { "Fn::GetAtt": [fnId, "Arn"] },
        TopicArn: topicArn,
      });
      stage.templates.email.resourceCountIs("AWS::SNS::Subscription", 0);
      const permissions = resources(stage.templates.jobs, "AWS::Lambda::Permission")
        .map(([, p]) => p.Properties)
        .filter((p) => p.Principal === "sns.amazonaws.com");
      expect(permissions).toEqual([
        {
          Action: "lambda:InvokeFunction",
          FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
          Principal: "sns.amazonaws.com",
          SourceArn: topicArn,
        },
      ]);
    }
  });
});

describe("Web stack", () => {
  test("/api/* goes to the API function URL, uncached, with every method and all viewer headers but Host", () => {
    const config = distributionConfig(dev.templates.web);
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === "/api/*");
    expect(api).toMatchObject({
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: "https-only",
    });
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toMatch(/test-vernetzt-Api:.*FunctionUrl/);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: "https-only" });
  });

  test("CloudFront signs API requests (origin access control) and may invoke the function URL", () => {
    const config = distributionConfig(dev.templates.web);
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === "/api/*");
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    const oacId = origin.OriginAccessControlId["Fn::GetAtt"][0];
    expect(dev.templates.web.toJSON().Resources[oacId].Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: "lambda",
      SigningBehavior: "always",
      SigningProtocol: "sigv4",
    });
    const [distributionId] = only(dev.templates.web, "AWS::CloudFront::Distribution");
    const permissions = resources(dev.templates.web, "AWS::Lambda::Permission").map(([, p]) => p.Properties);
    expect(permissions.map((p) => p.Action).sort()).toEqual(["lambda:InvokeFunction", "lambda:InvokeFunctionUrl"]);
    for (const permission of permissions) {
      expect(permission.Principal).toBe("cloudfront.amazonaws.com");
      expect(JSON.stringify(permission.SourceArn)).toContain(`{"Ref":"${distributionId}"}`);
      expect(JSON.stringify(permission.FunctionName)).toMatch(/test-vernetzt-Api:/);
    }
  });

  test("deep links get the SPA shell while files and /api paths keep theirs", () => {
    const config = distributionConfig(dev.templates.web);
    expect(config.CustomErrorResponses ?? []).toEqual([]);
    expect(config.CacheBehaviors.every((b: any) => b.FunctionAssociations === undefined)).toBe(true);
    const [functionId, cfFunction] = only(dev.templates.web, "AWS::CloudFront::Function");
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [functionId, "FunctionARN"] } },
    ]);
    const handler = new Function(`${cfFunction.Properties.FunctionCode}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const route = (uri: string) => handler({ request: { uri } }).uri;
    expect(route("/")).toBe("/index.html");
    expect(route("/veranstaltungen/evt_123")).toBe("/index.html");
    expect(route("/assets/index-abc123.js")).toBe("/assets/index-abc123.js");
    expect(route("/favicon.ico")).toBe("/favicon.ico");
  });

  test("the site bucket is private and read by CloudFront through origin access control", () => {
    dev.templates.web.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    const config = distributionConfig(dev.templates.web);
    const s3 = config.Origins.find((o: any) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
    expect(s3.OriginAccessControlId).toBeDefined();
    dev.templates.web.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
  });

  test("site and API responses carry the security headers", () => {
    const [policyId] = only(dev.templates.web, "AWS::CloudFront::ResponseHeadersPolicy");
    // The policy names the files bucket's regional endpoint (another stack): a join around its import.
    const [, headersPolicy] = only(dev.templates.web, "AWS::CloudFront::ResponseHeadersPolicy");
    const csp = headersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const text = (csp["Fn::Join"][1] as unknown[]).map((part) => (typeof part === "string" ? part : "<files>")).join("");
    expect(text).toMatch(/^default-src 'self'.*frame-ancestors 'none'$/);
    expect(text).toContain("img-src 'self' data: blob: https://<files>;");
    expect(text).toContain("connect-src 'self' https://<files>;");
    expect(JSON.stringify(csp)).toMatch(/Table:ExportsOutputFnGetAttFiles[0-9A-F]+RegionalDomainName/);
    dev.templates.web.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: "DENY", Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, Override: true }),
        }),
      }),
    });
    const config = distributionConfig(dev.templates.web);
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  test("without APP_DOMAIN the site is served on its CloudFront domain", () => {
    const config = distributionConfig(dev.templates.web);
    expect(config.Aliases ?? []).toEqual([]);
    dev.templates.web.hasOutput("SiteUrl", { Value: { "Fn::Join": ["", ["https://", Match.anyValue()]] } });
  });

  test("in prod APP_DOMAIN gets a certificate, DNS aliases and TLS 1.2 at least", () => {
    const config = distributionConfig(prod.templates.web);
    expect(config.Aliases).toEqual(["vernetzt.example.org"]);
    expect(config.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: "TLSv1.2_2021",
      SslSupportMethod: "sni-only",
    });
    const records = resources(prod.templates.web, "AWS::Route53::RecordSet").map(([, r]) => r.Properties);
    expect(records.map((r) => `${r.Type} ${r.Name}`).sort()).toEqual([
      "A vernetzt.example.org.",
      "AAAA vernetzt.example.org.",
    ]);
    prod.templates.web.hasOutput("SiteUrl", { Value: "https://vernetzt.example.org" });
  });
});

describe("cdk-nag AwsSolutions", () => {
  const stacks: StackKey[] = ["table", "email", "api", "jobs", "web"];

  test.each(stacks)("the %s stack has no unsuppressed errors in stage test or prod", (key) => {
    expect(dev.nagErrors[key]).toEqual([]);
    expect(prod.nagErrors[key]).toEqual([]);
  });

  /** "Resource:Rule" for every suppression, logical ids without their hash suffix. */
  function suppressions(stage: Synthesized, key: StackKey): string[] {
    return Object.entries(stage.templates[key].toJSON().Resources as Record<string, Resource>)
      .flatMap(([id, resource]) =>
        ((resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string }[]).map((rule) => {
          expect(rule.reason.length, `${id} ${rule.id}`).toBeGreaterThan(60);
          return `${id.replace(/[0-9A-F]{8}$/, "")}:${rule.id.replace("AwsSolutions-", "")}`;
        }),
      )
      .sort();
  }

  const sstHandler = ["CustomResourceHandler:L1", "CustomResourceHandlerServiceRole:IAM4"];

  test("suppressions are exactly the reviewed ones, each with a reason", () => {
    expect(suppressions(dev, "email")).toEqual(sstHandler);
    expect(suppressions(prod, "email")).toEqual(sstHandler);
    expect(suppressions(dev, "table")).toEqual([...sstHandler, "Files:S1"].sort());
    expect(suppressions(prod, "table")).toEqual([...sstHandler, "Files:S1"].sort());
    const api = ["Api:L1", "ApiRoleDefaultPolicy:IAM5", "OneClickUnsubscribe:L1", ...sstHandler].sort();
    expect(suppressions(dev, "api")).toEqual(api);
    expect(suppressions(prod, "api")).toEqual(api);
    const jobs = [...sstHandler, "ForumNotificationsJob:L1", "GuestRetentionJob:L1", "MessageNoticesJob:L1", "NewsletterJob:L1", "ProgrammeRemindersJob:L1", "RemindersJob:L1", "SesFeedbackJob:L1"].sort();
    expect(suppressions(dev, "jobs")).toEqual(jobs);
    expect(suppressions(prod, "jobs")).toEqual(jobs);
    expect(suppressions(dev, "web")).toEqual(
      [...sstHandler, "SiteBucket:S1", "SiteDistribution:CFR3", "SiteDistribution:CFR4"].sort(),
    );
    expect(suppressions(prod, "web")).toEqual(
      [
        ...sstHandler,
        "SiteBucket:S1",
        "SiteDistribution:CFR3",
        "SiteCertificateCertificateRequestorFunction:L1",
        "SiteCertificateCertificateRequestorFunctionServiceRole:IAM4",
        "SiteCertificateCertificateRequestorFunctionServiceRoleDefaultPolicy:IAM5",
      ].sort(),
    );
  });
});

describe("sst remove", () => {
  test("the stacks still build when SST skips the site, so a stage can be removed", async () => {
    const removing = await synthesize("test", { MAIL_FROM: "noreply@example.org" }, "remove");
    removing.templates.web.resourceCountIs("AWS::CloudFront::Distribution", 0);
    removing.templates.table.resourceCountIs("AWS::DynamoDB::Table", 1);
  });
});
