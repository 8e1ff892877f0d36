import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { TestProject } from "vitest/node";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { freePort, startDynamo, startSes } from "../src/local/emulators";
import { ensureTable } from "../src/table";

declare module "vitest" {
  export interface ProvidedContext {
    /** Environment the test workers adopt (see setup-env.ts): where this project's emulators run. */
    platformEnv: Record<string, string>;
  }
}

/**
 * Starts DynamoDB Local (in memory) and the local SES once per project. The endpoints reach the
 * workers through `provide`, not the shared process environment, so projects running side by side
 * each keep their own.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo(await freePort());
  const ses = await startSes(await freePort());
  const env = {
    VERNETZT_MODE: "local",
    TABLE_NAME: "vernetzt-test",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    FILES_DIR: await mkdtemp(join(tmpdir(), "vernetzt-files-")),
    APP_ORIGIN: "http://localhost:3000",
  };
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: "eu-central-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await ensureTable(client, env.TABLE_NAME);
  client.destroy();
  project.provide("platformEnv", env);
  return async () => {
    await ses.stop();
    await dynamo.stop();
  };
}
