// Local throughput: autocannon (10 connections, 10 s) against the API served by Node on this
// machine, beside a bare Hono server measured the same way in the same run.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "@vernetzt/core/local/emulators";
import type { PageRequest } from "./roundtrips";
import { round } from "./stats";

const HERE = path.dirname(fileURLToPath(import.meta.url));

async function startServer(which: "api" | "hello", env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "serve.ts"), which, String(port)], { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`${which} server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export interface ThroughputFigure {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  rpsVsBareHono: number;
}

async function load(url: string, cookie: string | undefined, seconds: number) {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers: cookie ? { cookie } : {} });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

export async function measureThroughput(env: NodeJS.ProcessEnv, cookie: string, requests: PageRequest[], seconds = 10): Promise<ThroughputFigure[]> {
  const hello = await startServer("hello", env);
  const api = await startServer("api", env);
  try {
    const bare = await load(`${hello.url}/api/health`, undefined, seconds);
    const rows: ThroughputFigure[] = [{ target: "bare Hono (baseline)", requestsPerSecond: round(bare.rps), p50Ms: bare.p50, p99Ms: bare.p99, non2xx: bare.non2xx, rpsVsBareHono: 1 }];
    for (const request of requests) {
      await load(`${api.url}${request.path}`, cookie, 1);
      const r = await load(`${api.url}${request.path}`, cookie, seconds);
      rows.push({ target: request.page, requestsPerSecond: round(r.rps), p50Ms: r.p50, p99Ms: r.p99, non2xx: r.non2xx, rpsVsBareHono: round(r.rps / bare.rps, 4) });
    }
    return rows;
  } finally {
    hello.child.kill();
    api.child.kill();
  }
}
