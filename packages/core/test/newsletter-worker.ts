// Runs the newsletter job in its own process, so a test can kill it half way.
import { runNewsletterJob } from "../src/newsletter/send";

const result = await runNewsletterJob({ ratePerSecond: Number(process.env.RATE ?? 50), leaseMs: Number(process.env.LEASE_MS ?? 300_000) });
console.log(JSON.stringify(result));
