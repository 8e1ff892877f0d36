// `npm run bench [section …]`: performance figures, each beside its baseline in the same run.
// Not a test: it prints a table, writes bench/results.json and fails only if something breaks.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startDynamo, startSes } from "@vernetzt/core/local/emulators";
import { bundleAll, measureColdStarts } from "./coldstart";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const RESULTS = path.join(ROOT, "bench/results.json");

export interface BenchEnv {
  env: NodeJS.ProcessEnv;
  sesEndpoint: string;
}

type Section = (ctx: BenchEnv) => Promise<unknown>;

const SECTIONS: Record<string, Section> = {
  coldStart: async ({ env }) => {
    const splitting = process.env.BENCH_SPLITTING ? process.env.BENCH_SPLITTING === "true" : undefined;
    const bundles = await bundleAll(path.join(tmpdir(), `vernetzt-bench-${process.pid}`), splitting);
    const figures = await measureColdStarts(bundles, env, Number(process.env.BENCH_COLD_RUNS ?? 21));
    console.log("\nCold start (import + first invocation, median; initial = entry + static chunks)");
    console.table(figures);
    return figures;
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
