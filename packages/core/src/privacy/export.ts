import { VisibleError } from "../errors";
import { nowIso } from "../time";
import { contributors } from "./registry";

/** Everything the platform holds about one member, one section per feature (GDPR Art. 15 and 20). */
export async function exportPersonalData(userId: string): Promise<Record<string, unknown>> {
  const sections = await Promise.all(contributors.map(async (c) => [c.section, await c.export(userId)] as const));
  const data = Object.fromEntries(sections);
  if (!data.account) throw new VisibleError("not_found", "member_not_found", "No such member.");
  return { exportedAt: nowIso(), format: "vernetzt-personal-data/1", ...data };
}
