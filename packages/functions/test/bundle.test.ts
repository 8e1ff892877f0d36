import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { lambdaEsbuildOptions } from "../../../infra/bundling";
import { uniqueEmail } from "../../core/test/mail";

// The API as Lambda gets it: bundled with the deployment's esbuild options (code splitting, and
// ElectroDB reading its commands from packages/core/src/electrodb-lib.ts instead of the package),
// run in a fresh node process against DynamoDB Local and the local SES. Tests elsewhere run the
// sources; this proves the bundle itself reads, queries and writes through ElectroDB.

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../..");

const CHILD = `
const [file, requests] = process.argv.slice(1);
const { handler } = await import(file);
const out = [];
for (const { method, path: rawPath, body } of JSON.parse(requests)) {
  const event = {
    version: "2.0", routeKey: "$default", rawPath, rawQueryString: "", isBase64Encoded: false, body,
    headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json", "user-agent": "bundle-test" },
    requestContext: { accountId: "anonymous", apiId: "test", domainName: "localhost", domainPrefix: "localhost",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bundle-test" },
      requestId: "test", routeKey: "$default", stage: "$default", time: new Date().toUTCString(), timeEpoch: Date.now() },
  };
  const result = await handler(event, { getRemainingTimeInMillis: () => 30_000, functionName: "test", awsRequestId: "test" });
  out.push({ status: result.statusCode, body: JSON.parse(result.body) });
}
process.stdout.write(JSON.stringify(out));
`;

describe("the deployed API bundle", () => {
  let outdir: string;
  let entry: string;

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), "vernetzt-bundle-"));
    const previous = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await build(lambdaEsbuildOptions(path.join(ROOT, "packages/functions/src/lambda.ts"), outdir));
      entry = path.resolve(Object.keys(result.metafile!.outputs).find((file) => file.endsWith("lambda.mjs"))!);
    } finally {
      process.chdir(previous);
    }
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("answers health, a query, a sign-up transaction and a refused sign-in", async () => {
    const email = uniqueEmail("bundle");
    const password = "Kastanienbaum am Fluss";
    const requests = [
      { method: "GET", path: "/api/health" },
      { method: "GET", path: "/api/events" },
      { method: "POST", path: "/api/auth/signup", body: JSON.stringify({ name: "Bündel Test", email, password, acceptTerms: true }) },
      { method: "POST", path: "/api/auth/signup", body: JSON.stringify({ name: "Bündel Test", email, password: "x", acceptTerms: true }) },
      { method: "POST", path: "/api/auth/signin", body: JSON.stringify({ email, password }) },
    ];
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", CHILD, entry, JSON.stringify(requests)], { env: process.env, cwd: outdir });
    const [health, events, signup, badSignup, signin] = JSON.parse(stdout) as { status: number; body: Record<string, unknown> }[];
    expect(health).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(events!.status).toBe(200);
    expect(Array.isArray(events!.body.events)).toBe(true);
    expect(signup).toEqual({ status: 202, body: { status: "check_email" } });
    expect(badSignup!.status).toBe(400);
    expect(signin).toMatchObject({ status: 403, body: { error: { code: "email_not_verified" } } });
  }, 60_000);
});
