import { getItems } from "../batch";
import { db, retryConflicts, type Tx, type TxResult } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { fold } from "../text";
import { nowIso } from "../time";
import { getUser, isStaff } from "../user/account";
import type { MemberStatus, Role, UserItem } from "../user/user.entity";
import { DIRECTORY_PAGE_SIZE, MAX_NAME_WORDS, PROFILE_FIELDS, STANDARD_AREAS, type ProfileField, type Visibility } from "./constants";
import type { DirectoryFacetItem, PersonProfileItem } from "./people.entity";
import type { DirectoryQuery, ProfileInput } from "./schema";
import { deleteObject, finalizeImage, getObject } from "./photos";

/** Who is looking: the signed-in member. */
export interface Viewer {
  userId: string;
  role: Role;
  status: MemberStatus;
}

export type VisibilitySettings = Record<ProfileField, Visibility>;

/** Whether `viewer` may see a field its owner gave this visibility. Nothing is public. */
export function maySee(level: Visibility, viewer: Viewer, ownerId: string): boolean {
  if (viewer.userId === ownerId) return true;
  if (viewer.status !== "approved") return false;
  if (level === "members") return true;
  if (level === "coordinators") return isStaff(viewer.role);
  return false;
}

export function visibilityOf(profile: Pick<PersonProfileItem, "visibility">): VisibilitySettings {
  const stored = profile.visibility ?? {};
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, stored[f] ?? "members"])) as VisibilitySettings;
}

const defaultVisibility = () => Object.fromEntries(PROFILE_FIELDS.map((f) => [f, "members"])) as VisibilitySettings;

function blankProfile(userId: string): PersonProfileItem {
  return {
    userId,
    bio: "",
    areas: [],
    languages: [],
    town: "",
    availability: "",
    visibility: defaultVisibility(),
    listed: true,
    messageNotices: true,
    version: 0,
    updatedAt: nowIso(),
  };
}

export async function findProfile(userId: string): Promise<PersonProfileItem | undefined> {
  const { data } = await db().entities.personProfile.get({ userId }).go();
  return data ?? undefined;
}

export async function profilesOf(userIds: string[]): Promise<Map<string, PersonProfileItem>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db().entities.personProfile.get(ids.map((userId) => ({ userId }))).go();
  return new Map(data.map((p) => [p.userId, p]));
}

export async function usersOf(userIds: string[]): Promise<Map<string, UserItem>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db().entities.user.get(ids.map((userId) => ({ userId }))).go();
  return new Map(data.map((u) => [u.userId, u]));
}

/** Folded for matching: lower case, accents and umlauts reduced to their base letter, ß as ss. */
export function searchFold(text: string): string {
  return fold(text).replace(/ß/g, "ss").normalize("NFD").replace(/\p{M}/gu, "");
}

function nameWords(name: string): string[] {
  return [...new Set(searchFold(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))].slice(0, MAX_NAME_WORDS);
}

export const townKey = (town: string) => searchFold(town).replace(/\s+/g, " ");

interface FacetKey {
  facet: string;
  sortKey: string;
}

/** What a directory card shows of a member (see DirectoryFacetEntity.card). */
export type DirectoryCard = NonNullable<DirectoryFacetItem["card"]>;

/** The cache-busting part of a photo's URL: the stored image's id, new with every upload. */
const photoId = (photoKey: string) => photoKey.slice(photoKey.lastIndexOf("/") + 1).replace(/\.[a-z]+$/, "");

/** A member's card with the fields `see` allows. */
function cardOf(name: string, p: PersonProfileItem, see: (field: ProfileField) => boolean): DirectoryCard {
  return {
    name,
    ...(see("photo") && p.photoKey ? { photo: photoId(p.photoKey) } : {}),
    ...(see("town") && p.town ? { town: p.town } : {}),
    ...(see("areas") ? { areas: p.areas } : {}),
    ...(see("languages") ? { languages: p.languages } : {}),
  };
}

