import { describe, expect, it } from "vitest";
import { db } from "../src/db";
import { PROFILE_FIELDS, VISIBILITIES, type ProfileField, type Visibility } from "../src/people/constants";
import { createArea, getOwnProfile, saveOwnProfile, searchDirectory, viewProfile, type ProfileView } from "../src/people/profiles";
import { confirmLink, createOrganisation, organisationPage, removeLink, requestLink, setLinkRole } from "../src/people/organisations";
import { ProfileInput } from "../src/people/schema";
import * as v from "valibot";
import { updateProfile } from "../src/user/account";
import { person, suffix, uniqueTown } from "./people-fixtures";

const fullProfile = (town: string, visibility: Partial<Record<ProfileField, Visibility>> = {}): ProfileInput =>
  v.parse(ProfileInput, {
  bio: "Ich begleite Familien zu Ämtern.",
  areas: ["housing", "accompaniment"],
  languages: ["de", "prs"],
  town,
  availability: "Dienstags abends",
  visibility,
  listed: true,
  messageNotices: true,
  });

const FIELD_OF: Record<ProfileField, keyof ProfileView> = {
  photo: "photoUrl",
  bio: "bio",
  areas: "areas",
  languages: "languages",
  town: "town",
  organisations: "organisations",
  availability: "availability",
};

describe("profile visibility", () => {
  for (const field of PROFILE_FIELDS.filter((f) => f !== "photo")) {
    for (const level of VISIBILITIES) {
      it(`${field} with visibility "${level}": owner always, members ${level === "members" ? "yes" : "no"}, coordinators ${level === "private" ? "no" : "yes"}, pending members never`, async () => {
        const owner = await person();
        await saveOwnProfile(owner, fullProfile(uniqueTown(), { [field]: level }));
        const volunteer = await person();
        const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
        const pending = await person(`Neu ${suffix()}`, "volunteer", "pending");
        const key = FIELD_OF[field];
        expect(await viewProfile(owner, owner.userId)).toHaveProperty(key);
        expect(Object.hasOwn(await viewProfile(volunteer, owner.userId), key)).toBe(level === "members");
        expect(Object.hasOwn(await viewProfile(coordinator, owner.userId), key)).toBe(level !== "private");
        expect(Object.hasOwn(await viewProfile(pending, owner.userId), key)).toBe(false);
      });
    }
  }

  it("never contains the e-mail address", async () => {
    const owner = await person();
    await saveOwnProfile(owner, fullProfile(uniqueTown()));
    const viewer = await person();
    expect(JSON.stringify(await viewProfile(viewer, owner.userId))).not.toContain(owner.email);
    expect(JSON.stringify(await getOwnProfile(owner))).not.toContain(owner.email);
  });

  it("of a pending member cannot be opened by other volunteers", async () => {
    const pending = await person(`Neu ${suffix()}`, "volunteer", "pending");
    const viewer = await person();
    await expect(viewProfile(viewer, pending.userId)).rejects.toMatchObject({ code: "member_not_found" });
  });
});

