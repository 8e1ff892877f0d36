// The web app: initial JS and CSS per route (gzipped) from a Vite build with a manifest, and
// Lighthouse (mobile) against the built SPA served by the local server with seeded data.
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { freePort } from "@vernetzt/core/local/emulators";
import { kb, median } from "./stats";

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");
const WEB = path.join(ROOT, "packages/web");

/** Routes and the page module each one loads (packages/web/src/App.tsx). */
export const ROUTES: Record<string, string> = {
  "/": "src/pages/Home.tsx",
  "/events": "src/pages/events/EventList.tsx",
  "/events/:eventId": "src/pages/events/EventDetail.tsx",
  "/forum": "src/pages/forum/Home.tsx",
  "/forum/threads/:threadId": "src/pages/forum/Thread.tsx",
  "/news/new": "src/pages/news/NewsEditor.tsx",
  "/account": "src/pages/Account.tsx",
  "/admin/usage": "src/pages/AdminUsage.tsx",
};

interface ManifestEntry {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** An area's German texts (src/i18n/<area>.de.ts), which its module loads before any of its pages renders. */
const GERMAN_AREA_TEXTS = /^src\/i18n\/\w+\.de\.ts$/;

export interface RouteSize {
  route: string;
  jsGzipKB: number;
  cssGzipKB: number;
  files: number;
}

export async function buildWeb(outDir: string): Promise<void> {
  await run(path.join(WEB, "node_modules/.bin/vite"), ["build", "--manifest", "--outDir", outDir, "--emptyOutDir"], { cwd: WEB });
}

export function routeSizes(outDir: string): RouteSize[] {
  const manifest = JSON.parse(readFileSync(path.join(outDir, ".vite/manifest.json"), "utf8")) as Record<string, ManifestEntry>;
  const gz = (file: string) => gzipSync(readFileSync(path.join(outDir, file))).length;
  // Static imports, and the German texts of the areas they belong to: a page is not shown without them.
  const closure = (keys: string[]) => {
    const seen = new Set(keys);
    for (const key of seen) {
      for (const imported of manifest[key]?.imports ?? []) seen.add(imported);
      for (const loaded of manifest[key]?.dynamicImports ?? []) if (GERMAN_AREA_TEXTS.test(loaded)) seen.add(loaded);
    }
    return [...seen];
  };
  // The entry is the script index.html loads (this Vite build lists no index.html entry).
  const script = readFileSync(path.join(outDir, "index.html"), "utf8").match(/<script[^>]*src="\/([^"]+)"/)![1];
  const entry = Object.keys(manifest).find((key) => manifest[key]!.file === script)!;
  return Object.entries(ROUTES).map(([route, page]) => {
    const chunks = closure([entry, page]);
    const js = chunks.map((key) => manifest[key]!.file);
    const css = [...new Set(chunks.flatMap((key) => manifest[key]!.css ?? []))];
    return { route, jsGzipKB: kb(js.reduce((s, f) => s + gz(f), 0)), cssGzipKB: kb(css.reduce((s, f) => s + gz(f), 0)), files: js.length + css.length };
  });
}

export interface LighthouseFigure {
  url: string;
  runs: number;
  performance: number;
  accessibility: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
}

const CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

/**
 * Serves `outDir` and the API like `npm start` does, and runs Lighthouse's mobile preset `runs` times
 * on each path (the paths taking turns, so a busy moment on a shared machine does not hit one path
 * only); each figure is the median of its runs.
 */
export async function lighthouse(env: NodeJS.ProcessEnv, outDir: string, paths: string[], runs = 3): Promise<LighthouseFigure[]> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "serve.ts"), "site", String(port), outDir], { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    server.once("exit", (code) => reject(new Error(`site server exited with ${code}`)));
  });
  try {
    const measured = new Map<string, Omit<LighthouseFigure, "url" | "runs">[]>(paths.map((p) => [p, []]));
    for (let i = 0; i < runs; i++) {
      for (const p of paths) {
        const url = `http://127.0.0.1:${port}${p}`;
        const { stdout } = await run(
          process.execPath,
          [path.join(ROOT, "node_modules/lighthouse/cli/index.js"), url, "--output=json", "--quiet", "--only-categories=performance,accessibility", `--chrome-flags=${CHROME_FLAGS}`],
          { env: { ...env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
        );
        const report = JSON.parse(stdout) as {
          categories: Record<string, { score: number }>;
          audits: Record<string, { numericValue: number }>;
        };
        measured.get(p)!.push({
          performance: Math.round(report.categories.performance!.score * 100),
          accessibility: Math.round(report.categories.accessibility!.score * 100),
          firstContentfulPaintMs: Math.round(report.audits["first-contentful-paint"]!.numericValue),
          largestContentfulPaintMs: Math.round(report.audits["largest-contentful-paint"]!.numericValue),
          totalBlockingTimeMs: Math.round(report.audits["total-blocking-time"]!.numericValue),
          cumulativeLayoutShift: Math.round(report.audits["cumulative-layout-shift"]!.numericValue * 1000) / 1000,
        });
      }
    }
    return paths.map((p) => {
      const all = measured.get(p)!;
      const mid = (pick: (figure: (typeof all)[number]) => number) => median(all.map(pick));
      return {
        url: p,
        runs,
        performance: mid((f) => f.performance),
        accessibility: mid((f) => f.accessibility),
        firstContentfulPaintMs: mid((f) => f.firstContentfulPaintMs),
        largestContentfulPaintMs: mid((f) => f.largestContentfulPaintMs),
        totalBlockingTimeMs: mid((f) => f.totalBlockingTimeMs),
        cumulativeLayoutShift: mid((f) => f.cumulativeLayoutShift),
      };
    });
  } finally {
    server.kill();
  }
}