/** The card stored on a member's facets: only what the member lets every member see. */
export function memberCard(user: Pick<UserItem, "name">, profile: PersonProfileItem): DirectoryCard {
  const vis = visibilityOf(profile);
  return cardOf(user.name, profile, (f) => vis[f] === "members");
}

/** The card as coordinators see it: what the member shows members and what she shows coordinators. */
function staffCardOf(user: Pick<UserItem, "name">, profile: PersonProfileItem): DirectoryCard {
  const vis = visibilityOf(profile);
  return cardOf(user.name, profile, (f) => vis[f] === "members" || vis[f] === "coordinators");
}

/** The card fields and whether a member's profile has a value for each (what a card would show). */
const CARD_VALUES = {
  photo: (p: PersonProfileItem) => Boolean(p.photoKey),
  town: (p: PersonProfileItem) => Boolean(p.town),
  areas: (p: PersonProfileItem) => p.areas.length > 0,
  languages: (p: PersonProfileItem) => p.languages.length > 0,
} satisfies Partial<Record<ProfileField, (p: PersonProfileItem) => boolean>>;

/**
 * Whether coordinators see more of the member's card than members do: a card field with a value
 * that the member shows to coordinators only. Then the facets also carry `staffCard`, the card as
 * coordinators see it, which only coordinators' directory queries ask for.
 */
