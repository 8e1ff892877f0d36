// Cold start: every Lambda handler bundled as the deployment bundles it (infra/bundling.ts), its
// size, and a fresh `node` importing it and answering one invocation, beside two baselines.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { LAMBDA_NODEJS, lambdaEsbuildOptions } from "../../../infra/bundling";
import { kb, median, ratio, round } from "./stats";

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");

type Invocation = "health" | "events" | "unsubscribe" | "job" | "sns";
export interface Handler {
  name: string;
  entry: string;
  invoke: Invocation;
  baseline?: boolean;
}

export const HANDLERS: Handler[] = [
  { name: "hello (baseline: Hono)", entry: "packages/functions/bench/baselines/hello.ts", invoke: "health", baseline: true },
  { name: "floor (baseline: Hono + DynamoDB)", entry: "packages/functions/bench/baselines/floor.ts", invoke: "health", baseline: true },
  { name: "api", entry: "packages/functions/src/lambda.ts", invoke: "health" },
  // The same bundle answering a page's request: its route group, ElectroDB and the entities load too.
  { name: "api: first page request (event list)", entry: "packages/functions/src/lambda.ts", invoke: "events" },
  { name: "one-click unsubscribe", entry: "packages/functions/src/unsubscribe.ts", invoke: "unsubscribe" },
  { name: "job: reminders", entry: "packages/functions/src/jobs/reminders.ts", invoke: "job" },
  { name: "job: newsletter", entry: "packages/functions/src/jobs/newsletter.ts", invoke: "job" },
  { name: "job: forum-notifications", entry: "packages/functions/src/jobs/forum-notifications.ts", invoke: "job" },
  { name: "job: ses-feedback", entry: "packages/functions/src/jobs/ses-feedback.ts", invoke: "sns" },
];

export interface Bundle {
  handler: Handler;
  file: string;
  /** The entry file and every chunk it imports statically: what a cold start loads. */
  initialBytes: number;
  /** Every chunk, including those only reached through `import()`. */
  totalBytes: number;
}

/** Bundles each handler into its own folder under `outRoot`. */
export async function bundleAll(outRoot: string, splitting = LAMBDA_NODEJS.splitting): Promise<Bundle[]> {
  rmSync(outRoot, { recursive: true, force: true });
  const bundles: Bundle[] = [];
  for (const [i, handler] of HANDLERS.entries()) {
    const outdir = path.join(outRoot, String(i));
    mkdirSync(outdir, { recursive: true });
    const result = await build(lambdaEsbuildOptions(path.join(ROOT, handler.entry), outdir, { ...LAMBDA_NODEJS, splitting }));
    const outputs = result.metafile!.outputs;
    const js = Object.keys(outputs).filter((file) => file.endsWith(".mjs"));
    const entry = js.find((file) => outputs[file]!.entryPoint === path.relative(process.cwd(), path.join(ROOT, handler.entry)))!;
    bundles.push({
      handler,
      file: path.resolve(entry),
      initialBytes: staticClosure(outputs, entry).reduce((sum, file) => sum + statSync(file).size, 0),
      totalBytes: js.reduce((sum, file) => sum + statSync(file).size, 0),
    });
  }
  return bundles;
}

function staticClosure(outputs: Metafile["outputs"], entry: string): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === "import-statement" && outputs[imported.path]) seen.add(imported.path);
    }
  }
  return [...seen];
}

const CHILD = `
const t0 = performance.now();
const [file, invoke] = process.argv.slice(1);
const { handler } = await import(file);
const http = (method, rawPath, rawQueryString = "") => ({
  version: "2.0", routeKey: "$default", rawPath, rawQueryString, isBase64Encoded: false,
  headers: { host: "localhost", "user-agent": "bench" },
  requestContext: { accountId: "anonymous", apiId: "bench", domainName: "localhost", domainPrefix: "localhost",
    http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
    requestId: "bench", routeKey: "$default", stage: "$default", time: new Date().toUTCString(), timeEpoch: Date.now() },
});
const events = {
  health: http("GET", "/api/health"),
  events: http("GET", "/api/events", "when=upcoming"),
  unsubscribe: http("POST", "/api/newsletter/unsubscribe", "token=" + "A".repeat(43)),
  job: {},
  sns: { Records: [] },
};
const context = { getRemainingTimeInMillis: () => 60_000, functionName: "bench", awsRequestId: "bench" };
const result = await handler(events[invoke], context);
const ms = performance.now() - t0;
const status = result && typeof result === "object" && "statusCode" in result ? result.statusCode : "done";
process.stdout.write(JSON.stringify({ ms, status }));
`;

async function coldStartOnce(bundle: Bundle, env: NodeJS.ProcessEnv): Promise<{ ms: number; status: unknown }> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", CHILD, bundle.file, bundle.handler.invoke], {
    env,
    cwd: path.dirname(bundle.file),
  });
  // Jobs log a JSON line before the figure; the figure is the last line.
  return JSON.parse(stdout.trim().split("\n").at(-1)!.replace(/^.*(\{"ms")/, "$1"));
}

export interface ColdStartFigure {
  handler: string;
  initialKB: number;
  totalKB: number;
  medianMs: number;
  runs: number;
  status: unknown;
  sizeVsFloor: number;
  timeVsFloor: number;
}

/** Runs the handlers round-robin, so machine noise falls on all of them alike. */
export async function measureColdStarts(bundles: Bundle[], env: NodeJS.ProcessEnv, runs = 21): Promise<ColdStartFigure[]> {
  const times = bundles.map(() => [] as number[]);
  const statuses: unknown[] = [];
  for (let r = 0; r < runs; r++) {
    for (const [i, bundle] of bundles.entries()) {
      const { ms, status } = await coldStartOnce(bundle, env);
      times[i]!.push(ms);
      statuses[i] = status;
    }
  }
  const floorIndex = bundles.findIndex((b) => b.handler.name.startsWith("floor"));
  const floorMs = median(times[floorIndex]!);
  const floorBytes = bundles[floorIndex]!.initialBytes;
  return bundles.map((bundle, i) => ({
    handler: bundle.handler.name,
    initialKB: kb(bundle.initialBytes),
    totalKB: kb(bundle.totalBytes),
    medianMs: round(median(times[i]!)),
    runs,
    status: statuses[i],
    sizeVsFloor: ratio(bundle.initialBytes, floorBytes),
    timeVsFloor: ratio(median(times[i]!), floorMs),
  }));
}
