import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { db } from "../src/db";
import { listConversations, readConversation, block, listMessageReports, reportMessage, sendMessage, startConversation } from "../src/people/messages";
import { confirmLink, createOrganisation, requestLink } from "../src/people/organisations";
import { peoplePrivacy } from "../src/people/privacy";
import { saveOwnProfile, searchDirectory, setOwnPhoto } from "../src/people/profiles";
import { requestImageUpload } from "../src/people/photos";
import { getObject } from "../src/storage/files";
import { handleLocalFileRequest } from "../src/storage/local";
import { person, suffix, uniqueTown } from "./people-fixtures";

const visibility = { photo: "members", bio: "members", areas: "members", languages: "members", town: "members", organisations: "members", availability: "members" } as const;

async function world() {
  const coordinator = await person(`Koordination ${suffix()}`, "coordinator");
  const leaving = await person(`Gehend ${suffix()}`);
  const other = await person(`Bleibend ${suffix()}`);
  const town = uniqueTown();
  await saveOwnProfile(leaving, { bio: "Meine Geschichte", areas: ["housing"], languages: ["ar"], town, availability: "abends", visibility, listed: true, messageNotices: true });
  const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#aa3366" } }).png().toBuffer();
  const upload = await requestImageUpload(leaving.userId, { contentType: "image/png", size: png.byteLength });
  await handleLocalFileRequest(new Request(upload.url, { method: "PUT", body: new Uint8Array(png), headers: upload.headers }));
  const withPhoto = await setOwnPhoto(leaving, upload.key);
  expect(withPhoto.hasPhoto).toBe(true);
  const org = await createOrganisation(coordinator, { name: `Verein ${suffix()}`, description: "", areas: [], contact: "", website: "" });
  await requestLink(leaving, org.orgId);
  await confirmLink(coordinator, org.orgId, leaving.userId);
  const { conversationId, message: first } = await startConversation(leaving, { participantIds: [other.userId], title: "", body: "Meine Nachricht" });
  const theirs = await sendMessage(other, conversationId, "Antwort der anderen Person");
  await reportMessage(leaving, conversationId, theirs.messageId, "unfreundlich");
  await reportMessage(other, conversationId, first.messageId, "Spam");
  await block(leaving, coordinator.userId);
  return { coordinator, leaving, other, town, org, conversationId };
}

describe("people privacy contributor", () => {
  it("exports the member's profile, links, own messages, blocks and reports — not others' messages", async () => {
    const w = await world();
    const exported = JSON.stringify(await peoplePrivacy.export(w.leaving.userId));
    expect(exported).toContain("Meine Geschichte");
    expect(exported).toContain("Meine Nachricht");
    expect(exported).toContain(w.org.orgId);
    expect(exported).toContain(w.coordinator.userId);
    expect(exported).toContain("unfreundlich");
    expect(exported).not.toContain("Antwort der anderen Person");
    expect(exported).not.toContain(w.other.email);
  });

  it("erases profile, facets, photo, links, message texts, participation, blocks, reports and notices, twice without harm", async () => {
    const w = await world();
    const { data: profile } = await db().entities.personProfile.get({ userId: w.leaving.userId }).go();
    const photoKey = profile!.photoKey!;
    await peoplePrivacy.erase(w.leaving.userId, { removePosts: false });
    await peoplePrivacy.erase(w.leaving.userId, { removePosts: false });
    expect((await db().entities.personProfile.get({ userId: w.leaving.userId }).go()).data).toBeNull();
    expect((await db().entities.directoryFacet.query.byMember({ userId: w.leaving.userId }).go()).data).toEqual([]);
    expect((await searchDirectory(w.other, { town: w.town })).people).toEqual([]);
    expect(await getObject(photoKey)).toBeUndefined();
    expect((await db().entities.orgLink.query.byMember({ userId: w.leaving.userId }).go()).data).toEqual([]);
    expect((await db().entities.conversationMember.query.byMember({ userId: w.leaving.userId }).go()).data).toEqual([]);
    expect((await db().entities.block.query.byBlocker({ blockerId: w.leaving.userId }).go()).data).toEqual([]);
    expect((await db().entities.messageReport.query.byReporter({ reporterId: w.leaving.userId }).go()).data).toEqual([]);
    expect((await db().entities.messageNotice.query.byRecipient({ userId: w.leaving.userId }).go()).data).toEqual([]);
    // The other participant keeps the conversation; the leaver's words are gone, theirs stay.
    const read = await readConversation(w.other, w.conversationId);
    expect(read.messages.map((m) => [m.deleted, m.body])).toEqual([
      [true, ""],
      [false, "Antwort der anderen Person"],
    ]);
    expect((await listConversations(w.other)).conversations.map((c) => c.conversationId)).toContain(w.conversationId);
    const reports = [];
    for (let cursor: string | null | undefined; ; ) {
      const page = await listMessageReports(w.coordinator, "open", cursor ?? undefined);
      reports.push(...page.reports);
      cursor = page.cursor;
      if (!cursor) break;
    }
    const aboutLeaver = reports.find((r) => r.authorId === w.leaving.userId && r.conversationId === w.conversationId);
    expect(aboutLeaver?.body).toBe("");
    expect(JSON.stringify(await peoplePrivacy.export(w.leaving.userId))).not.toContain("Meine Nachricht");
  });
});
