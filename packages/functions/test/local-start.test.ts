import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "@vernetzt/core/local/emulators";

// `npm start` as a new user runs it: the real launcher, DynamoDB Local on disk, the local SES.
const repoRoot = resolve(import.meta.dirname, "../../..");
const dataDir = mkdtempSync(join(tmpdir(), "vernetzt-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>): Launch {
  const child = spawn(join(repoRoot, "node_modules/.bin/tsx"), ["packages/functions/src/local/start.ts"], {
    cwd: repoRoot,
    env: { ...process.env, VERNETZT_DATA_DIR: dataDir, APP_ORIGIN: "", DYNAMODB_ENDPOINT: "", SES_ENDPOINT: "", TABLE_NAME: "vernetzt", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, output: () => output, exited };
}

async function until(check: () => boolean, what: string, run?: Launch, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (run && run.child.exitCode !== null) throw new Error(`exited (${run.child.exitCode}) before ${what}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${run?.output() ?? ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const portAnswers = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });

async function ports() {
  return { PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), SES_PORT: String(await freePort()) };
}

describe("npm start", () => {
  it("runs the whole product, seeds a coordinator once, keeps data across restarts and stops every child on Ctrl-C", async () => {
    const env = await ports();
    const first = launch(env);
    await until(() => first.output().includes("Press Ctrl-C"), "start-up", first);
    expect(first.output()).toContain(`http://localhost:${env.PORT}`);
    expect(first.output()).toContain(`Mail viewer:  http://127.0.0.1:${env.SES_PORT}`);
    const password = /Password:\s+(\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();

    const health = await fetch(`http://localhost:${env.PORT}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const page = await fetch(`http://localhost:${env.PORT}/account`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await (await fetch(`http://127.0.0.1:${env.SES_PORT}/store`)).json()).toHaveProperty("emails");

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(await portAnswers(Number(env.DYNAMODB_PORT))).toBe(false);
    expect(await portAnswers(Number(env.PORT))).toBe(false);

    const second = launch(env);
    await until(() => second.output().includes("Press Ctrl-C"), "restart", second);
    expect(second.output()).not.toContain("First start");
    const signin = await fetch(`http://localhost:${env.PORT}/api/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://localhost:${env.PORT}` },
      body: JSON.stringify({ email: "koordination@vernetzt.local", password }),
    });
    const body = await signin.json();
    expect(body).toMatchObject({ status: "signed_in", account: { role: "admin" } });
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(await portAnswers(Number(env.DYNAMODB_PORT))).toBe(false);
  }, 180_000);

  it("names the busy port and exits without leaving anything running", async () => {
    const env = await ports();
    const blocker = createServer().listen(Number(env.PORT), "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const run = launch(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${env.PORT} (the app) is already in use`);
      expect(run.output()).toContain("PORT=<port>");
      expect(await portAnswers(Number(env.DYNAMODB_PORT))).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it("says that Java is missing instead of failing obscurely", async () => {
    // A PATH with node on it and nothing else.
    const bin = mkdtempSync(join(tmpdir(), "vernetzt-bin-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const run = launch({ ...(await ports()), PATH: bin });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("Java was not found");
  }, 60_000);
});
