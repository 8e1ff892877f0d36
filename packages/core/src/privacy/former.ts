/** Stands in for an erased member wherever someone else's record must keep a reference. */
export const FORMER_MEMBER_ID = "former_member";
/** Shown instead of an erased member's name (posts, threads, notifications). */
export const FORMER_MEMBER_NAME = "Ehemaliges Mitglied";

/** Runs writes a few at a time: erasure touches many items but must not flood the table. */
export async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * A copy of a stored record with every mention of the member (id, name, address) replaced by
 * the stand-ins, in any string at any depth. Key attributes are the caller's business.
 */
export function scrub<T>(value: T, person: { userId: string; name?: string; email?: string }): T {
  const replace = (s: string) => {
    let out = s.split(person.userId).join(FORMER_MEMBER_ID);
    if (person.name) out = out.split(person.name).join(FORMER_MEMBER_NAME);
    if (person.email) out = out.replace(new RegExp(person.email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), FORMER_MEMBER_NAME);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return replace(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
