import { runNewsletterJob } from "@vernetzt/core/newsletter/send";

/** Every few minutes: starts a due issue and sends, stopping a minute before the Lambda times out. */
export async function handler(_event?: unknown, context?: { getRemainingTimeInMillis?: () => number }) {
  const remaining = context?.getRemainingTimeInMillis?.() ?? 10 * 60_000;
  const result = await runNewsletterJob({ budgetMs: Math.max(10_000, remaining - 60_000) });
  console.log(JSON.stringify({ job: "newsletter", ...result }));
  return result;
}
