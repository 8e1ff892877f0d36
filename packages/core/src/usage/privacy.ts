import { db } from "../db";
import type { PersonalDataContributor } from "../privacy/contributor";
import { usageMonth } from "./counters";

/**
 * The only personal trace of usage counting is the "counted this month" marker (it holds the
 * member's id and expires after ~40 days). Erased for this month and the one before, the only ones
 * whose markers can still exist; the month's total stays, it names nobody.
 */
export const usagePrivacy: PersonalDataContributor = {
  section: "usage",
  async export(userId) {
    const months = recentMonths();
    const found = await Promise.all(months.map((month) => db().entities.activeMember.get({ month, userId }).go()));
    return { countedAsActiveIn: found.flatMap((r, i) => (r.data ? [months[i]!] : [])) };
  },
  async erase(userId) {
    await Promise.all(recentMonths().map((month) => db().entities.activeMember.delete({ month, userId }).go()));
  },
};

function recentMonths(now = new Date()): string[] {
  const previous = new Date(now);
  previous.setUTCDate(1);
  previous.setUTCMonth(previous.getUTCMonth() - 1);
  return [usageMonth(now), usageMonth(previous)];
}
