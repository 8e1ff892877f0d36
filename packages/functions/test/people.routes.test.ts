import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "@vernetzt/core/db";
import { getObject } from "@vernetzt/core/storage/files";
import { handleLocalFileRequest } from "@vernetzt/core/storage/local";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

const suffix = () => Math.random().toString(36).slice(2, 8);
type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const [amira, jonas, coord, pending, outsider] = await Promise.all([
    signedIn("volunteer"),
    signedIn("volunteer"),
    signedIn("coordinator"),
    signedIn("volunteer", "pending"),
    signedIn("volunteer"),
  ]);
  const town = `Routenstadt ${suffix()}`;
  const profile = { bio: "Ich helfe bei Wohnungssuche.", areas: ["housing" as const], languages: ["prs" as const, "de" as const], town, availability: "abends" };
  for (const who of [amira, jonas]) expect((await who.browser.api.people.me.$put({ json: profile })).status).toBe(200);
  const orgName = `Initiative ${suffix()}`;
  const orgRes = await coord.browser.api.organisations.$post({ json: { name: orgName, description: "Hilfe", areas: ["housing"], contact: "Büro: Mo–Fr", website: "" } });
  const { organisation } = (await orgRes.json()) as { organisation: { orgId: string } };
  await amira.browser.api.organisations[":orgId"].link.$post({ param: { orgId: organisation.orgId }, json: {} });
  await coord.browser.api.organisations[":orgId"].members[":userId"].confirm.$post({ param: { orgId: organisation.orgId, userId: amira.user.userId }, json: {} });
  const start = await amira.browser.api.messages.$post({ json: { participantIds: [jonas.user.userId], body: "Hallo Jonas!" } });
  const { conversationId, message } = (await start.json()) as { conversationId: string; message: { messageId: string } };
  const report = await jonas.browser.api.messages[":conversationId"].messages[":messageId"].report.$post({ param: { conversationId, messageId: message.messageId }, json: { reason: "Test" } });
  const { reportId } = (await report.json()) as { reportId: string };
  return { amira, jonas, coord, pending, outsider, town, profile, orgName, orgId: organisation.orgId, conversationId, messageId: message.messageId, reportId };
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const emails = (w: World) => [w.amira, w.jonas, w.coord, w.pending, w.outsider].map((x) => x.user.email);

/** Every route this feature adds, as someone other than the person it is about. */
const routes: { name: string; call: (w: World, b: BrowserSession) => Promise<Response> }[] = [
  { name: "GET /people", call: (w, b) => b.raw(`/api/people?town=${encodeURIComponent(w.town)}`) },
  { name: "GET /people?q", call: (w, b) => b.raw(`/api/people?q=test`) },
  { name: "GET /people/filters", call: (_w, b) => b.raw("/api/people/filters") },
  { name: "GET /people/me", call: (_w, b) => b.raw("/api/people/me") },
  { name: "PUT /people/me", call: (w, b) => b.raw("/api/people/me", { method: "PUT", json: b === w.amira.browser || b === w.jonas.browser ? w.profile : {} }) },
  { name: "GET /people/:userId", call: (w, b) => b.raw(`/api/people/${w.amira.user.userId}`) },
  { name: "GET /people/blocks", call: (_w, b) => b.raw("/api/people/blocks") },
  { name: "GET /organisations", call: (_w, b) => b.raw("/api/organisations") },
  { name: "GET /organisations/:orgId", call: (w, b) => b.raw(`/api/organisations/${w.orgId}`) },
  { name: "GET /messages", call: (_w, b) => b.raw("/api/messages") },
  { name: "GET /messages/unread", call: (_w, b) => b.raw("/api/messages/unread") },
  { name: "GET /messages/:id", call: (w, b) => b.raw(`/api/messages/${w.conversationId}`) },
  { name: "GET /messages/reports", call: (_w, b) => b.raw("/api/messages/reports") },
  { name: "GET /people/:userId/photo", call: (w, b) => b.raw(`/api/people/${w.amira.user.userId}/photo`) },
  { name: "POST /people/me/photo/upload", call: (_w, b) => b.raw("/api/people/me/photo/upload", { json: { contentType: "image/png", size: 1000 } }) },
  { name: "PUT /people/me/photo", call: (w, b) => b.raw("/api/people/me/photo", { method: "PUT", json: { key: `uploads/images/${w.amira.user.userId}/upl_x` } }) },
  { name: "PUT /people/:userId/block", call: (w, b) => b.raw(`/api/people/${w.jonas.user.userId}/block`, { method: "PUT", json: { blocked: false } }) },
  { name: "POST /people/areas", call: (_w, b) => b.raw("/api/people/areas", { json: { label: `Bereich ${suffix()}` } }) },
  { name: "POST /messages", call: (w, b) => b.raw("/api/messages", { json: { participantIds: [w.amira.user.userId], body: "Hallo!" } }) },
  { name: "POST /messages/:id", call: (w, b) => b.raw(`/api/messages/${w.conversationId}`, { json: { body: "Noch eine Nachricht" } }) },
  { name: "POST /messages/:id/messages/:messageId/report", call: (w, b) => b.raw(`/api/messages/${w.conversationId}/messages/${w.messageId}/report`, { json: {} }) },
  { name: "POST /messages/reports/:id/resolve", call: (w, b) => b.raw(`/api/messages/reports/${w.reportId}/resolve`, { json: {} }) },
  { name: "POST /organisations", call: (_w, b) => b.raw("/api/organisations", { json: { name: `Projekt ${suffix()}` } }) },
  { name: "PUT /organisations/:orgId", call: (w, b) => b.raw(`/api/organisations/${w.orgId}`, { method: "PUT", json: { name: w.orgName } }) },
  { name: "GET /organisations/:orgId/logo", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/logo`) },
  { name: "POST /organisations/:orgId/logo/upload", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/logo/upload`, { json: { contentType: "image/png", size: 1000 } }) },
  { name: "PUT /organisations/:orgId/logo", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/logo`, { method: "PUT", json: { key: "uploads/images/x/upl_x" } }) },
  { name: "POST /organisations/:orgId/link", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/link`, { json: {} }) },
  { name: "POST /organisations/:orgId/members/:userId/confirm", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/members/${w.amira.user.userId}/confirm`, { json: {} }) },
  { name: "PUT /organisations/:orgId/members/:userId/role", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/members/${w.amira.user.userId}/role`, { method: "PUT", json: { role: "member" } }) },
  { name: "DELETE /organisations/:orgId/members/:userId", call: (w, b) => b.raw(`/api/organisations/${w.orgId}/members/${w.outsider.user.userId}`, { method: "DELETE", json: {} }) },
];

