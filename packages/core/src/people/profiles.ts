import { getItems } from "../batch";
import { db, retryConflicts, type Tx, type TxResult } from "../db";
import { VisibleError } from "../errors";
import { createId } from "../id";
import { fold } from "../text";
import { nowIso } from "../time";
import { getUser, isStaff } from "../user/account";
import type { MemberStatus, Role, UserItem } from "../user/user.entity";
import { DIRECTORY_PAGE_SIZE, PROFILE_FIELDS, STANDARD_AREAS, type ProfileField, type Visibility } from "./constants";
import type { PersonProfileItem } from "./people.entity";
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
  return [...new Set(searchFold(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))].slice(0, 8);
}

export const townKey = (town: string) => searchFold(town).replace(/\s+/g, " ");

interface FacetKey {
  facet: string;
  sortKey: string;
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

export interface SyncOptions {
  /** Changes to the profile itself. */
  changes?: Partial<Omit<PersonProfileItem, "userId" | "version">>;
  /** The confirmed organisations after this write (when it changes an organisation link). */
  orgIds?: (current: string[]) => string[];
  /** Further writes that must happen together with the profile and its facets. */
  extra?: (tx: Tx) => unknown[];
}

/**
 * Writes a member's profile and rewrites their directory facets to match, in one transaction
 * conditioned on the profile's version: a concurrent write makes this one read again and retry.
 */
export async function syncProfile(userId: string, options: SyncOptions = {}): Promise<PersonProfileItem> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const user = await getUser(userId);
    if (!user) throw new VisibleError("not_found", "member_not_found", "No such member.");
    const [stored, currentOrgs, existing] = await Promise.all([
      findProfile(userId),
      confirmedOrgIds(userId),
      db().entities.directoryFacet.query.byMember({ userId }).go({ pages: "all" }),
    ]);
    const current = stored ?? blankProfile(userId);
    const next: PersonProfileItem = { ...current, ...options.changes, userId, version: current.version + 1, updatedAt: nowIso() };
    const orgIds = options.orgIds ? options.orgIds(currentOrgs) : currentOrgs;
    const want = desiredFacets(user, next, orgIds);
    const id = (f: FacetKey) => `${f.facet}\u0000${f.sortKey}`;
    const have = new Map(existing.data.map((f) => [id(f), f]));
    const wanted = new Map(want.map((f) => [id(f), f]));
    const removals = [...have.values()].filter((f) => !wanted.has(id(f)));
    const additions = [...wanted.values()].filter((f) => !have.has(id(f)));
    const vis = visibilityOf(next);
    const result = await retryConflicts(() =>
      db()
        .transaction.write((tx) => [
          stored
            ? tx.personProfile.put(next).where((a, op) => op.eq(a.version, current.version)).commit()
            : tx.personProfile.create(next).commit(),
          ...removals.map((f) => tx.directoryFacet.delete({ facet: f.facet, sortKey: f.sortKey }).commit()),
          ...additions.map((f) => tx.directoryFacet.put({ ...f, userId, nameKey: user.nameKey }).commit()),
          ...(next.town && vis.town === "members" && next.town !== current.town && next.listed
            ? [tx.directoryTown.put({ scope: "towns", townKey: townKey(next.town), label: next.town }).commit()]
            : []),
          ...(options.extra ? (options.extra(tx) as never[]) : []),
        ])
        .go(),
    );
    if (!result.canceled) return next;
    if ((result as TxResult).data.slice(1 + removals.length + additions.length).some((d) => d.code === "ConditionalCheckFailed") && options.extra) {
      // One of the caller's own conditions failed: that is the caller's answer, not a race.
      throw new VisibleError("conflict", "changed_meanwhile", "This was changed meanwhile. Please reload.");
    }
  }
  throw new VisibleError("conflict", "changed_meanwhile", "Your profile changed meanwhile. Please try again.");
}

/** Gives an approved member a (blank) profile, so they appear in the directory by name. */
export async function ensureProfile(userId: string): Promise<PersonProfileItem> {
  return (await findProfile(userId)) ?? syncProfile(userId);
}

/** The directory items carry the name's sort key: a renamed member is re-indexed. */
export async function nameChanged(userId: string): Promise<void> {
  if (await findProfile(userId)) await syncProfile(userId);
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

export function photoUrl(userId: string, version: number): string {
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

async function membersOfFacet(q: FacetQuery): Promise<Map<string, string>> {
  const base = db().entities.directoryFacet.query.byFacet({ facet: q.facet });
  const query = q.prefix ? db().entities.directoryFacet.query.byFacet({ facet: q.facet }).begins({ sortKey: q.prefix }) : base;
  const { data } = await query.go({ pages: "all", attributes: ["userId", "nameKey"] });
  return new Map(data.map((f) => [f.userId, `${f.nameKey}#${f.userId}`]));
}

/**
 * The directory: approved, listed members matching every filter, by name. One facet is paged by
 * key; several are queried (small items, a few per member) and intersected.
 */
export async function searchDirectory(viewer: Viewer, query: DirectoryQuery): Promise<{ people: DirectoryEntry[]; cursor: string | null }> {
  const queries = facetQueries(query);
  const after = query.cursor ?? "";
  let ids: { userId: string; sortKey: string }[];
  let more: boolean;
  if (queries.length === 1 && !queries[0]!.prefix) {
    const base = db().entities.directoryFacet.query.byFacet({ facet: queries[0]!.facet });
    const page = after ? db().entities.directoryFacet.query.byFacet({ facet: queries[0]!.facet }).gt({ sortKey: after }) : base;
    const { data } = await page.go({ limit: DIRECTORY_PAGE_SIZE + 1, attributes: ["userId", "sortKey"] });
    ids = data.map((f) => ({ userId: f.userId, sortKey: f.sortKey }));
  } else {
    const sets = await Promise.all(queries.map(membersOfFacet));
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    ids = [...smallest!]
      .filter(([userId]) => rest.every((s) => s.has(userId)))
      .map(([userId, sortKey]) => ({ userId, sortKey }))
      .filter((e) => e.sortKey > after)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .slice(0, DIRECTORY_PAGE_SIZE + 1);
  }
  more = ids.length > DIRECTORY_PAGE_SIZE;
  ids = ids.slice(0, DIRECTORY_PAGE_SIZE);
  // Accounts and profiles of the page in one BatchGetItem.
  const { user: users, personProfile: profiles } = db().entities;
  const items = await getItems(ids.flatMap(({ userId }) => [users.get({ userId }), profiles.get({ userId })]));
  const people: DirectoryEntry[] = [];
  for (const [i, { userId }] of ids.entries()) {
    const [userItem, profileItem] = [items[2 * i], items[2 * i + 1]];
    const user = userItem ? users.parse({ Item: userItem }).data : null;
    const profile = profileItem ? profiles.parse({ Item: profileItem }).data : null;
    if (!user || !profile || user.status !== "approved" || !profile.listed) continue;
    const seen = projectProfile(viewer, user, profile, []);
    people.push({ userId, name: user.name, photoUrl: seen.photoUrl, town: seen.town || undefined, areas: seen.areas, languages: seen.languages });
  }
  return { people, cursor: more ? ids.at(-1)!.sortKey : null };
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
