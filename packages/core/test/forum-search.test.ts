import { describe, expect, it } from "vitest";
import { db } from "../src/db";
import { inviteMember, acceptInvitation } from "../src/forum/groups";
import { moderatePost, moderateThread } from "../src/forum/moderation";
import { deleteOwnPost, editPost, reply } from "../src/forum/posts";
import { queryTerms, search, searchKey, termsOf } from "../src/forum/search";
import { editThreadTitle } from "../src/forum/threads";
import { category, coordinator, group, member, storedMember, thread } from "./forum-fixtures";

/** A made-up word only this test uses, so parallel tests sharing the table do not interfere. */
const marker = () => `zq${Math.random().toString(36).slice(2, 9).replace(/\d/g, "x")}`;
const found = async (viewer: ReturnType<typeof member>, q: string) => (await search(viewer, q)).results.map((r) => r.postId);

describe("search keys", () => {
  it("fold case, umlauts, ß and the ae/oe/ue spellings together", () => {
    expect(new Set(["Müller", "mueller", "MUELLER", "muller", "Muller"].map(searchKey))).toEqual(new Set(["muller"]));
    expect(searchKey("Straße")).toBe(searchKey("strasse"));
    expect(searchKey("Öl")).toBe(searchKey("oel"));
    expect(searchKey("Çağrı")).toBe("cagri");
    expect([...termsOf("Die Ärztin und der Arzt: ärztliche Hilfe!")].sort()).toEqual(["arzt", "arztin", "arztliche", "hilfe"]);
    expect(queryTerms("Müller die Str")).toEqual({ exact: ["muller"], prefix: "str" });
  });
});

describe("forum search", () => {
  it("finds Müller by mueller, muller and MÜLLER, and Straße by strasse, in titles and posts", async () => {
    const word = marker();
    const { categoryId } = await category(coordinator());
    const { post: opening } = await thread(member(), categoryId, `Frau Müller sucht eine Wohnung ${word}`, "Wer kann helfen?");
    const { thread: other, post: otherOpening } = await thread(member(), categoryId, `Anderes Thema ${word}`, "Nichts");
    const answer = await reply(member(), other.threadId, { body: `Die Beratungsstelle in der Goethestraße hilft. ${word}` });
    const viewer = member();
    for (const q of [`${word} mueller`, `${word} muller`, `${word} MÜLLER`, `Müller ${word}`]) expect(await found(viewer, q), q).toEqual([opening.postId]);
    expect(await found(viewer, `${word} goethestrasse`)).toEqual([answer.postId]);
    expect(await found(viewer, word)).toEqual([answer.postId, otherOpening.postId, opening.postId]);
    const [hit] = (await search(viewer, `${word} wohnung`)).results;
    expect(hit).toMatchObject({ threadId: opening.threadId, postId: opening.postId, threadTitle: `Frau Müller sucht eine Wohnung ${word}`, categoryId, isOpening: true, excerpt: "Wer kann helfen?" });
  });

  it("matches every word and the last one as a prefix", async () => {
    const word = marker();
    const { categoryId } = await category(coordinator());
    const { thread: t, post: opening } = await thread(member(), categoryId, `Sprachkurs ${word}`, "Suche Kurs");
    const arabic = await reply(member(), t.threadId, { body: `Wer spricht Arabisch und kennt das Jobcenter? ${word}` });
    const farsi = await reply(member(), t.threadId, { body: `Wer spricht Farsi? ${word}` });
    const viewer = member();
    expect(await found(viewer, `${word} spricht arab`)).toEqual([arabic.postId]);
    expect(await found(viewer, `${word} spr`)).toEqual([farsi.postId, arabic.postId, opening.postId]);
    expect(await found(viewer, `${word} jobcenter farsi`)).toEqual([]);
    expect(await found(viewer, `${word} Job`)).toEqual([arabic.postId]);
    await expect(search(viewer, "a")).rejects.toMatchObject({ code: "query_too_short" });
  });

  it("follows edits, and never finds hidden or deleted posts or hidden threads", async () => {
    const word = marker();
    const coord = coordinator();
    const { categoryId } = await category(coord);
    const author = member();
    const { thread: t, post: opening } = await thread(author, categoryId, `Titel ${word}`, "Fahrradwerkstatt");
    const viewer = member();
    expect(await found(viewer, `${word} fahrrad`)).toEqual([opening.postId]);
    await editPost(author, t.threadId, opening.postId, "Nähcafé");
    expect(await found(viewer, `${word} fahrrad`)).toEqual([]);
    expect(await found(viewer, `${word} nahcafe`)).toEqual([opening.postId]);
    await editThreadTitle(author, t.threadId, `Neuer Titel ${word}`);
    expect(await found(viewer, `${word} neuer`)).toEqual([opening.postId]);
    expect(await found(viewer, `${word} titel`)).toEqual([opening.postId]);

    const hidden = await reply(member(), t.threadId, { body: `Verstecktes Wort ${word}` });
    const gone = await reply(author, t.threadId, { body: `Gelöschtes Wort ${word}` });
    await moderatePost(coord, t.threadId, hidden.postId, { action: "hide" });
    await deleteOwnPost(author, t.threadId, gone.postId);
    expect(await found(viewer, `${word} wort`)).toEqual([]);
    expect(await found(coord, `${word} wort`)).toEqual([]);
    const { data: terms } = await db().entities.forumTerm.query.byPost({ postId: gone.postId }).go();
    expect(terms).toEqual([]);
    await moderatePost(coord, t.threadId, hidden.postId, { action: "unhide" });
    expect(await found(viewer, `${word} wort`)).toEqual([hidden.postId]);

    await moderateThread(coord, t.threadId, { action: "hide" });
    expect(await found(viewer, word)).toEqual([]);
  });

  it("finds a closed group's posts only for its members and coordinators", async () => {
    const word = marker();
    const coord = coordinator();
    const g = await group(coord);
    const { categoryId } = await category(coord, { groupId: g.groupId });
    const insider = await storedMember();
    await inviteMember(coord, g.groupId, insider.userId);
    await acceptInvitation(insider, g.groupId);
    const { post } = await thread(insider, categoryId, `Supervision ${word}`, "Vertraulich");
    expect(await found(member(), word)).toEqual([]);
    expect(await found(insider, word)).toEqual([post.postId]);
    expect(await found(coord, word)).toEqual([post.postId]);
  });

  it("pages through many results by cursor without repeats", async () => {
    const word = marker();
    const { categoryId } = await category(coordinator());
    const author = member();
    const { thread: t, post: opening } = await thread(author, categoryId, `Viele ${word}`);
    const posted = await Promise.all(Array.from({ length: 45 }, (_, i) => reply(author, t.threadId, { body: `Treffer ${i} ${word}` })));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(member(), word, cursor);
      seen.push(...page.results.map((r) => r.postId));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([opening.postId, ...posted.map((p) => p.postId)].sort().reverse());
    await expect(search(member(), word, "bm90LWEtY3Vyc29y")).rejects.toMatchObject({ code: "invalid_cursor" });
  });
});