function showsStaffMore(profile: PersonProfileItem): boolean {
  const vis = visibilityOf(profile);
  return Object.entries(CARD_VALUES).some(([field, hasValue]) => vis[field as ProfileField] === "coordinators" && hasValue(profile));
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

function sameCard(a: DirectoryCard | undefined, b: DirectoryCard): boolean {
  return !!a && a.name === b.name && a.photo === b.photo && a.town === b.town && sameList(a.areas, b.areas) && sameList(a.languages, b.languages);
}

/** The facet items a member should have: only what they let every member see, only while approved and listed. */
export function desiredFacets(user: Pick<UserItem, "userId" | "nameKey" | "name" | "status">, profile: PersonProfileItem, orgIds: string[]): FacetKey[] {
  if (user.status !== "approved" || !profile.listed) return [];
  const vis = visibilityOf(profile);
  const byName = `${user.nameKey}#${user.userId}`;
  const facets: FacetKey[] = [{ facet: "all", sortKey: byName }];
  if (vis.areas === "members") for (const a of new Set(profile.areas)) facets.push({ facet: `area#${a}`, sortKey: byName });
  if (vis.languages === "members") for (const l of new Set(profile.languages)) facets.push({ facet: `lang#${l}`, sortKey: byName });
  if (vis.town === "members" && profile.town) facets.push({ facet: `town#${townKey(profile.town)}`, sortKey: byName });
  if (vis.organisations === "members") for (const o of new Set(orgIds)) facets.push({ facet: `org#${o}`, sortKey: byName });
  for (const w of nameWords(user.name)) facets.push({ facet: `word#${w.slice(0, 2)}`, sortKey: `${w}#${user.userId}` });
  return facets;
}

export async function confirmedOrgIds(userId: string): Promise<string[]> {
  const { data } = await db()
    .entities.orgLink.query.byMember({ userId })
    .where((a, op) => op.eq(a.status, "confirmed"))
    .go({ pages: "all" });
  return data.map((l) => l.orgId);
}

/** A change to the account that the directory shows (name, status). */
export interface AccountChange {
  /** The account as it will be, from the account as read. */
  next: (current: UserItem) => UserItem;
  /** The account's write, on condition that it is still as read (`current`). */
  write: (tx: Tx, current: UserItem) => unknown;
}

export interface SyncOptions {
  /** Changes to the profile itself. */
  changes?: Partial<Omit<PersonProfileItem, "userId" | "version">>;
  /** The confirmed organisations after this write (when it changes an organisation link). */
  orgIds?: (current: string[]) => string[];
  /** A change to the account written in the same transaction (rename, approval, block). */
  account?: AccountChange;
  /** Further writes that must happen together with the profile and its facets. */
  extra?: (tx: Tx) => unknown[];
}

/** DynamoDB's limit for one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;

const changedMeanwhile = (message = "This was changed meanwhile. Please reload.") => new VisibleError("conflict", "changed_meanwhile", message);
const failedCondition = (d: { code: string } | undefined) => d?.code === "ConditionalCheckFailed";

/**
 * Writes a member's profile and rewrites their directory facets and cards to match, in one
 * transaction conditioned on the profile's version and on the account the facets were built from
 * (its status and name, and that its erasure has not begun): a concurrent write makes this one read
 * again and retry.
 *
 * Size: a member has at most 1 + MAX_AREAS + MAX_LANGUAGES + 1 + MAX_ORGANISATIONS +
 * MAX_NAME_WORDS = 44 facets; a rename replaces them all (44 deletes + 44 puts), plus the profile
 * and the account: 90 of the 100 items a transaction may hold.
 */
export async function syncProfile(userId: string, options: SyncOptions = {}): Promise<PersonProfileItem> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const user = await getUser(userId);
    if (!user || user.deletingAt) throw new VisibleError("not_found", "member_not_found", "No such member.");
    const [stored, currentOrgs, existing] = await Promise.all([
      findProfile(userId),
      confirmedOrgIds(userId),
      db().entities.directoryFacet.query.byMember({ userId }).go({ pages: "all" }),
    ]);
    const current = stored ?? blankProfile(userId);
    const next: PersonProfileItem = { ...current, ...options.changes, userId, version: current.version + 1, updatedAt: nowIso() };
    const orgIds = options.orgIds ? options.orgIds(currentOrgs) : currentOrgs;
    const account = options.account ? options.account.next(user) : user;
    const want = desiredFacets(account, next, orgIds);
    const card = memberCard(account, next);
    const staffCard = showsStaffMore(next) ? staffCardOf(account, next) : undefined;
    const id = (f: FacetKey) => `${f.facet}\u0000${f.sortKey}`;
    const have = new Map(existing.data.map((f) => [id(f), f]));
    const wanted = new Map(want.map((f) => [id(f), f]));
    const removals = [...have.values()].filter((f) => !wanted.has(id(f)));
    // New facets, and kept ones whose card, mark or name is out of date (or that predate cards).
    const writes = [...wanted.values()].filter((f) => {
      const old = have.get(id(f));
      return !old || old.nameKey !== account.nameKey || !sameCard(old.card, card) || (old.staffCard || staffCard ? !old.staffCard || !staffCard || !sameCard(old.staffCard, staffCard) : false);
    });
    const vis = visibilityOf(next);
    const result = await retryConflicts(() =>
      db()
        .transaction.write((tx) => {
          const items = [
            stored
              ? tx.personProfile.put(next).where((a, op) => op.eq(a.version, current.version)).commit()
              : tx.personProfile.create(next).commit(),
            options.account
              ? options.account.write(tx, user)
              : tx.user
                  .check({ userId })
                  .where((a, op) => `${op.eq(a.status, user.status)} AND ${op.eq(a.name, user.name)} AND ${op.notExists(a.deletingAt)}`)
                  .commit(),
            ...removals.map((f) => tx.directoryFacet.delete({ facet: f.facet, sortKey: f.sortKey }).commit()),
            ...writes.map((f) => tx.directoryFacet.put({ ...f, userId, nameKey: account.nameKey, card, ...(staffCard ? { staffCard } : {}) }).commit()),
            ...(next.town && vis.town === "members" && next.town !== current.town && next.listed
              ? [tx.directoryTown.put({ scope: "towns", townKey: townKey(next.town), label: next.town }).commit()]
              : []),
            ...(options.extra ? (options.extra(tx) as never[]) : []),
          ];
          // Unreachable within the limits above; refused here rather than half understood by DynamoDB.
          if (items.length > MAX_TRANSACTION_ITEMS) throw new Error(`Profile write of ${userId} needs ${items.length} transaction items.`);
          return items as never[];
        })
        .go(),
    );
    if (!result.canceled) return next;
    const reasons = (result as TxResult).data;
    // The caller's own conditions failing is the caller's answer, not a race.
    if (options.account && failedCondition(reasons[1])) throw changedMeanwhile();
    if (options.extra && reasons.slice(2 + removals.length + writes.length).some(failedCondition)) throw changedMeanwhile();
    // The profile or the account changed meanwhile: read both again.
  }
  throw changedMeanwhile("Your profile changed meanwhile. Please try again.");
}

