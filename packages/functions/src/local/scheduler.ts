// Local stand-in for the EventBridge rules: runs the same job handlers on a timer.

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/** Starts the jobs (first run shortly after start-up); returns a function that stops them. */
export function startScheduler(jobs: ScheduledJob[], firstRunAfterMs = 5_000): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      // Like a rule whose previous invocation is still busy: skip rather than pile up.
      if (running) return;
      running = true;
      try {
        await job.run();
      } catch (err) {
        console.error(`Scheduled job ${job.name} failed:`, err);
      } finally {
        running = false;
      }
    };
    timers.push(setTimeout(tick, firstRunAfterMs), setInterval(tick, job.everyMs));
  }
  for (const t of timers) t.unref();
  return () => timers.forEach((t) => clearTimeout(t));
}
