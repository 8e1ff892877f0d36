import {
  DynamoDBClient,
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { config } from "./config";
import { dynamo } from "./db";

const GSIS = ["gsi1", "gsi2"] as const;

/**
 * Creates the table as infra/table.ts defines it in AWS. Used by the local launcher and tests only:
 * in AWS the table belongs to CloudFormation.
 */
export async function ensureTable(
  client: DynamoDBClient = dynamo(),
  TableName: string = config().tableName,
): Promise<"created" | "exists"> {
  try {
    await client.send(new DescribeTableCommand({ TableName }));
    return "exists";
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  const keyAttrs = ["pk", "sk", ...GSIS.flatMap((g) => [`${g}pk`, `${g}sk`])];
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keyAttrs.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: GSIS.map((g) => ({
        IndexName: g,
        KeySchema: [
          { AttributeName: `${g}pk`, KeyType: "HASH" },
          { AttributeName: `${g}sk`, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName,
      TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true },
    }),
  );
  return "created";
}