/**
 * Writes a change to the account that the directory shows (name, status). With a profile (or
 * `createProfile`), the profile's facets and cards change in the same transaction; without one the
 * member has no facets, and the account is written on condition that there still is no profile
 * (a profile created meanwhile checked the account it was built from, so one of the two is refused
 * and goes again). Answers the account as written.
 */
export async function changeAccount(
  userId: string,
  account: AccountChange,
  options: { createProfile?: boolean; extra?: (tx: Tx) => unknown[] } = {},
): Promise<UserItem> {
  for (let attempt = 0; attempt < 6; attempt++) {
    if (options.createProfile || (await findProfile(userId))) {
      let written: UserItem | undefined;
      await syncProfile(userId, { account: { next: (current) => (written = account.next(current)), write: account.write }, extra: options.extra });
      return written!;
    }
    const user = await getUser(userId);
    if (!user) throw new VisibleError("not_found", "member_not_found", "No such member.");
    const extra = options.extra;
    const result = await retryConflicts(() =>
      db()
        .transaction.write((tx) => [
          account.write(tx, user) as never,
          tx.personProfile.check({ userId }).where((a, op) => op.notExists(a.version)).commit(),
          ...((extra ? extra(tx) : []) as never[]),
        ])
        .go(),
    );
    if (!result.canceled) return account.next(user);
    const reasons = (result as TxResult).data;
    if (failedCondition(reasons[0]) || reasons.slice(2).some(failedCondition)) throw changedMeanwhile();
    // A profile appeared meanwhile: write together with it.
  }
  throw changedMeanwhile();
}

/** Gives an approved member a (blank) profile, so they appear in the directory by name. */
export async function ensureProfile(userId: string): Promise<PersonProfileItem> {
  return (await findProfile(userId)) ?? syncProfile(userId);
}

// Areas of engagement

export interface AreaView {
  id: string;
  label?: string;
  standard: boolean;
}

export async function listAreas(): Promise<AreaView[]> {
  const { data } = await db().entities.customArea.query.byScope({ scope: "areas" }).go({ pages: "all" });
  return [
    ...STANDARD_AREAS.map((id) => ({ id, standard: true })),
    ...data.sort((a, b) => a.label.localeCompare(b.label, "de")).map((a) => ({ id: a.areaId, label: a.label, standard: false })),
  ];
}

