import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import * as v from "valibot";
import { db, dynamo } from "../src/db";
import { MAX_AREAS, MAX_LANGUAGES, MAX_NAME_WORDS, MAX_ORGANISATIONS, LANGUAGES, STANDARD_AREAS, type ProfileField, type Visibility } from "../src/people/constants";
import { backfillDirectoryCards } from "../src/people/backfill";
import { confirmLink, createOrganisation, removeLink, requestLink } from "../src/people/organisations";
import { requestImageUpload } from "../src/people/photos";
import { peoplePrivacy } from "../src/people/privacy";
import { createArea, findProfile, removeOwnPhoto, saveOwnProfile, searchDirectory, setOwnPhoto, type DirectoryEntry } from "../src/people/profiles";
import { ProfileInput } from "../src/people/schema";
import { setStatus } from "../src/member/members";
import { handleLocalFileRequest } from "../src/storage/local";
import { getUser, updateProfile } from "../src/user/account";
import type { UserItem } from "../src/user/user.entity";
import { person, suffix, uniqueTown } from "./people-fixtures";

const profileInput = (town: string, visibility: Partial<Record<ProfileField, Visibility>> = {}, more: Partial<ProfileInput> = {}): ProfileInput =>
  v.parse(ProfileInput, { bio: "Ich helfe beim Umzug.", areas: ["housing", "childcare"], languages: ["de", "ti"], town, availability: "abends", visibility, listed: true, messageNotices: true, ...more });

/** Every directory item of a member, raw as DynamoDB stores it (nothing ElectroDB would leave out). */
async function rawFacets(userId: string): Promise<Record<string, unknown>[]> {
  const params = db().entities.directoryFacet.query.byMember({ userId }).params() as Record<string, unknown> & { ExpressionAttributeValues: Record<string, unknown> };
  const out = await dynamo().send(new QueryCommand({ ...params, ExpressionAttributeValues: marshall(params.ExpressionAttributeValues) } as never));
  return (out.Items ?? []).map((i) => unmarshall(i));
}

/** What the DynamoDB client received while `run` ran (the raw Items of every answer), as text. */
async function received<T>(run: () => Promise<T>): Promise<{ result: T; items: string }> {
  const seen: unknown[] = [];
  const name = `received-${suffix()}`;
  dynamo().middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const output = (out.output ?? {}) as { Items?: unknown[]; Responses?: unknown };
      seen.push(output.Items ?? output.Responses ?? []);
      return out;
    },
    { step: "initialize", name },
  );
  try {
    return { result: await run(), items: JSON.stringify(seen) };
  } finally {
    dynamo().middlewareStack.remove(name);
  }
}

async function withPhoto(user: UserItem): Promise<string> {
  const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#3366aa" } }).png().toBuffer();
  const upload = await requestImageUpload(user.userId, { contentType: "image/png", size: png.byteLength });
  await handleLocalFileRequest(new Request(upload.url, { method: "PUT", body: new Uint8Array(png), headers: upload.headers }));
  await setOwnPhoto(user, upload.key);
  const key = (await findProfile(user.userId))!.photoKey!;
  return key.slice(key.lastIndexOf("/") + 1, key.lastIndexOf("."));
}

const entryOf = async (viewer: UserItem, query: Parameters<typeof searchDirectory>[1], userId: string): Promise<DirectoryEntry | undefined> =>
  (await searchDirectory(viewer, query)).people.find((p) => p.userId === userId);

const ENTRY_FIELD = { photo: "photoUrl", town: "town", areas: "areas", languages: "languages" } as const;
const CARD_FIELDS = Object.keys(ENTRY_FIELD) as (keyof typeof ENTRY_FIELD)[];

