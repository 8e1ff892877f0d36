import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { dynamo } from "@vernetzt/core/db";
import { confirmLink, createOrganisation, requestLink } from "@vernetzt/core/people/organisations";
import { requestImageUpload } from "@vernetzt/core/people/photos";
import { saveOwnProfile, setOwnPhoto } from "@vernetzt/core/people/profiles";
import type { ProfileInput } from "@vernetzt/core/people/schema";
import { handleLocalFileRequest } from "@vernetzt/core/storage/local";
import { flushUsage } from "@vernetzt/core/usage/counters";
import type { UserItem } from "@vernetzt/core/user/user.entity";
import { meterDynamo } from "../bench/roundtrips";
import { person, suffix, uniqueTown } from "../../core/test/people-fixtures";
import type { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

// Issue 9: at most two DynamoDB round trips per request, the session and the data, never a Scan.
// Counted at the DynamoDB client (the bench's meter) while the request runs through the Hono app.

const everyone = { photo: "members", bio: "members", areas: "members", languages: "members", town: "members", organisations: "members", availability: "members" } as const;
const profile = (town: string, visibility: Partial<ProfileInput["visibility"]> = {}): ProfileInput => ({
  bio: "Ich begleite zu Terminen.",
  areas: ["accompaniment"],
  languages: ["uk", "de"],
  town,
  availability: "",
  visibility: { ...everyone, ...visibility },
  listed: true,
  messageNotices: true,
});

async function addPhoto(user: UserItem) {
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#228844" } }).png().toBuffer();
  const upload = await requestImageUpload(user.userId, { contentType: "image/png", size: png.byteLength });
  await handleLocalFileRequest(new Request(upload.url, { method: "PUT", body: new Uint8Array(png), headers: upload.headers }));
  await setOwnPhoto(user, upload.key);
}

interface Entry {
  userId: string;
  name: string;
  photoUrl?: string;
  town?: string;
  areas?: string[];
  languages?: string[];
}

/** The DynamoDB commands one request sends, after a first request has counted the member as active this month. */
async function metered(browser: BrowserSession, path: string): Promise<{ commands: string[]; people: Entry[]; cursor: string | null }> {
  expect((await browser.raw(path)).status).toBe(200);
  // The usage counters write every 25 requests: written now, so that none falls into the measured request.
  await flushUsage();
  const meter = meterDynamo(dynamo());
  meter.calls = [];
  const res = await browser.raw(path);
  const commands = meter.calls.map((c) => c.command);
  meter.calls = [];
  expect(res.status, path).toBe(200);
  const body = (await res.json()) as { people: Entry[]; cursor: string | null };
  return { commands, ...body };
}

let member: Awaited<ReturnType<typeof signedIn>>;
let coordinator: Awaited<ReturnType<typeof signedIn>>;
const town = uniqueTown();
const bigTown = uniqueTown();
const plainTown = uniqueTown();
let orgId: string;
let shown: UserItem;
let discreet: UserItem;

beforeAll(async () => {
  [member, coordinator] = await Promise.all([signedIn("volunteer"), signedIn("coordinator")]);
  // In `town`: one member who shows everything (with a photo), one who shows her town to coordinators only.
  shown = await person(`Olena Kovalenko ${suffix()}`);
  discreet = await person(`Petra Stille ${suffix()}`);
  await saveOwnProfile(shown, profile(town));
  await addPhoto(shown);
  await saveOwnProfile(discreet, { ...profile(town, { town: "coordinators" }) });
  const org = await createOrganisation(coordinator.user, { name: `Netzwerk ${suffix()}`, description: "", areas: [], contact: "", website: "" });
  orgId = org.orgId;
  await requestLink(shown, orgId);
  await confirmLink(coordinator.user, orgId, shown.userId);
  // More members in one town than a page holds, for cursor paging.
  const many = await Promise.all(Array.from({ length: 27 }, (_, i) => person(`Reihe ${String(i).padStart(2, "0")} ${suffix()}`)));
  await Promise.all(many.map((m) => saveOwnProfile(m, profile(bigTown))));
  // Coordinators-only choices that put nothing more on a card: a field not on cards, a photo not uploaded.
  const [reserved, camerashy] = await Promise.all([person(`Rita Leise ${suffix()}`), person(`Sven Ohnebild ${suffix()}`)]);
  await saveOwnProfile(reserved, profile(plainTown, { bio: "coordinators", availability: "coordinators", organisations: "coordinators" }));
  await saveOwnProfile(camerashy, profile(plainTown, { photo: "coordinators" }));
});

describe("GET /api/people round trips", () => {
  it("a member's directory request: the session, then one Query, whatever the filter or page", async () => {
    const first = await metered(member.browser, `/api/people?town=${encodeURIComponent(bigTown)}`);
    expect(first.people).toHaveLength(24);
    expect(first.cursor).not.toBeNull();
    const paths = [
      "/api/people",
      `/api/people?town=${encodeURIComponent(bigTown)}`,
      `/api/people?town=${encodeURIComponent(bigTown)}&cursor=${encodeURIComponent(first.cursor!)}`,
      "/api/people?area=accompaniment",
      "/api/people?language=uk",
      `/api/people?org=${orgId}`,
      "/api/people?q=kovalenko",
      "/api/people?q=o",
    ];
    for (const path of paths) {
      const { commands, people } = await metered(member.browser, path);
      expect(commands, path).toEqual(["BatchGetItem", "Query"]);
      expect(people.length, path).toBeGreaterThan(0);
    }
    const second = await metered(member.browser, `/api/people?town=${encodeURIComponent(bigTown)}&cursor=${encodeURIComponent(first.cursor!)}`);
    expect(second.people).toHaveLength(3);
    expect(second.cursor).toBeNull();
  });

  it("the Query alone answers the cards, with only what members may see", async () => {
    const { commands, people } = await metered(member.browser, `/api/people?town=${encodeURIComponent(town)}`);
    expect(commands).toEqual(["BatchGetItem", "Query"]);
    const photoUrl = expect.stringMatching(new RegExp(`^/api/people/${shown.userId}/photo\\?v=img_[0-9a-z]+$`));
    expect(people).toEqual([{ userId: shown.userId, name: shown.name, photoUrl, town, areas: ["accompaniment"], languages: ["uk", "de"] }]);
    // Found by name, the town she shows to coordinators only is not on her card.
    const byName = await metered(member.browser, "/api/people?q=stille");
    expect(byName.commands).toEqual(["BatchGetItem", "Query"]);
    expect(byName.people.find((p) => p.userId === discreet.userId)).toEqual({ userId: discreet.userId, name: discreet.name, areas: ["accompaniment"], languages: ["uk", "de"] });
    expect(JSON.stringify(byName.people)).not.toContain(town);
  });

  it("a coordinator's request: two round trips when no listed member shows coordinators more than members", async () => {
    // Cards without a photo (all 24 on the page) or with everything: the facets answer them as they are.
    for (const path of [`/api/people?town=${encodeURIComponent(town)}`, `/api/people?town=${encodeURIComponent(bigTown)}`, `/api/people?town=${encodeURIComponent(plainTown)}`]) {
      const asCoordinator = await metered(coordinator.browser, path);
      expect(asCoordinator.commands, path).toEqual(["BatchGetItem", "Query"]);
      expect(asCoordinator.people.length, path).toBeGreaterThan(0);
      // Nothing more to see: the same cards members get.
      expect(asCoordinator.people, path).toEqual((await metered(member.browser, path)).people);
    }
  });

  it("a coordinator's request: two round trips too where a listed member shows coordinators more, which they see", async () => {
    const withMore = await metered(coordinator.browser, "/api/people?q=stille");
    expect(withMore.commands).toEqual(["BatchGetItem", "Query"]);
    expect(withMore.people.find((p) => p.userId === discreet.userId)).toEqual({ userId: discreet.userId, name: discreet.name, town, areas: ["accompaniment"], languages: ["uk", "de"] });
    const asMember = await metered(member.browser, "/api/people?q=stille");
    expect(asMember.commands).toEqual(["BatchGetItem", "Query"]);
    expect(asMember.people.find((p) => p.userId === discreet.userId)?.town).toBeUndefined();
    // Coordinators' card is in nobody's answer as such.
    for (const answer of [withMore, asMember]) expect(JSON.stringify(answer)).not.toContain("staffCard");
  });

  it("a combined filter: one Query per filter, sent together, and no Scan", async () => {
    const { commands, people } = await metered(member.browser, `/api/people?town=${encodeURIComponent(town)}&language=uk&q=olena`);
    expect(commands).toEqual(["BatchGetItem", "Query", "Query", "Query"]);
    expect(people.map((p) => p.userId)).toEqual([shown.userId]);
  });
});
