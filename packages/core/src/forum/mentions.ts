// Mentions: a member is mentioned by writing `@[Full Name]`, their name exactly as the member
// directory shows it (case, surrounding spaces and Unicode composition do not matter). Brackets make
// names with spaces, hyphens and umlauts unambiguous; `@[…](…)` stays an ordinary Markdown link.
// A name that several approved members share is not resolved: nobody is notified by guessing.
import { db } from "../db";
import { fold } from "../text";
import { assertMember, whoCanSee, type ForumMember } from "./access";

const MENTION = /@\[([^\[\]\n]{2,100})\](?!\()/g;
/** More would let one post notify the whole network. */
export const MAX_MENTIONS = 10;

export interface Mention {
  userId: string;
  name: string;
}

/** The distinct names written as mentions, in order of first appearance. */
export function mentionedNames(body: string): string[] {
  const seen = new Map<string, string>();
  for (const match of body.matchAll(MENTION)) {
    const name = match[1]!.trim();
    const key = fold(name);
    if (key.length >= 2 && !seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()].slice(0, MAX_MENTIONS);
}

async function approvedByName(name: string): Promise<Mention | undefined> {
  const nameKey = fold(name);
  const { data } = await db()
    .entities.user.query.byStatus({ status: "approved" })
    .begins({ nameKey })
    .go({ pages: "all", attributes: ["userId", "name", "nameKey"] });
  const exact = data.filter((u) => u.nameKey === nameKey);
  return exact.length === 1 ? { userId: exact[0]!.userId, name: exact[0]!.name } : undefined;
}

/**
 * Resolves the mentions in a post against approved members who may read it (a closed group's
 * thread cannot summon outsiders). The author is never mentioned by themselves.
 */
export async function resolveMentions(body: string, scope: string, authorId: string): Promise<Mention[]> {
  const names = mentionedNames(body);
  if (names.length === 0) return [];
  const found = (await Promise.all(names.map(approvedByName))).filter((m): m is Mention => !!m && m.userId !== authorId);
  const allowed = new Set((await whoCanSee(scope, found.map((m) => m.userId))).map((u) => u.userId));
  const unique = new Map(found.filter((m) => allowed.has(m.userId)).map((m) => [m.userId, m]));
  return [...unique.values()];
}

/** Approved members whose name starts with what was typed after `@[`, for the editor's suggestions. */
export async function suggestMembers(member: ForumMember, prefix: string, limit = 10): Promise<Mention[]> {
  assertMember(member);
  const { data } = await db()
    .entities.user.query.byStatus({ status: "approved" })
    .begins({ nameKey: fold(prefix) })
    .go({ limit, attributes: ["userId", "name"] });
  return data.map((u) => ({ userId: u.userId, name: u.name }));
}
