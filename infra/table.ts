import { RemovalPolicy } from "aws-cdk-lib";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Table as DynamoTable, type StackContext } from "sst/constructs";
import { filesBucket } from "./files";
import { readSettings } from "./settings";

// ElectroDB's generic single-table layout; core names its entities' indexes after these.
export const TABLE_INDEXES = ["gsi1", "gsi2"] as const;
export type TableIndex = (typeof TABLE_INDEXES)[number];

// Every request path is served by key reads, queries and transactions (DESIGN.md): no Scan.
const ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:TransactWriteItems",
  "dynamodb:TransactGetItems",
  "dynamodb:ConditionCheckItem",
] as const;

export type TableAction = (typeof ITEM_ACTIONS)[number] | "dynamodb:Query";

/** What a handler serving requests needs: key reads/writes, transactions, queries. */
export const FULL_TABLE_ACCESS: readonly TableAction[] = [...ITEM_ACTIONS, "dynamodb:Query"];

export function Table({ stack, app }: StackContext) {
  const isProd = app.stage === "prod";
  const table = new DynamoTable(stack, "Data", {
    fields: {
      pk: "string",
      sk: "string",
      gsi1pk: "string",
      gsi1sk: "string",
      gsi2pk: "string",
      gsi2sk: "string",
    },
    primaryIndex: { partitionKey: "pk", sortKey: "sk" },
    globalIndexes: {
      gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk", projection: "all" },
      gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk", projection: "all" },
    },
    timeToLiveAttribute: "ttl",
    cdk: {
      table: {
        billingMode: BillingMode.PAY_PER_REQUEST,
        // SST sets the deprecated `pointInTimeRecovery`, which CDK refuses next to the newer spec.
        pointInTimeRecovery: undefined,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        deletionProtection: isProd,
      },
    },
  });

  // Stored files live beside the table: the same data, the same retention.
  const files = filesBucket(stack, readSettings(app.stage));

  stack.addOutputs({ TableName: table.tableName, FilesBucketName: files.bucketName });
  return { table, files };
}

/**
 * Grants `actions` on the table: item actions on the table itself, Query on the table and the GSIs
 * in `queryIndexes` (all of them unless a handler names the few it queries).
 * A handler that needs less (a scheduled job) passes its own, smaller list.
 */
export function tableAccessStatements(
  table: DynamoTable,
  actions: readonly TableAction[] = FULL_TABLE_ACCESS,
  queryIndexes: readonly TableIndex[] = TABLE_INDEXES,
): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const itemActions = ITEM_ACTIONS.filter((action) => actions.includes(action));
  if (itemActions.length > 0) {
    statements.push(new PolicyStatement({ actions: itemActions, resources: [table.tableArn] }));
  }
  if (actions.includes("dynamodb:Query")) {
    statements.push(
      new PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: [table.tableArn, ...queryIndexes.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
  }
  return statements;
}
