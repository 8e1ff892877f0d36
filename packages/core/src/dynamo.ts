import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { config, localCredentials } from "./config";

// The bare DynamoDB client, apart from the ElectroDB service in db.ts, so that a path which only
// needs the client (the health check) does not load ElectroDB and every entity definition.

let client: DynamoDBClient | undefined;

export function dynamo(): DynamoDBClient {
  if (!client) {
    const { region, dynamoEndpoint } = config();
    client = new DynamoDBClient({
      region,
      endpoint: dynamoEndpoint,
      credentials: localCredentials(dynamoEndpoint),
    });
  }
  return client;
}

/** A cheap keyed read proving the table answers; used by the health check. No item has this key. */
export async function ping(): Promise<void> {
  await dynamo().send(new GetItemCommand({ TableName: config().tableName, Key: { pk: { S: "$health" }, sk: { S: "$health" } } }));
}