describe("directory", () => {
  it("finds members by language, area and town together, by name", async () => {
    const town = uniqueTown();
    const amira = await person(`Amira Haddad ${suffix()}`);
    const jonas = await person(`Jonas Weber ${suffix()}`);
    const lea = await person(`Lea Schulz ${suffix()}`);
    await saveOwnProfile(amira, { ...fullProfile(town), languages: ["ar", "prs"], areas: ["housing"] });
    await saveOwnProfile(jonas, { ...fullProfile(town), languages: ["prs"], areas: ["childcare"] });
    await saveOwnProfile(lea, { ...fullProfile(town), languages: ["de"], areas: ["housing"] });
    const viewer = await person();
    const names = async (q: Parameters<typeof searchDirectory>[1]) => (await searchDirectory(viewer, q)).people.map((p) => p.userId);
    expect(await names({ town })).toEqual([amira.userId, jonas.userId, lea.userId]);
    expect(await names({ town, language: "prs" })).toEqual([amira.userId, jonas.userId]);
    expect(await names({ town, language: "prs", area: "housing" })).toEqual([amira.userId]);
    expect(await names({ town: town.toUpperCase(), q: "webe" })).toEqual([jonas.userId]);
  });

  it("does not find a member by a field they hid, nor list one who opted out", async () => {
    const town = uniqueTown();
    const hidden = await person();
    await saveOwnProfile(hidden, fullProfile(town, { town: "coordinators" }));
    const unlisted = await person();
    await saveOwnProfile(unlisted, { ...fullProfile(town), listed: false });
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    expect((await searchDirectory(coordinator, { town })).people).toEqual([]);
    // Hiding it later removes it from the index too.
    const visible = await person();
    await saveOwnProfile(visible, fullProfile(town));
    expect((await searchDirectory(coordinator, { town })).people.map((p) => p.userId)).toEqual([visible.userId]);
    await saveOwnProfile(visible, fullProfile(town, { town: "private" }));
    expect((await searchDirectory(coordinator, { town })).people).toEqual([]);
  });

  it("shows in a listing only what the viewer may see", async () => {
    const town = uniqueTown();
    const owner = await person();
    await saveOwnProfile(owner, fullProfile(town, { languages: "coordinators" }));
    const volunteer = await person();
    const [entry] = (await searchDirectory(volunteer, { town })).people;
    expect(entry).toMatchObject({ userId: owner.userId, town });
    expect(entry!.languages).toBeUndefined();
  });

  it("pages by name through more members than one page holds", async () => {
    const town = uniqueTown();
    const members = await Promise.all(Array.from({ length: 30 }, (_, i) => person(`Seite ${String(i).padStart(2, "0")} ${suffix()}`)));
    await Promise.all(members.map((m) => saveOwnProfile(m, fullProfile(town))));
    const viewer = await person();
    const first = await searchDirectory(viewer, { town });
    expect(first.people).toHaveLength(24);
    expect(first.cursor).not.toBeNull();
    const second = await searchDirectory(viewer, { town, cursor: first.cursor! });
    expect(second.people).toHaveLength(6);
    expect(second.cursor).toBeNull();
    expect([...first.people, ...second.people].map((p) => p.userId)).toEqual([...members].sort((a, b) => a.nameKey.localeCompare(b.nameKey)).map((m) => m.userId));
  });

  it("follows a renamed member's name", async () => {
    const town = uniqueTown();
    const owner = await person(`Alter Name ${suffix()}`);
    await saveOwnProfile(owner, fullProfile(town));
    const renamed = `Zuhal ${suffix()}`;
    await updateProfile(owner, { name: renamed });
    const viewer = await person();
    expect((await searchDirectory(viewer, { town, q: "zuhal" })).people.map((p) => p.name)).toEqual([renamed]);
    expect((await searchDirectory(viewer, { town, q: "alter" })).people).toEqual([]);
  });

  it("accepts coordinator-defined areas and refuses unknown ones", async () => {
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const area = await createArea(coordinator, "Behördengänge");
    const owner = await person();
    const town = uniqueTown();
    await saveOwnProfile(owner, { ...fullProfile(town), areas: [area.id] });
    expect((await searchDirectory(coordinator, { area: area.id })).people.map((p) => p.userId)).toContain(owner.userId);
    await expect(saveOwnProfile(owner, { ...fullProfile(town), areas: ["are_01jzzzzzzzzzzzzzzzzzzzzzzz"] })).rejects.toMatchObject({ fields: { areas: "invalid_choice" } });
  });
});

describe("organisations", () => {
  it("link members once confirmed, make them findable by organisation, and list only those who show it", async () => {
    const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
    const org = await createOrganisation(coordinator, { name: `Café Welcome ${suffix()}`, description: "Begegnungscafé", areas: ["leisure"], contact: "Di 15–18 Uhr", website: "https://example.org" });
    const shown = await person(`Gezeigt ${suffix()}`);
    const hidden = await person(`Versteckt ${suffix()}`);
    await saveOwnProfile(hidden, fullProfile(uniqueTown(), { organisations: "private" }));
    await requestLink(shown, org.orgId);
    await requestLink(hidden, org.orgId);
    await expect(requestLink(shown, org.orgId)).rejects.toMatchObject({ code: "already_linked" });
    expect((await searchDirectory(coordinator, { org: org.orgId })).people).toEqual([]);
    // A plain member may not confirm; an admin of the organisation may.
    await expect(confirmLink(hidden, org.orgId, shown.userId)).rejects.toMatchObject({ code: "forbidden" });
    await confirmLink(coordinator, org.orgId, shown.userId);
    await setLinkRole(coordinator, org.orgId, shown.userId, "admin");
    await confirmLink(shown, org.orgId, hidden.userId);
    expect((await searchDirectory(coordinator, { org: org.orgId })).people.map((p) => p.userId)).toEqual([shown.userId]);
    const viewer = await person();
    const page = await organisationPage(viewer, org.orgId);
    expect(page.members!.map((m) => m.userId)).toEqual([shown.userId]);
    expect(page.requests).toBeUndefined();
    const anonymous = await organisationPage(undefined, org.orgId);
    expect(anonymous.members).toBeUndefined();
    expect(anonymous.organisation.name).toBe(org.name);
    expect((await viewProfile(viewer, shown.userId)).organisations).toEqual([{ orgId: org.orgId, name: org.name }]);
    await removeLink(shown, org.orgId, shown.userId);
    expect((await searchDirectory(coordinator, { org: org.orgId })).people).toEqual([]);
    const { data } = await db().entities.orgLink.get({ orgId: org.orgId, userId: shown.userId }).go();
    expect(data).toBeNull();
  });
});
