import { runNewsletterJob } from "@vernetzt/core/newsletter/send";
import { flushUsage } from "@vernetzt/core/usage/counters";

/** Runs start every 5 minutes; each stops starting mails before the next begins, so runs do not overlap. */
const BUDGET_MS = 4.5 * 60_000;

/** Starts a due issue and sends; whatever is left, the next run continues. */
export async function handler(_event?: unknown, context?: { getRemainingTimeInMillis?: () => number }) {
  const remaining = context?.getRemainingTimeInMillis?.() ?? BUDGET_MS + 60_000;
  const result = await runNewsletterJob({ budgetMs: Math.max(10_000, Math.min(BUDGET_MS, remaining - 60_000)) });
  await flushUsage();
  console.log(JSON.stringify({ job: "newsletter", ...result }));
  return result;
}
