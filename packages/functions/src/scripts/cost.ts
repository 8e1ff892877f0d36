// `npm run cost [-- --activePerDay=300 …]`: the monthly AWS bill for a stated workload, from the
// units `npm run bench` measured (bench/results.json) and the dated eu-central-1 price file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_UNITS, DEFAULT_WORKLOAD, monthlyCost, usageForWorkload, type Units, type Workload } from "@vernetzt/core/usage/cost";
import { PRICES } from "@vernetzt/core/usage/prices";

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../bench/results.json");

function measuredUnits(): { units: Units; source: string } {
  if (!existsSync(RESULTS)) return { units: DEFAULT_UNITS, source: "defaults in packages/core/src/usage/cost.ts" };
  const section = JSON.parse(readFileSync(RESULTS, "utf8")).units as { measuredAt: string; figures: Partial<Units> } | undefined;
  if (!section) return { units: DEFAULT_UNITS, source: "defaults (bench/results.json has no units section)" };
  return { units: { ...DEFAULT_UNITS, ...section.figures }, source: `bench/results.json, measured ${section.measuredAt}` };
}

function workloadFromArgs(args: string[]): Workload {
  const workload = { ...DEFAULT_WORKLOAD };
  for (const arg of args) {
    const [, key, value] = arg.match(/^--(\w+)=(\d+(?:\.\d+)?)$/) ?? [];
    if (!key || !(key in workload)) throw new Error(`Unknown option ${arg}; use --${Object.keys(workload).join("=N, --")}=N.`);
    workload[key as keyof Workload] = Number(value);
  }
  return workload;
}

const workload = workloadFromArgs(process.argv.slice(2));
const { units, source } = measuredUnits();
const usage = usageForWorkload(workload, units);
const cost = monthlyCost(usage, units);

console.log(
  `Workload: ${workload.members} members, ${workload.activePerDay} active a day with ${workload.pageViewsPerActive} page views each, ` +
    `${workload.newslettersPerMonth} newsletters to ${workload.subscribers} subscribers a month`,
);
console.log(`Units: ${source}; prices: ${PRICES.region}, recorded ${PRICES.recordedOn}, list prices without the free tier\n`);
console.table(cost.lines.map(({ service, usd, detail }) => ({ service, "USD/month": usd.toFixed(2), detail })));
console.log(`Total: ${cost.totalUsd.toFixed(2)} USD a month`);
