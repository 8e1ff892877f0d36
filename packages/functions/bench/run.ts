// `npm run bench [section …]`: performance figures, each beside its baseline in the same run.
// Not a test: it prints a table, writes bench/results.json and fails only if something breaks.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startDynamo, startSes } from "@vernetzt/core/local/emulators";
import { bundleAll, measureColdStarts } from "./coldstart";
import { mainPageRequests, measureRoundTrips } from "./roundtrips";
import { measureThroughput } from "./throughput";
import { buildWeb, lighthouse, routeSizes } from "./web";
import { measureNewsletter, measureRegistrationRush } from "./newsletter";
import { unitsFrom } from "./units";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const RESULTS = path.join(ROOT, "bench/results.json");

export interface BenchEnv {
  env: NodeJS.ProcessEnv;
  sesEndpoint: string;
}

type Section = (ctx: BenchEnv) => Promise<unknown>;

/** The seeded demo content and the coordination office's session: what the read figures run against. */
let signedIn: Promise<{ cookie: string; get: (path: string) => Promise<Response> }> | undefined;
function seededSession(): Promise<{ cookie: string; get: (path: string) => Promise<Response> }> {
  signedIn ??= (async () => {
    const { seedDemo } = await import("@vernetzt/core/seed");
    const { app } = await import("../src/app");
    const { email, password } = await seedDemo();
    const res = await app.request("/api/auth/signin", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password }),
    });
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("vernetzt_session="));
    if (!res.ok || !cookie) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
    return { cookie, get: async (path: string) => app.request(path, { headers: { cookie } }) };
  })();
  return signedIn;
}

const SECTIONS: Record<string, Section> = {
  coldStart: async ({ env }) => {
    const splitting = process.env.BENCH_SPLITTING ? process.env.BENCH_SPLITTING === "true" : undefined;
    const outRoot = path.join(tmpdir(), `vernetzt-bench-${process.pid}`);
    const bundles = await bundleAll(outRoot, splitting);
    const figures = await measureColdStarts(bundles, env, Number(process.env.BENCH_COLD_RUNS ?? 21)).finally(() => rmSync(outRoot, { recursive: true, force: true }));
    console.log("\nCold start (import + first invocation, median; initial = entry + static chunks)");
    console.table(figures);
    return figures;
  },
  roundTrips: async () => {
    const { get } = await seededSession();
    const { dynamo } = await import("@vernetzt/core/db");
    const figures = await measureRoundTrips(dynamo(), get, await mainPageRequests(get));
    console.log("\nDynamoDB round trips per API request (median of 9, signed in; units: mean consumed capacity)");
    console.table(figures);
    return figures;
  },
  throughput: async ({ env }) => {
    const { get, cookie } = await seededSession();
    const pages = new Set(["event list", "event page", "forum category", "thread (posts)", "directory (people)", "my account"]);
    const requests = (await mainPageRequests(get)).filter((r) => pages.has(r.page));
    const figures = await measureThroughput(env, cookie, requests, Number(process.env.BENCH_SECONDS ?? 10));
    console.log("\nLocal throughput (autocannon, 10 connections, signed in; latency in ms)");
    console.table(figures);
    return figures;
  },
  web: async ({ env }) => {
    const outDir = path.join(tmpdir(), `vernetzt-bench-web-${process.pid}`);
    await buildWeb(outDir);
    const sizes = routeSizes(outDir);
    console.log("\nWeb: initial JS and CSS per route (gzipped, entry + page chunk + their static imports + their areas' German texts)");
    console.table(sizes);
    await seededSession();
    const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
    const scores = await lighthouse(env, outDir, ["/", "/events", "/forum"], runs).finally(() => rmSync(outDir, { recursive: true, force: true }));
    console.log(`\nLighthouse (mobile preset, Debian Chromium, local server with seeded data; median of ${runs} runs per page)`);
    console.table(scores);
    return { sizes, lighthouse: scores };
  },
  newsletter: async () => {
    const sizes = (process.env.BENCH_SUBSCRIBERS ?? "1000,2000,5000").split(",").map(Number);
    const figures = await measureNewsletter(sizes);
    console.log("\nNewsletter: one issue to each number of local subscribers, rate limit off (DynamoDB per recipient)");
    console.table(figures.runs);
    console.log(`largest/smallest: time ×${figures.timeRatio}, write units ×${figures.writeRatio} (linear: ×${sizes.at(-1)! / sizes[0]!})`);
    const rush = await measureRegistrationRush();
    console.log(`registration: 300 simultaneous registrations for 100 seats in ${rush.seconds} s → ${rush.confirmed} confirmed, ${rush.waitlisted} waitlisted`);
    return { ...figures, registrationRush: rush };
  },
};

async function main() {
  const wanted = process.argv.slice(2);
  const sections = wanted.length ? wanted : Object.keys(SECTIONS);
  for (const name of sections) if (!SECTIONS[name]) throw new Error(`No bench section ${name}; choose from ${Object.keys(SECTIONS).join(", ")}.`);

  const dynamo = await startDynamo(await freePort());
  const ses = await startSes(await freePort());
  const env = {
    ...process.env,
    VERNETZT_MODE: "local",
    TABLE_NAME: "vernetzt-bench",
    AWS_REGION: "eu-central-1",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
  };
  Object.assign(process.env, env);
  try {
    const { ensureTable } = await import("@vernetzt/core/table");
    await ensureTable();
    const results = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
    for (const name of sections) {
      results[name] = { measuredAt: new Date().toISOString(), figures: await SECTIONS[name]!({ env, sesEndpoint: ses.endpoint }) };
      mkdirSync(path.dirname(RESULTS), { recursive: true });
      writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
    }
    results.units = { measuredAt: new Date().toISOString(), figures: { ...results.units?.figures, ...unitsFrom(results) } };
    writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
    console.log("\nUnits for the cost model (npm run cost)");
    console.table(results.units.figures);
    console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
  } finally {
    await ses.stop();
    await dynamo.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
