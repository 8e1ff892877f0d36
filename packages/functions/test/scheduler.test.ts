import { describe, expect, it } from "vitest";
import { startScheduler } from "../src/local/scheduler";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("local scheduler", () => {
  it("runs a job on its interval, never two runs of it at once, and survives a failing run", async () => {
    let running = 0;
    let maxParallel = 0;
    let runs = 0;
    const stop = startScheduler(
      [
        {
          name: "slow",
          everyMs: 20,
          run: async () => {
            runs += 1;
            running += 1;
            maxParallel = Math.max(maxParallel, running);
            await sleep(70);
            running -= 1;
            if (runs === 1) throw new Error("first run fails");
          },
        },
      ],
      0,
    );
    const originalError = console.error;
    console.error = () => undefined;
    await sleep(400);
    stop();
    console.error = originalError;
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxParallel).toBe(1);
  });
});