describe("directory cards", () => {
  it("are stored on each of the member's facets, the same, with what every member may see", async () => {
    const town = uniqueTown();
    const owner = await person(`Karla Ost ${suffix()}`);
    await saveOwnProfile(owner, profileInput(town));
    const photo = await withPhoto(owner);
    const items = await rawFacets(owner.userId);
    // all, two areas, two languages, the town and three name words.
    const words = owner.name.toLowerCase().split(" ").map((w) => `word#${w.slice(0, 2)}`);
    expect(items.map((i) => i.facet).sort()).toEqual(["all", "area#childcare", "area#housing", "lang#de", "lang#ti", `town#${town.toLowerCase()}`, ...words].sort());
    for (const item of items) expect(item.card).toEqual({ name: owner.name, photo, town, areas: ["housing", "childcare"], languages: ["de", "ti"] });
    const volunteer = await person();
    expect(await entryOf(volunteer, { town }, owner.userId)).toEqual({
      userId: owner.userId,
      name: owner.name,
      photoUrl: `/api/people/${owner.userId}/photo?v=${photo}`,
      town,
      areas: ["housing", "childcare"],
      languages: ["de", "ti"],
    });
  });

  for (const field of CARD_FIELDS) {
    for (const level of ["coordinators", "private"] as const) {
      it(`never hold a ${field} shown to ${level === "private" ? "its owner only" : "coordinators only"}; coordinators ${level === "coordinators" ? "see it all the same" : "do not see it either"}`, async () => {
        const town = uniqueTown();
        const owner = await person();
        // A value found nowhere else: a coordinator-defined area, the unique town, a rare language, the photo's id.
        const area = field === "areas" ? (await createArea(await person(`Koordination ${suffix()}`, "coordinator"), `Bereich ${suffix()}`)).id : "housing";
        const language = LANGUAGES.at(-1)!;
        await saveOwnProfile(owner, profileInput(town, { [field]: level }, { areas: [area], languages: [language] }));
        const photo = await withPhoto(owner);
        const hidden = { photo, town, areas: area, languages: language }[field];
        const items = await rawFacets(owner.userId);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
          expect(item.card).toMatchObject({ name: owner.name });
          expect(item.card).not.toHaveProperty(field);
          // Coordinators' card has it; what only she sees is on no card.
          if (level === "coordinators") expect(item.staffCard).toHaveProperty(field);
          else expect(item.staffCard).toBeUndefined();
          expect(String(item.facet)).not.toContain(field === "town" ? town.toLowerCase() : `#${hidden}`);
        }
        // The photo's id, the town and the coordinator-defined area are unique: outside coordinators' card, found nowhere on her items.
        if (field !== "languages") expect(JSON.stringify(items.map(({ staffCard: _, ...rest }) => rest))).not.toContain(hidden);

        // Listed by name, in the listing of everyone and found by what the owner does show.
        const filter = field === "town" ? { q: owner.name.split(" ")[1]! } : { town };
        const volunteer = await person();
        const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
        const { result: asMember, items: memberReceived } = await received(() => entryOf(volunteer, filter, owner.userId));
        const { result: asCoordinator, items: coordinatorReceived } = await received(() => entryOf(coordinator, filter, owner.userId));
        // A member's Query projects coordinators' card away: it never even reaches the API.
        expect(memberReceived).toContain(owner.userId);
        expect(memberReceived).not.toContain("staffCard");
        if (field !== "languages") expect(memberReceived).not.toContain(hidden);
        expect(coordinatorReceived.includes("staffCard")).toBe(level === "coordinators");
        expect(asMember).toMatchObject({ name: owner.name });
        expect(asMember![ENTRY_FIELD[field]]).toBeUndefined();
        expect(JSON.stringify(asMember)).not.toContain(hidden);
        expect(asCoordinator![ENTRY_FIELD[field]] !== undefined).toBe(level === "coordinators");
        expect(JSON.stringify(asCoordinator).includes(hidden)).toBe(level === "coordinators");
        expect(JSON.stringify([asMember, asCoordinator])).not.toContain("staffCard");
        // Her own card shows her what members see (her profile page shows her everything).
        expect(await entryOf(owner, filter, owner.userId)).toEqual(asMember);
      });
    }
  }

  it("follow a rename, a photo change, a visibility change, blocking and unblocking, in the same write", async () => {
    const town = uniqueTown();
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const viewer = await person();
    const owner = await person(`Erste Fassung ${suffix()}`);
    await saveOwnProfile(owner, profileInput(town));
    const photo = await withPhoto(owner);
    const cards = async () => (await rawFacets(owner.userId)).map((i) => i.card as Record<string, unknown>);

    const renamed = `Zweite Fassung ${suffix()}`;
    await updateProfile((await getUser(owner.userId))!, { name: renamed });
    expect((await cards()).every((c) => c.name === renamed)).toBe(true);
    expect(JSON.stringify(await rawFacets(owner.userId))).not.toContain(owner.name);
    expect((await entryOf(viewer, { town }, owner.userId))?.name).toBe(renamed);

    await removeOwnPhoto((await getUser(owner.userId))!);
    expect((await cards()).some((c) => "photo" in c)).toBe(false);
    expect(JSON.stringify(await rawFacets(owner.userId))).not.toContain(photo);

    await saveOwnProfile(owner, profileInput(town, { languages: "private" }));
    expect((await cards()).some((c) => "languages" in c)).toBe(false);
    expect((await entryOf(viewer, { town }, owner.userId))?.languages).toBeUndefined();

    await setStatus(coordinator, owner.userId, "blocked");
    expect(await rawFacets(owner.userId)).toEqual([]);
    expect(await entryOf(viewer, {}, owner.userId)).toBeUndefined();
    await setStatus(coordinator, owner.userId, "approved");
    expect((await cards()).every((c) => c.name === renamed && c.town === town)).toBe(true);
    expect(await entryOf(viewer, { town }, owner.userId)).toMatchObject({ name: renamed, town, areas: ["housing", "childcare"] });
  });

  it("carry coordinators' card only while coordinators see a card field with a value that members do not", async () => {
    const town = uniqueTown();
    const owner = await person();
    const marks = async () => [...new Set((await rawFacets(owner.userId)).map((i) => i.staffCard !== undefined))];
    await saveOwnProfile(owner, profileInput(town));
    expect(await marks()).toEqual([false]);
    // Shown to coordinators only, but not on a card: the directory has nothing more to show them.
    await saveOwnProfile(owner, profileInput(town, { bio: "coordinators", availability: "coordinators", organisations: "coordinators" }));
    expect(await marks()).toEqual([false]);
    // A photo for coordinators only, while there is none; no areas at all.
    await saveOwnProfile(owner, profileInput(town, { photo: "coordinators", areas: "coordinators" }, { areas: [] }));
    expect(await marks()).toEqual([false]);
    await withPhoto(owner);
    expect(await marks()).toEqual([true]);
    await removeOwnPhoto((await getUser(owner.userId))!);
    expect(await marks()).toEqual([false]);
    await saveOwnProfile(owner, profileInput(town, { photo: "coordinators", areas: "coordinators" }));
    expect(await marks()).toEqual([true]);
    await saveOwnProfile(owner, profileInput(town, { areas: "private" }));
    expect(await marks()).toEqual([false]);

    // Members' answers are the same either way; coordinators see the field, never the attribute.
    const volunteer = await person();
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    await saveOwnProfile(owner, profileInput(town));
    const all = await entryOf(volunteer, { town }, owner.userId);
    expect(all).toMatchObject({ areas: ["housing", "childcare"], languages: ["de", "ti"] });
    await saveOwnProfile(owner, profileInput(town, { languages: "coordinators" }));
    expect(await marks()).toEqual([true]);
    expect(await entryOf(volunteer, { town }, owner.userId)).toStrictEqual({ ...all, languages: undefined });
    expect(await entryOf(coordinator, { town }, owner.userId)).toStrictEqual(all);
    expect(JSON.stringify(await searchDirectory(coordinator, { town }))).not.toContain("staffCard");
  });

  it("list a newly approved member by name at once", async () => {
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const pending = await person(`Neuling ${suffix()}`, "volunteer", "pending");
    await setStatus(coordinator, pending.userId, "approved");
    const viewer = await person();
    expect(await entryOf(viewer, { q: pending.name.split(" ")[1]! }, pending.userId)).toEqual({ userId: pending.userId, name: pending.name, areas: [], languages: [] });
  });

  it("follow organisation links, and go with an erasure", async () => {
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const org = await createOrganisation(coordinator, { name: `Verein ${suffix()}`, description: "", areas: [], contact: "", website: "" });
    const owner = await person();
    const town = uniqueTown();
    await saveOwnProfile(owner, profileInput(town));
    await requestLink(owner, org.orgId);
    await confirmLink(coordinator, org.orgId, owner.userId);
    const viewer = await person();
    expect(await entryOf(viewer, { org: org.orgId }, owner.userId)).toMatchObject({ name: owner.name, town });
    await removeLink(owner, org.orgId, owner.userId);
    expect(await entryOf(viewer, { org: org.orgId }, owner.userId)).toBeUndefined();

    await peoplePrivacy.erase(owner.userId, { removePosts: false });
    expect(await rawFacets(owner.userId)).toEqual([]);
    expect(await entryOf(viewer, {}, owner.userId)).toBeUndefined();
  });

  it("are not written for a member whose erasure has begun", async () => {
    const owner = await person();
    await saveOwnProfile(owner, profileInput(uniqueTown()));
    await db().entities.user.patch({ userId: owner.userId }).set({ deletingAt: new Date().toISOString() }).go();
    await expect(saveOwnProfile(owner, profileInput(uniqueTown()))).rejects.toMatchObject({ code: "member_not_found" });
  });

  it("fit one transaction for a member with every facet there can be, renamed; one organisation more is refused", async () => {
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const words = (tag: string) => Array.from({ length: MAX_NAME_WORDS }, (_, i) => `${tag}${String.fromCharCode(97 + i)}${suffix()}`).join(" ");
    const owner = await person(words("alt"));
    const custom = await Promise.all(Array.from({ length: MAX_AREAS - STANDARD_AREAS.length }, () => createArea(coordinator, `Bereich ${suffix()}`)));
    const town = uniqueTown();
    await saveOwnProfile(owner, profileInput(town, {}, { areas: [...STANDARD_AREAS, ...custom.map((a) => a.id)], languages: LANGUAGES.slice(0, MAX_LANGUAGES) }));
    const orgs = await Promise.all(Array.from({ length: MAX_ORGANISATIONS + 1 }, () => createOrganisation(coordinator, { name: `Verein ${suffix()}`, description: "", areas: [], contact: "", website: "" })));
    for (const org of orgs) await requestLink(owner, org.orgId);
    for (const org of orgs.slice(0, MAX_ORGANISATIONS)) await confirmLink(coordinator, org.orgId, owner.userId);
    await expect(confirmLink(coordinator, orgs.at(-1)!.orgId, owner.userId)).rejects.toMatchObject({ code: "too_many_organisations" });
    const facets = 1 + MAX_AREAS + MAX_LANGUAGES + 1 + MAX_ORGANISATIONS + MAX_NAME_WORDS;
    expect(await rawFacets(owner.userId)).toHaveLength(facets);

    // A rename replaces every facet (new sort keys, new name words): the largest profile transaction.
    const renamed = words("neu");
    await updateProfile((await getUser(owner.userId))!, { name: renamed });
    const items = await rawFacets(owner.userId);
    expect(items).toHaveLength(facets);
    expect(items.every((i) => (i.card as { name: string }).name === renamed)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(owner.name.split(" ")[0]);
  });
});

