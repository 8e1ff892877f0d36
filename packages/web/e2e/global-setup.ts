import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { freePort, startDynamo, startSes } from "@vernetzt/core/local/emulators";
import { ensureTable } from "@vernetzt/core/table";

declare module "vitest" {
  export interface ProvidedContext {
    platformEnv: Record<string, string>;
  }
}

const webDist = resolve(import.meta.dirname, "../dist");
const repoRoot = resolve(import.meta.dirname, "../../..");

/** Starts the whole local platform once for all browser tests: emulators and the app server. */
export default async function setup(project: TestProject) {
  if (!existsSync(resolve(webDist, "index.html"))) {
    throw new Error("The SPA is not built: run `npm run build -w @vernetzt/web` first (npm test does).");
  }
  const dynamo = await startDynamo(await freePort());
  const ses = await startSes(await freePort());
  const port = await freePort();
  const env = {
    VERNETZT_MODE: "local",
    TABLE_NAME: "vernetzt-e2e",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    FILES_DIR: await mkdtemp(join(tmpdir(), "vernetzt-files-")),
    APP_ORIGIN: `http://localhost:${port}`,
    E2E_BASE_URL: `http://localhost:${port}`,
  };
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: "eu-central-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await ensureTable(client, env.TABLE_NAME);
  client.destroy();

  const server = spawn(resolve(repoRoot, "node_modules/.bin/tsx"), [resolve(import.meta.dirname, "serve.ts")], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ready, failed) => {
    server.once("exit", (code) => failed(new Error(`the e2e app server exited (${code})`)));
    server.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("READY")) ready();
    });
  });
  project.provide("platformEnv", env);
  return async () => {
    server.removeAllListeners("exit");
    await new Promise((done) => {
      server.once("exit", done);
      server.kill("SIGTERM");
    });
    await ses.stop();
    await dynamo.stop();
  };
}
