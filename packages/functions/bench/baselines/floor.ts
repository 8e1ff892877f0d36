// Baseline and floor: Hono plus a DynamoDB client answering with one GetItem, nothing else.
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

const endpoint = process.env.DYNAMODB_ENDPOINT || undefined;
const client = new DynamoDBClient({
  region: process.env.AWS_REGION ?? "eu-central-1",
  endpoint,
  credentials: endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined,
});

export const handler = handle(
  new Hono().get("/api/health", async (c) => {
    await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: "health" }, sk: { S: "health" } } }));
    return c.json({ status: "ok" });
  }),
);