export async function createArea(actor: Viewer, label: string): Promise<AreaView> {
  if (!isStaff(actor.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may add areas.");
  const areaId = createId("are");
  await db().entities.customArea.create({ scope: "areas", areaId, label, createdAt: nowIso(), createdBy: actor.userId }).go();
  return { id: areaId, label, standard: false };
}

/** Coordinator-defined areas must exist; standard ones are checked by the schema. */
export async function assertAreasExist(areas: string[], field = "areas"): Promise<void> {
  const custom = [...new Set(areas.filter((a) => a.startsWith("are_")))];
  if (custom.length === 0) return;
  const { data } = await db().entities.customArea.get(custom.map((areaId) => ({ scope: "areas", areaId }))).go();
  if (data.length !== custom.length) throw new VisibleError("invalid", "invalid_input", "An area of engagement does not exist.", { [field]: "invalid_choice" });
}

// Own profile

export interface OwnProfile {
  userId: string;
  name: string;
  bio: string;
  areas: string[];
  languages: string[];
  town: string;
  availability: string;
  hasPhoto: boolean;
  photoVersion: number;
  visibility: VisibilitySettings;
  listed: boolean;
  messageNotices: boolean;
}

function toOwnProfile(user: UserItem, p: PersonProfileItem): OwnProfile {
  return {
    userId: user.userId,
    name: user.name,
    bio: p.bio,
    areas: p.areas,
    languages: p.languages,
    town: p.town,
    availability: p.availability,
    hasPhoto: Boolean(p.photoKey),
    photoVersion: p.version,
    visibility: visibilityOf(p),
    listed: p.listed,
    messageNotices: p.messageNotices,
  };
}

export async function getOwnProfile(user: UserItem): Promise<OwnProfile> {
  return toOwnProfile(user, await ensureProfile(user.userId));
}

export async function saveOwnProfile(user: UserItem, input: ProfileInput): Promise<OwnProfile> {
  await assertAreasExist(input.areas);
  const visibility = { ...defaultVisibility(), ...input.visibility };
  const saved = await syncProfile(user.userId, {
    changes: {
      bio: input.bio,
      areas: [...new Set(input.areas)],
      languages: [...new Set(input.languages)],
      town: input.town,
      availability: input.availability,
      visibility,
      listed: input.listed,
      messageNotices: input.messageNotices,
    },
  });
  return toOwnProfile(user, saved);
}

// Viewing others

export interface OrgRef {
  orgId: string;
  name: string;
}

export interface ProfileView {
  userId: string;
  name: string;
  self: boolean;
  /** Present only when the viewer may see the photo; served by the API after the same check. */
  photoUrl?: string;
  bio?: string;
  areas?: string[];
  languages?: string[];
  town?: string;
  organisations?: OrgRef[];
  availability?: string;
  /** The viewer blocked this member. */
  blockedByMe: boolean;
}

export function photoUrl(userId: string, version: number | string): string {
  return `/api/people/${userId}/photo?v=${version}`;
}

/** A profile as `viewer` may see it: each field only if its owner's choice allows. */
export function projectProfile(viewer: Viewer, user: UserItem, p: PersonProfileItem, orgs: OrgRef[]): Omit<ProfileView, "blockedByMe"> {
  const vis = visibilityOf(p);
  const see = (f: ProfileField) => maySee(vis[f], viewer, user.userId);
  return {
    userId: user.userId,
    name: user.name,
    self: viewer.userId === user.userId,
    ...(see("photo") && p.photoKey ? { photoUrl: photoUrl(user.userId, p.version) } : {}),
    ...(see("bio") ? { bio: p.bio } : {}),
    ...(see("areas") ? { areas: p.areas } : {}),
    ...(see("languages") ? { languages: p.languages } : {}),
    ...(see("town") ? { town: p.town } : {}),
    ...(see("organisations") ? { organisations: orgs } : {}),
    ...(see("availability") ? { availability: p.availability } : {}),
  };
}

export async function orgNames(orgIds: string[]): Promise<OrgRef[]> {
  const ids = [...new Set(orgIds)];
  if (ids.length === 0) return [];
  const { data } = await db().entities.organisation.get(ids.map((orgId) => ({ orgId }))).go();
  return data.map((o) => ({ orgId: o.orgId, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, "de"));
}

/** Only approved members have profiles others may open; coordinators may also open pending or blocked ones. */
export async function loadPerson(viewer: Viewer, userId: string): Promise<UserItem> {
  const user = await getUser(userId);
  if (!user || (user.status !== "approved" && !isStaff(viewer.role) && viewer.userId !== userId)) {
    throw new VisibleError("not_found", "member_not_found", "No such member.");
  }
  return user;
}

export async function viewProfile(viewer: Viewer, userId: string): Promise<ProfileView> {
  const user = await loadPerson(viewer, userId);
  const [profile, orgIds, block] = await Promise.all([
    findProfile(userId),
    confirmedOrgIds(userId),
    db().entities.block.get({ blockerId: viewer.userId, blockedId: userId }).go(),
  ]);
  const orgs = await orgNames(orgIds);
  return { ...projectProfile(viewer, user, profile ?? blankProfile(userId), orgs), blockedByMe: Boolean(block.data) };
}

// Directory

export interface DirectoryEntry {
  userId: string;
  name: string;
  photoUrl?: string;
  town?: string;
  areas?: string[];
  languages?: string[];
}

interface FacetQuery {
  facet: string;
  prefix?: string;
}

function facetQueries(query: DirectoryQuery): FacetQuery[] {
  const queries: FacetQuery[] = [];
  if (query.area) queries.push({ facet: `area#${query.area}` });
  if (query.language) queries.push({ facet: `lang#${query.language}` });
  if (query.town) queries.push({ facet: `town#${townKey(query.town)}` });
  if (query.org) queries.push({ facet: `org#${query.org}` });
  for (const word of nameWords(query.q ?? "")) {
    // One letter: names starting with it; longer: any word of the name starting with it.
    queries.push(word.length < 2 ? { facet: "all", prefix: word } : { facet: `word#${word.slice(0, 2)}`, prefix: word });
  }
  return queries.length > 0 ? queries : [{ facet: "all" }];
}

/**
 * A listed member as a facet item has them: place in the listing, the card (absent on old items)
 * and, for coordinators only, the card as they see it. Only the card's fields reach the answer.
 */
interface Listed {
  userId: string;
  sortKey: string;
  card?: DirectoryCard;
  staffCard?: DirectoryCard;
}

/**
 * The facet attributes a viewer's directory Query asks for. `staffCard` only for coordinators: for
 * everyone else DynamoDB's projection leaves it out, so it never reaches the API process.
 */
function facetAttributes(viewer: Viewer) {
  return isStaffViewer(viewer) ? (["userId", "nameKey", "sortKey", "card", "staffCard"] as const) : (["userId", "nameKey", "sortKey", "card"] as const);
}

const isStaffViewer = (viewer: Viewer) => viewer.status === "approved" && isStaff(viewer.role);

async function membersOfFacet(viewer: Viewer, q: FacetQuery): Promise<Map<string, Listed>> {
  const base = db().entities.directoryFacet.query.byFacet({ facet: q.facet });
  const query = q.prefix ? db().entities.directoryFacet.query.byFacet({ facet: q.facet }).begins({ sortKey: q.prefix }) : base;
  const { data } = await query.go({ pages: "all", attributes: [...facetAttributes(viewer)] });
  return new Map(data.map((f) => [f.userId, { userId: f.userId, sortKey: `${f.nameKey}#${f.userId}`, card: f.card, staffCard: f.staffCard }]));
}

/**
 * What a directory page shows of `viewer`'s audience: approved members see the cards stored on
 * the facets; coordinators also what members showed to coordinators only. The viewer's own card
 * is shown as her audience sees it too (her profile page shows her everything).
 */
function audienceSees(viewer: Viewer): ((level: Visibility) => boolean) | undefined {
  if (viewer.status !== "approved") return undefined;
  return (level) => level === "members" || (level === "coordinators" && isStaff(viewer.role));
}

/**
 * The cards of a page, answered by the facets alone: `card` for members, `staffCard` where present
 * for coordinators. Facet items written before cards were stored read their members' accounts and
 * profiles, in one BatchGetItem, as before.
 */
async function pageCards(viewer: Viewer, page: Listed[]): Promise<(DirectoryCard | undefined)[]> {
  const sees = audienceSees(viewer);
  const staff = isStaffViewer(viewer);
  const legacy = page.map((m) => !m.card);
  const { user: users, personProfile: profiles } = db().entities;
  const reads = page.flatMap((m, i) => (legacy[i] ? [users.get({ userId: m.userId }), profiles.get({ userId: m.userId })] : []));
  const items = reads.length > 0 ? await getItems(reads) : [];
  let at = 0;
  return page.map((m, i) => {
    if (!legacy[i]) return sees ? (staff && m.staffCard) || m.card : { name: m.card!.name };
    const userItem = items[at++];
    const profileItem = items[at++];
    const user = userItem ? users.parse({ Item: userItem }).data : null;
    const profile = profileItem ? profiles.parse({ Item: profileItem }).data : null;
    if (!user || !profile || user.status !== "approved" || !profile.listed) return undefined;
    if (!sees) return { name: user.name };
    const vis = visibilityOf(profile);
    return cardOf(user.name, profile, (f) => sees(vis[f]));
  });
}

/**
 * The directory: approved, listed members matching every filter, by name. One facet is paged by
 * key; several are queried and intersected. The facet items carry the cards (see pageCards).
 */
export async function searchDirectory(viewer: Viewer, query: DirectoryQuery): Promise<{ people: DirectoryEntry[]; cursor: string | null }> {
  const queries = facetQueries(query);
  const after = query.cursor ?? "";
  let listed: Listed[];
  if (queries.length === 1 && !queries[0]!.prefix) {
    const base = db().entities.directoryFacet.query.byFacet({ facet: queries[0]!.facet });
    const page = after ? db().entities.directoryFacet.query.byFacet({ facet: queries[0]!.facet }).gt({ sortKey: after }) : base;
    const { data } = await page.go({ limit: DIRECTORY_PAGE_SIZE + 1, attributes: [...facetAttributes(viewer)] });
    listed = data.map((f) => ({ userId: f.userId, sortKey: f.sortKey, card: f.card, staffCard: f.staffCard }));
  } else {
    const sets = await Promise.all(queries.map((q) => membersOfFacet(viewer, q)));
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    listed = [...smallest!.values()]
      .filter((m) => rest.every((s) => s.has(m.userId)))
      .filter((m) => m.sortKey > after)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .slice(0, DIRECTORY_PAGE_SIZE + 1);
  }
  const more = listed.length > DIRECTORY_PAGE_SIZE;
  const page = listed.slice(0, DIRECTORY_PAGE_SIZE);
  const cards = await pageCards(viewer, page);
  const people: DirectoryEntry[] = [];
  for (const [i, { userId }] of page.entries()) {
    const card = cards[i];
    if (!card) continue;
    // The entry names each field of the card: nothing else of the item is answered.
    people.push({ userId, name: card.name, photoUrl: card.photo ? photoUrl(userId, card.photo) : undefined, town: card.town, areas: card.areas, languages: card.languages });
  }
  return { people, cursor: more ? page.at(-1)!.sortKey : null };
}

/** Towns members chose to show, for the filter. */
export async function listTowns(): Promise<string[]> {
  const { data } = await db().entities.directoryTown.query.byScope({ scope: "towns" }).go({ pages: "all" });
  return data.map((t) => t.label).sort((a, b) => a.localeCompare(b, "de"));
}

// Photo

/** Takes the uploaded original (see photos.ts), stores the resized photo and drops the previous one. */
export async function setOwnPhoto(user: UserItem, uploadKey: string): Promise<OwnProfile> {
  const key = await finalizeImage(user.userId, uploadKey, `photos/${user.userId}`);
  const before = await findProfile(user.userId);
  const saved = await syncProfile(user.userId, { changes: { photoKey: key } });
  if (before?.photoKey && before.photoKey !== key) await deleteObject(before.photoKey);
  return toOwnProfile(user, saved);
}

export async function removeOwnPhoto(user: UserItem): Promise<OwnProfile> {
  const before = await findProfile(user.userId);
  const saved = await syncProfile(user.userId, { changes: { photoKey: undefined } });
  if (before?.photoKey) await deleteObject(before.photoKey);
  return toOwnProfile(user, saved);
}

/** The photo's bytes, only for viewers the member lets see it. */
export async function viewablePhoto(viewer: Viewer, userId: string): Promise<{ body: Uint8Array; contentType: string }> {
  const notFound = () => new VisibleError("not_found", "photo_not_found", "No photo.");
  await loadPerson(viewer, userId);
  const profile = await findProfile(userId);
  if (!profile?.photoKey || !maySee(visibilityOf(profile).photo, viewer, userId)) throw notFound();
  const stored = await getObject(profile.photoKey);
  if (!stored) throw notFound();
  return { body: stored.body, contentType: stored.contentType ?? "image/webp" };
}