describe("people, message and organisation routes", () => {
  it("never answer with an e-mail address, whoever asks", async () => {
    // Its own world: the writes below must not disturb the other tests'.
    const own = await buildWorld();
    for (const who of ["amira", "jonas", "coord", "outsider", "pending"] as const) {
      for (const route of routes) {
        const res = await route.call(own, own[who].browser);
        const text = await res.text();
        for (const email of emails(own)) expect(text, `${route.name} as ${who}`).not.toContain(email);
        expect(text, `${route.name} as ${who}`).not.toMatch(/@example\.org/);
      }
    }
  });

  it("are closed to guests and members awaiting approval, except organisations' public details", async () => {
    const guest = new BrowserSession();
    expect((await guest.raw("/api/people")).status).toBe(401);
    expect((await guest.raw("/api/messages")).status).toBe(401);
    expect((await world.pending.browser.raw("/api/people")).status).toBe(403);
    expect((await world.pending.browser.raw(`/api/people/${world.amira.user.userId}`)).status).toBe(403);
    const org = await guest.raw(`/api/organisations/${world.orgId}`);
    expect(org.status).toBe(200);
    const page = (await org.json()) as { members?: unknown };
    expect(page.members).toBeUndefined();
  });

  it("let a member find another by language and town", async () => {
    const res = await world.outsider.browser.api.people.$get({ query: { language: "prs", town: world.town } });
    const { people } = (await res.json()) as { people: { userId: string }[] };
    expect(people.map((p) => p.userId).sort()).toEqual([world.amira.user.userId, world.jonas.user.userId].sort());
  });

  it("keep conversations unreadable to non-participants, coordinators included", async () => {
    for (const who of [world.outsider, world.coord]) {
      const res = await who.browser.raw(`/api/messages/${world.conversationId}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Hallo Jonas");
      const send = await who.browser.raw(`/api/messages/${world.conversationId}`, { json: { body: "Darf ich?" } });
      expect(send.status).toBe(404);
    }
    const read = await world.jonas.browser.raw(`/api/messages/${world.conversationId}`);
    expect(((await read.json()) as { messages: { body: string }[] }).messages.map((m) => m.body)).toEqual(["Hallo Jonas!"]);
  });

  it("refuse messages between blocked members, in both directions, until unblocked", async () => {
    const [a, b] = await Promise.all([signedIn("volunteer"), signedIn("volunteer")]);
    const start = await a.browser.api.messages.$post({ json: { participantIds: [b.user.userId], body: "Hallo" } });
    const { conversationId } = (await start.json()) as { conversationId: string };
    expect((await b.browser.raw(`/api/people/${a.user.userId}/block`, { method: "PUT", json: { blocked: true } })).status).toBe(200);
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const res = await from.browser.raw(`/api/messages/${conversationId}`, { json: { body: "Noch da?" } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("blocked");
      const fresh = await from.browser.raw("/api/messages", { json: { participantIds: [to.user.userId], body: "Neu" } });
      expect(fresh.status).toBe(403);
    }
    expect((await b.browser.raw(`/api/people/${a.user.userId}`).then((r) => r.json()) as { person: { blockedByMe: boolean } }).person.blockedByMe).toBe(true);
    await b.browser.raw(`/api/people/${a.user.userId}/block`, { method: "PUT", json: { blocked: false } });
    expect((await a.browser.raw(`/api/messages/${conversationId}`, { json: { body: "Danke" } })).status).toBe(201);
  });

  it("show the unread count until the recipient reads", async () => {
    const [a, b] = await Promise.all([signedIn("volunteer"), signedIn("volunteer")]);
    await a.browser.api.messages.$post({ json: { participantIds: [b.user.userId], body: "Eins" } });
    const unread = async () => ((await (await b.browser.api.messages.unread.$get()).json()) as { unread: number }).unread;
    expect(await unread()).toBe(1);
    const { conversations } = (await (await b.browser.api.messages.$get({ query: {} })).json()) as { conversations: { conversationId: string }[] };
    await b.browser.raw(`/api/messages/${conversations[0]!.conversationId}`);
    expect(await unread()).toBe(0);
  });

  it("give coordinators the report queue and refuse it to volunteers", async () => {
    expect((await world.amira.browser.raw("/api/messages/reports")).status).toBe(403);
    const res = await world.coord.browser.raw(`/api/messages/reports/${world.reportId}/resolve`, { json: { note: "erledigt" } });
    expect(res.status).toBe(200);
    const { data } = await db().entities.messageReport.get({ reportId: world.reportId }).go();
    expect(data?.status).toBe("resolved");
  });

  it("name invalid input and change nothing", async () => {
    const res = await world.amira.browser.raw("/api/people/me", { method: "PUT", json: { languages: ["klingonisch"], town: "x".repeat(200) } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fields).sort()).toEqual(["languages.0", "town"]);
    const me = (await (await world.amira.browser.api.people.me.$get()).json()) as { profile: { town: string } };
    expect(me.profile.town).toBe(world.town);
  });
});

describe("profile photos", () => {
  async function upload(b: BrowserSession, body: Uint8Array, contentType: "image/png" | "image/jpeg" | "image/webp") {
    const res = await b.raw("/api/people/me/photo/upload", { json: { contentType, size: body.byteLength } });
    expect(res.status).toBe(201);
    const { upload } = (await res.json()) as { upload: { url: string; key: string; headers: Record<string, string> } };
    const put = await handleLocalFileRequest(new Request(upload.url, { method: "PUT", body, headers: upload.headers }));
    expect(put?.status).toBe(200);
    return upload.key;
  }

  it("are resized to a square WebP, shown only to those the member allows, and the original is deleted", async () => {
    const [owner, viewer] = await Promise.all([signedIn("volunteer"), signedIn("volunteer")]);
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#3366aa" } }).png().toBuffer();
    const key = await upload(owner.browser, new Uint8Array(png), "image/png");
    const done = await owner.browser.raw("/api/people/me/photo", { method: "PUT", json: { key } });
    expect(done.status).toBe(200);
    expect(await getObject(key)).toBeUndefined();
    const res = await viewer.browser.raw(`/api/people/${owner.user.userId}/photo`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(new Uint8Array(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
    expect((await new BrowserSession().raw(`/api/people/${owner.user.userId}/photo`)).status).toBe(401);
    await owner.browser.raw("/api/people/me", { method: "PUT", json: { visibility: { photo: "private" } } });
    expect((await viewer.browser.raw(`/api/people/${owner.user.userId}/photo`)).status).toBe(404);
    expect((await owner.browser.raw(`/api/people/${owner.user.userId}/photo`)).status).toBe(200);
  });

  it("refuse a file whose bytes are not an image, whatever it claims, and someone else's upload", async () => {
    const [owner, other] = await Promise.all([signedIn("volunteer"), signedIn("volunteer")]);
    const fake = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const key = await upload(owner.browser, fake, "image/png");
    const theirs = await other.browser.raw("/api/people/me/photo", { method: "PUT", json: { key } });
    expect(theirs.status).toBe(403);
    const res = await owner.browser.raw("/api/people/me/photo", { method: "PUT", json: { key } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_type");
    expect(await getObject(key)).toBeUndefined();
    const big = await owner.browser.raw("/api/people/me/photo/upload", { json: { contentType: "image/png", size: 6 * 1024 * 1024 } });
    expect(big.status).toBe(400);
    const gif = await owner.browser.raw("/api/people/me/photo/upload", { json: { contentType: "image/gif", size: 100 } });
    expect(gif.status).toBe(400);
  });
});
