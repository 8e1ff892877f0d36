import { db } from "../db";
import { VisibleError } from "../errors";
import { syncProfile } from "./profiles";

export interface BackfillResult {
  /** Members listed in the directory (items of the `all` facet). */
  listed: number;
  /** Members whose facets were rewritten with their card. */
  rewritten: number;
  /** Members whose account is gone or being erased: left to the erasure, which removes their facets. */
  skipped: number;
}

/**
 * One-off after deploying directory cards (see README, "Directory cards"): rewrites the facets of
 * every listed member whose items predate cards. syncProfile puts the card on each of them, and
 * removes the facets of members blocked before facets followed the status. Reads the `all` facet
 * page by page (Query, no Scan), one member at a time; safe to run again, and beside live traffic
 * (every rewrite is the same conditioned transaction a profile save is).
 */
export async function backfillDirectoryCards(log: (line: string) => void = () => {}): Promise<BackfillResult> {
  const todo = new Set<string>();
  let listed = 0;
  let cursor: string | null = null;
  do {
    const page: { data: { userId: string; card?: unknown }[]; cursor: string | null } = await db()
      .entities.directoryFacet.query.byFacet({ facet: "all" })
      .go({ cursor, attributes: ["userId", "card"] });
    listed += page.data.length;
    for (const item of page.data) if (!item.card) todo.add(item.userId);
    cursor = page.cursor;
  } while (cursor);
  let rewritten = 0;
  let skipped = 0;
  for (const userId of todo) {
    try {
      await syncProfile(userId);
      rewritten += 1;
    } catch (err) {
      if (!(err instanceof VisibleError && err.code === "member_not_found")) throw err;
      skipped += 1;
    }
    if ((rewritten + skipped) % 100 === 0) log(`${rewritten + skipped} of ${todo.size} members done`);
  }
  return { listed, rewritten, skipped };
}