describe("directory items written before cards", () => {
  /** Rewrites a member's facet items as they were before cards: keys, userId and nameKey only. */
  async function asBeforeCards(userId: string) {
    for (const item of await rawFacets(userId)) {
      const { card: _card, ...old } = item;
      await dynamo().send(new (await import("@aws-sdk/client-dynamodb")).PutItemCommand({ TableName: process.env.TABLE_NAME!, Item: marshall(old) }));
    }
  }

  it("are answered from the profile, showing no more than before, until the backfill gives them cards", async () => {
    const town = uniqueTown();
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const volunteer = await person();
    const [old, current, blocked] = [await person(`Anna Alt ${suffix()}`), await person(`Berta Neu ${suffix()}`), await person(`Carl Gesperrt ${suffix()}`)];
    await saveOwnProfile(old, profileInput(town, { languages: "coordinators" }));
    await saveOwnProfile(current, profileInput(town));
    await saveOwnProfile(blocked, profileInput(town));
    await asBeforeCards(old.userId);
    await asBeforeCards(blocked.userId);
    // Before facets followed the status, blocking left them in place and the directory checked the account.
    await db().entities.user.patch({ userId: blocked.userId }).set({ status: "blocked", nameKey: blocked.nameKey }).go();
    expect((await rawFacets(old.userId)).some((i) => "card" in i)).toBe(false);

    const page = await searchDirectory(volunteer, { town });
    expect(page.people.map((p) => p.userId)).toEqual([old.userId, current.userId]);
    expect(page.people[0]).toEqual({ userId: old.userId, name: old.name, town, areas: ["housing", "childcare"] });
    expect((await entryOf(coordinator, { town }, old.userId))?.languages).toEqual(["de", "ti"]);
    expect((await entryOf(volunteer, { town, q: "anna" }, old.userId))?.languages).toBeUndefined();

    const result = await backfillDirectoryCards();
    expect(result.rewritten).toBeGreaterThanOrEqual(2);
    const items = await rawFacets(old.userId);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.card).toEqual({ name: old.name, town, areas: ["housing", "childcare"] });
    expect(await rawFacets(blocked.userId)).toEqual([]);
    expect(await searchDirectory(volunteer, { town })).toEqual(page);
    expect((await backfillDirectoryCards()).rewritten).toBe(0);
  });
});
