import { ConditionalCheckFailedException, GetItemCommand, UpdateItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { getItems } from "../batch";
import { config } from "../config";
import { conditionFailed, db, dynamo } from "../db";
import { nowIso } from "../time";
import type { ForumThreadItem } from "./forum.entity";

// Read markers ("new since my last visit"). The truth is one forumRead item per member and
// thread (F8). A category page learns which threads are on it only from its Query, too late to
// read their markers with the session; so each marker is also kept in one forumCategoryReads
// item per member and category, whose key the page knows up front.
//
// What makes that copy enough to decide, without the forumRead items:
// - Every forward move of a forumRead item is mirrored into the item of the category the thread
//   is in (same value, forward only; written just before the forumRead item).
// - The item holds at most MAX_CATEGORY_MARKERS entries. When it overflows, the entries with the
//   oldest markers go and `watermark` rises to the newest of them. So a thread absent from the
//   item has either no marker or one at or below the watermark: if its last post is above the
//   watermark it is unread either way; otherwise its forumRead item is read.
// - A member's markers from before these items existed are copied into them on their first
//   forward move since (`indexReadMarkers`), which then sets `readsByCategoryAt` on their
//   forumProfile. Until then a page reads the forumRead items as before. Accounts created since
//   start with it set (`newMemberForumProfile`).
// - A moved thread's markers stay in its old category's item. The move writes `moveMark` (the
//   thread's last post then) on the thread: an entry at or above it was written after the move,
//   in the new category; without such an entry, the forumRead item is read.
// - Deleted threads' entries stay until they are the oldest and go; erasure deletes the items.

/**
 * Entries kept per member and category. An entry is about 60 bytes, so a full item is about
 * 6 KB, far below DynamoDB's 400 KB; the cap is set by cost, as each marker write is charged
 * one write unit per KB of the item. 100 covers four pages of a category's threads.
 */
export const MAX_CATEGORY_MARKERS = 100;
/** What an overflowing item is cut back to, so that the next reads do not cut again at once. */
export const KEPT_AFTER_TRIM = 80;

type Markers = Record<string, string>;
type RawItem = Record<string, unknown>;

/** What a member's forumCategoryReads item and forumProfile say about one category. */
export interface CategoryReadState {
  /** False until the member's markers are mirrored per category: then only forumRead items tell. */
  complete: boolean;
  markers: Markers;
  watermark: string | undefined;
}

/** The items a category page reads before its Query (with the session, when read ahead). */
export function categoryReadOps(userId: string, categoryId: string) {
  const { forumCategoryReads, forumProfile } = db().entities;
  return [forumCategoryReads.get({ userId, categoryId }), forumProfile.get({ userId })];
}

export function categoryReadStateOf(readsItem: RawItem | undefined, profileItem: RawItem | undefined): CategoryReadState {
  const { forumCategoryReads, forumProfile } = db().entities;
  const reads = readsItem ? forumCategoryReads.parse({ Item: readsItem }).data : null;
  const profile = profileItem ? forumProfile.parse({ Item: profileItem }).data : null;
  return { complete: !!profile?.readsByCategoryAt, markers: (reads?.markers as Markers | undefined) ?? {}, watermark: reads?.watermark };
}

export async function categoryReadState(userId: string, categoryId: string): Promise<CategoryReadState> {
  const [readsItem, profileItem] = await getItems(categoryReadOps(userId, categoryId));
  return categoryReadStateOf(readsItem, profileItem);
}

/** The member's marker for a thread of the category as the category's item tells it; undefined when it cannot. */
function fromState(state: CategoryReadState, thread: Pick<ForumThreadItem, "threadId" | "lastPostId" | "moveMark">): { marker: string | undefined } | undefined {
  if (!state.complete) return undefined;
  const entry = state.markers[thread.threadId];
  if (thread.moveMark) return entry !== undefined && entry >= thread.moveMark ? { marker: entry } : undefined;
  if (entry !== undefined) return { marker: entry };
  if (state.watermark && thread.lastPostId <= state.watermark) return undefined;
  return { marker: undefined };
}

/**
 * The last post the member read of each of these threads (all of one category), by thread id:
 * from the category's item, and from the forumRead items (one BatchGetItem) only for threads it
 * cannot decide.
 */
export async function markersOf(userId: string, threads: Pick<ForumThreadItem, "threadId" | "lastPostId" | "moveMark">[], state: CategoryReadState): Promise<Map<string, string>> {
  const markers = new Map<string, string>();
  const undecided: string[] = [];
  for (const thread of threads) {
    const known = fromState(state, thread);
    if (!known) undecided.push(thread.threadId);
    else if (known.marker) markers.set(thread.threadId, known.marker);
  }
  for (const [threadId, marker] of await lastRead(userId, undecided)) markers.set(threadId, marker);
  return markers;
}

/** The last post each of these threads was read up to, by thread id, from the forumRead items. */
export async function lastRead(userId: string, threadIds: string[]): Promise<Map<string, string>> {
  if (threadIds.length === 0) return new Map();
  const { forumRead } = db().entities;
  const items = await getItems(threadIds.map((threadId) => forumRead.get({ userId, threadId })));
  const markers = new Map<string, string>();
  for (const item of items) {
    const read = item && forumRead.parse({ Item: item }).data;
    if (read) markers.set(read.threadId, read.lastReadPostId);
  }
  return markers;
}

/**
 * Moves a member's read marker forward to `postId`, never back (two tabs may report out of
 * order), and returns where it stands. The category's copy is written first: should the second
 * write fail, the copy is ahead for a moment (the category page shows the thread read, the
 * thread page still marks the posts new) until the member's next report, which moves the
 * forumRead item up to it; the other order could leave the copy behind for good.
 */
export async function advanceReadMarker(userId: string, thread: Pick<ForumThreadItem, "threadId" | "categoryId">, postId: string): Promise<string> {
  const { threadId } = thread;
  await mirrorMarker(userId, thread.categoryId, threadId, postId);
  try {
    await db()
      .entities.forumRead.update({ userId, threadId })
      .set({ lastReadPostId: postId, readAt: nowIso() })
      .where((attr, op) => `${op.notExists(attr.lastReadPostId)} OR ${op.lt(attr.lastReadPostId, postId)}`)
      .go();
    return postId;
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    return (await lastRead(userId, [threadId])).get(threadId) ?? postId;
  }
}

const readsKey = (userId: string, categoryId: string) => db().entities.forumCategoryReads.get({ userId, categoryId }).params().Key as Record<string, unknown>;

async function readCategoryItem(userId: string, categoryId: string): Promise<RawItem | undefined> {
  const out = await dynamo().send(new GetItemCommand({ TableName: config().tableName, Key: marshall(readsKey(userId, categoryId)), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

/** Whether setting this entry would change the item: the same test as setEntry's condition. */
const wouldAdvance = (item: RawItem, threadId: string, postId: string): boolean => {
  const entry = (item.markers as Markers)[threadId];
  const watermark = item.watermark as string | undefined;
  return entry !== undefined ? entry < postId : !watermark || watermark < postId;
};

/**
 * Sets one entry, forward only: an existing entry moves up; a new one is added unless the
 * watermark already covers it. ElectroDB cannot address a key inside a map, hence the plain
 * UpdateItem. Returns the item as written, "refused" when there was nothing to do, or "absent".
 * A refusal is looked at again: the item may have been created right after it was found absent.
 */
async function setEntry(userId: string, categoryId: string, threadId: string, postId: string): Promise<RawItem | "refused" | "absent"> {
  for (let attempt = 0; ; attempt++) {
    const written = await trySetEntry(userId, categoryId, threadId, postId);
    if (written) return written;
    const item = await readCategoryItem(userId, categoryId);
    if (!item) return "absent";
    if (!wouldAdvance(item, threadId, postId) || attempt === 5) return "refused";
  }
}

async function trySetEntry(userId: string, categoryId: string, threadId: string, postId: string): Promise<RawItem | undefined> {
  try {
    const out = await dynamo().send(
      new UpdateItemCommand({
        TableName: config().tableName,
        Key: marshall(readsKey(userId, categoryId)),
        UpdateExpression: "SET #m.#t = :p, #u = :now",
        ConditionExpression:
          "attribute_exists(#pk) AND ((attribute_exists(#m.#t) AND #m.#t < :p) OR (attribute_not_exists(#m.#t) AND (attribute_not_exists(#w) OR #w < :p)))",
        ExpressionAttributeNames: { "#pk": "pk", "#m": "markers", "#t": threadId, "#w": "watermark", "#u": "updatedAt" },
        ExpressionAttributeValues: marshall({ ":p": postId, ":now": nowIso() }),
        ReturnValues: "ALL_NEW",
      }),
    );
    return unmarshall(out.Attributes!);
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    return undefined;
  }
}

async function mirrorMarker(userId: string, categoryId: string, threadId: string, postId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await setEntry(userId, categoryId, threadId, postId);
    if (outcome === "refused") return;
    if (outcome !== "absent") {
      if (Object.keys(outcome.markers as Markers).length > MAX_CATEGORY_MARKERS) await trim(userId, categoryId, outcome);
      return;
    }
    // The member's first marker in this category since the items exist, or their first at all.
    if (!(await readsKeptByCategory(userId))) return indexReadMarkers(userId, { categoryId, threadId, postId });
    if (await createCategoryItem(userId, categoryId, { [threadId]: postId })) return;
  }
}

/** The newest `keep` entries, and the watermark covering the rest. */
function capped(markers: Markers, keep: number, watermark: string | undefined): { markers: Markers; watermark: string | undefined; dropped: [string, string][] } {
  const entries = Object.entries(markers).sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const dropped = entries.slice(0, Math.max(0, entries.length - keep));
  const highest = dropped.at(-1)?.[1];
  return {
    markers: Object.fromEntries(entries.slice(dropped.length)),
    watermark: highest && (!watermark || highest > watermark) ? highest : watermark,
    dropped,
  };
}

/**
 * Cuts an overflowing item back to KEPT_AFTER_TRIM entries, raising the watermark. Conditioned
 * on the dropped entries and the watermark as read, so a concurrent forward move is not lost
 * and the watermark never falls; on a refusal it reads again. Giving up is harmless: the item is
 * only somewhat larger until the next write trims it.
 */
async function trim(userId: string, categoryId: string, item: RawItem): Promise<void> {
  let current: RawItem | undefined = item;
  for (let attempt = 0; attempt < 3 && current; attempt++) {
    const markers = current.markers as Markers;
    if (Object.keys(markers).length <= MAX_CATEGORY_MARKERS) return;
    const before = current.watermark as string | undefined;
    const { watermark, dropped } = capped(markers, KEPT_AFTER_TRIM, before);
    const names: Record<string, string> = { "#m": "markers", "#w": "watermark" };
    const values: Record<string, unknown> = { ":w": watermark };
    const removes: string[] = [];
    const conditions: string[] = [before === undefined ? "attribute_not_exists(#w)" : "#w = :before"];
    if (before !== undefined) values[":before"] = before;
    dropped.forEach(([threadId, marker], i) => {
      names[`#d${i}`] = threadId;
      values[`:d${i}`] = marker;
      removes.push(`#m.#d${i}`);
      conditions.push(`#m.#d${i} = :d${i}`);
    });
    try {
      await dynamo().send(
        new UpdateItemCommand({
          TableName: config().tableName,
          Key: marshall(readsKey(userId, categoryId)),
          UpdateExpression: `REMOVE ${removes.join(", ")} SET #w = :w`,
          ConditionExpression: conditions.join(" AND "),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values) as Record<string, AttributeValue>,
        }),
      );
      return;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      current = await readCategoryItem(userId, categoryId);
    }
  }
}

/** Creates a category's item (capped); false when one exists already. */
async function createCategoryItem(userId: string, categoryId: string, markers: Markers): Promise<boolean> {
  const kept = capped(markers, MAX_CATEGORY_MARKERS, undefined);
  try {
    await db().entities.forumCategoryReads.create({ userId, categoryId, markers: kept.markers, watermark: kept.watermark, updatedAt: nowIso() }).go();
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

async function readsKeptByCategory(userId: string): Promise<boolean> {
  const { data } = await db().entities.forumProfile.get({ userId }).go({ consistent: true });
  return !!data?.readsByCategoryAt;
}

/**
 * Copies all of a member's forumRead markers, and the one being written now, into their
 * categories' items (grouped by the threads' categories now), then records on their forumProfile
 * that the items are complete. Runs once per member, on their first marker since the items
 * exist; a second run at the same time (two tabs) only repeats forward-only writes.
 */
async function indexReadMarkers(userId: string, current: { categoryId: string; threadId: string; postId: string }): Promise<void> {
  const { forumRead, forumThread, forumProfile } = db().entities;
  const { data: reads } = await forumRead.query.byMember({ userId }).go({ pages: "all" });
  const threadItems = await getItems(reads.map(({ threadId }) => forumThread.get({ threadId })));
  const byCategory = new Map<string, Markers>();
  reads.forEach((read, i) => {
    const item = threadItems[i];
    const thread = item && forumThread.parse({ Item: item }).data;
    if (!thread) return;
    const markers = byCategory.get(thread.categoryId) ?? {};
    markers[read.threadId] = read.lastReadPostId;
    byCategory.set(thread.categoryId, markers);
  });
  const ofCurrent = byCategory.get(current.categoryId) ?? {};
  const existing = ofCurrent[current.threadId];
  if (existing === undefined || existing < current.postId) ofCurrent[current.threadId] = current.postId;
  byCategory.set(current.categoryId, ofCurrent);
  for (const [categoryId, markers] of byCategory) {
    if (await createCategoryItem(userId, categoryId, markers)) continue;
    for (const [threadId, postId] of Object.entries(markers)) {
      const outcome = await setEntry(userId, categoryId, threadId, postId);
      if (typeof outcome === "object" && Object.keys(outcome.markers as Markers).length > MAX_CATEGORY_MARKERS) await trim(userId, categoryId, outcome);
    }
  }
  const now = nowIso();
  await forumProfile
    .update({ userId })
    .data((attr, op) => {
      op.ifNotExists(attr.readsByCategoryAt, now);
      op.ifNotExists(attr.emailNotifications, true);
      op.ifNotExists(attr.updatedAt, now);
    })
    .go();
}

/**
 * A new account's forum profile: it has no read markers yet, so its per-category items are
 * complete from the start (otherwise its category pages read forumRead items until its first read).
 */
export const newMemberForumProfile = (userId: string, now: string) => ({ userId, emailNotifications: true, updatedAt: now, readsByCategoryAt: now });

/** Erasure: all of a member's per-category items. */
export async function eraseCategoryReads(userId: string): Promise<void> {
  const { forumCategoryReads } = db().entities;
  const { data } = await forumCategoryReads.query.byMember({ userId }).go({ pages: "all", attributes: ["categoryId"] });
  if (data.length > 0) await forumCategoryReads.delete(data.map(({ categoryId }) => ({ userId, categoryId }))).go();
}
