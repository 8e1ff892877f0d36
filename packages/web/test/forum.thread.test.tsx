import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi } from "./harness";
import { AMIRA, postId, postView, THREAD_ID, threadPath, threadRoutes, threadView } from "./forum-fixtures";

const member = { "GET /api/auth/session": () => json(200, { account: account() }) };

function article(name: RegExp | string) {
  return screen.getByRole("article", { name });
}

describe("thread page", () => {
  it("appends a posted reply, announces it and marks the thread read up to it", async () => {
    const reply = postView(3, { authorId: AMIRA, authorName: "Amira Haddad", mine: true, canEdit: true, canDelete: true, canReport: false, bodyHtml: "<p>Danke, das hilft!</p>", body: "Danke, das hilft!" });
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1), postView(2)]),
      [`POST ${threadPath}/posts`]: () => json(201, { post: reply }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Anerkennung von Berufsabschlüssen" })).toBeTruthy();
    expect(await screen.findByText("Beitrag Nummer 2")).toBeTruthy();

    fireEvent.input(screen.getByLabelText("Ihre Antwort"), { target: { value: "Danke, das hilft!" } });
    fireEvent.click(screen.getByRole("button", { name: "Antwort veröffentlichen" }));

    expect(await screen.findByText("Danke, das hilft!", { selector: "p" })).toBeTruthy();
    const posts = within(screen.getByRole("list", { name: "Beiträge" })).getAllByRole("article");
    expect(posts.map((p) => p.id)).toEqual([`post-${postId(1)}`, `post-${postId(2)}`, `post-${postId(3)}`]);
    expect(document.activeElement).toBe(posts[2]);
    expect(screen.getByText("Ihre Antwort ist veröffentlicht.")).toBeTruthy();
    expect((screen.getByLabelText("Ihre Antwort") as HTMLTextAreaElement).value).toBe("");
    expect(calls.find((c) => c.method === "POST" && c.path === `${threadPath}/posts`)?.body).toEqual({ body: "Danke, das hilft!" });
    await waitFor(() => expect(calls.filter((c) => c.path === `${threadPath}/read`).map((c) => c.body)).toContainEqual({ postId: postId(3) }));
  });

  it("sends the quoted post's id with the reply and shows whom the reply quotes until it is removed", async () => {
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1), postView(2)]),
      [`POST ${threadPath}/posts`]: () =>
        json(201, { post: postView(3, { mine: true, authorName: "Amira Haddad", quote: { postId: postId(1), authorName: "Jonas Becker", createdAt: "2026-11-02T01:30:00.000Z", excerpt: "Beitrag Nummer 1" } }) }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    await screen.findByText("Beitrag Nummer 1");
    const first = document.getElementById(`post-${postId(1)}`)!;
    fireEvent.click(within(first).getByRole("button", { name: "Zitieren" }));

    expect(screen.getByText(/Sie antworten auf den Beitrag von Jonas Becker/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Ihre Antwort"));
    fireEvent.input(screen.getByLabelText("Ihre Antwort"), { target: { value: "Genau so war es bei uns." } });
    fireEvent.click(screen.getByRole("button", { name: "Antwort veröffentlichen" }));

    await waitFor(() => expect(calls.some((c) => c.method === "POST" && c.path === `${threadPath}/posts`)).toBe(true));
    expect(calls.find((c) => c.method === "POST" && c.path === `${threadPath}/posts`)?.body).toEqual({ body: "Genau so war es bei uns.", quotedPostId: postId(1) });
    const quoted = await screen.findByText("Jonas Becker schrieb:");
    expect(quoted.closest("a")?.getAttribute("href")).toBe(`/forum/threads/${THREAD_ID}?post=${postId(1)}`);
    expect(screen.queryByText(/Sie antworten auf den Beitrag von/)).toBeNull();
  });

  it("marks edited posts and shows placeholders for deleted and hidden ones instead of their text", async () => {
    stubApi({
      ...member,
      ...threadRoutes(threadView(), [
        postView(1, { editedAt: "2026-11-02T02:00:00.000Z" }),
        postView(2, { status: "deleted", bodyHtml: null, canReport: false }),
        postView(3, { status: "hidden", bodyHtml: null, canReport: false }),
      ]),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    await screen.findByText("Beitrag Nummer 1");
    const [edited, deleted, hidden] = within(screen.getByRole("list", { name: "Beiträge" })).getAllByRole("article");
    expect(within(edited!).getByText("bearbeitet")).toBeTruthy();
    expect(within(deleted!).getByText("Dieser Beitrag wurde gelöscht.")).toBeTruthy();
    expect(within(deleted!).queryByText("bearbeitet")).toBeNull();
    expect(within(deleted!).queryByRole("button", { name: "Zitieren" })).toBeNull();
    expect(within(hidden!).getByText("Dieser Beitrag wurde von der Moderation ausgeblendet.")).toBeTruthy();
    expect(screen.queryByText("Beitrag Nummer 2")).toBeNull();
  });

  it("deletes the member's own post after asking, leaving the placeholder in its place", async () => {
    const own = postView(2, { mine: true, authorName: "Amira Haddad", canDelete: true, canEdit: true, canReport: false, body: "Mein Text" });
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1), own]),
      [`DELETE ${threadPath}/posts/${postId(2)}`]: () => json(200, { post: { ...own, status: "deleted", bodyHtml: null, body: null, canEdit: false, canDelete: false } }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    await screen.findByText("Beitrag Nummer 2");
    fireEvent.click(within(article(/Amira Haddad/)).getByRole("button", { name: "Löschen" }));
    fireEvent.click(await screen.findByRole("button", { name: "Ja, löschen" }));
    expect(await screen.findByText("Dieser Beitrag wurde gelöscht.")).toBeTruthy();
    expect(calls.find((c) => c.method === "DELETE")?.body).toEqual({});
  });

  it("edits the member's own post from its Markdown source", async () => {
    const own = postView(2, { mine: true, authorName: "Amira Haddad", canDelete: true, canEdit: true, canReport: false, body: "Erster Entwurf" });
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1), own]),
      [`PATCH ${threadPath}/posts/${postId(2)}`]: () => json(200, { post: { ...own, body: "Zweiter Entwurf", bodyHtml: "<p>Zweiter Entwurf</p>", editedAt: "2026-11-03T09:00:00.000Z" } }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    await screen.findByText("Beitrag Nummer 2");
    fireEvent.click(within(article(/Amira Haddad/)).getByRole("button", { name: "Bearbeiten" }));
    const editor = screen.getByLabelText("Beitrag bearbeiten") as HTMLTextAreaElement;
    expect(editor.value).toBe("Erster Entwurf");
    fireEvent.input(editor, { target: { value: "Zweiter Entwurf" } });
    fireEvent.click(screen.getByRole("button", { name: "Änderung speichern" }));
    expect(await screen.findByText("Zweiter Entwurf", { selector: "p" })).toBeTruthy();
    expect(within(article(/Amira Haddad/)).getByText("bearbeitet")).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ body: "Zweiter Entwurf" });
  });

  it("reports someone else's post with a reason, and says when it was reported already", async () => {
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1)]),
      [`POST ${threadPath}/posts/${postId(1)}/report`]: () => apiError(409, "already_reported", "You have already reported this post."),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    await screen.findByText("Beitrag Nummer 1");
    fireEvent.click(within(article(/Jonas Becker/)).getByRole("button", { name: "Melden" }));
    fireEvent.input(screen.getByLabelText("Warum melden Sie diesen Beitrag?"), { target: { value: "Beleidigend" } });
    fireEvent.click(screen.getByRole("button", { name: "Meldung absenden" }));
    expect(await alertText()).toContain("Sie haben diesen Beitrag schon gemeldet.");
    expect(calls.find((c) => c.path.endsWith("/report"))?.body).toEqual({ reason: "Beleidigend" });
  });

  it("offers no moderation to members without canModerate", async () => {
    stubApi({ ...member, ...threadRoutes(threadView({ canModerate: false }), [postView(1)]) });
    renderApp(`/forum/threads/${THREAD_ID}`);
    await screen.findByText("Beitrag Nummer 1");
    expect(screen.queryByRole("region", { name: "Moderation" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Anheften" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Ausblenden" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Löschen (Moderation)" })).toBeNull();
  });

  it("gives coordinators thread and post moderation, and pins with the logged reason", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator" }) }),
      ...threadRoutes(threadView({ canModerate: true }), [postView(1)]),
      "GET /api/forum/categories": () => json(200, { categories: [] }),
      [`POST ${threadPath}/moderate`]: () => json(200, { thread: threadView({ canModerate: true, pinned: true }) }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    const tools = await screen.findByRole("region", { name: "Moderation" });
    expect(within(tools).queryByRole("button", { name: "Anheften" })).toBeNull();
    fireEvent.click(within(tools).getByRole("button", { name: "Moderation" }));
    expect(within(article(/Jonas Becker/)).getByRole("button", { name: "Ausblenden" })).toBeTruthy();
    expect(within(article(/Jonas Becker/)).getByRole("button", { name: "Löschen (Moderation)" })).toBeTruthy();
    fireEvent.input(within(tools).getByLabelText("Begründung für das Protokoll (freiwillig)"), { target: { value: "Wichtige Frage" } });
    fireEvent.click(within(tools).getByRole("button", { name: "Anheften" }));
    expect(await within(tools).findByText("Das Thema ist angeheftet.")).toBeTruthy();
    expect(within(tools).getByRole("button", { name: "Nicht mehr anheften" })).toBeTruthy();
    expect(screen.getByText("Angeheftet")).toBeTruthy();
    expect(calls.find((c) => c.path === `${threadPath}/moderate`)?.body).toEqual({ action: "pin", reason: "Wichtige Frage" });
  });

  it("starts at the first new post (after the read marker) when the first page was all read, and marks where the new posts begin", async () => {
    const calls = stubApi({
      ...member,
      [`GET ${threadPath}`]: () => json(200, { thread: threadView({ unread: true, lastReadPostId: postId(50), lastPostId: postId(52) }) }),
      [`GET ${threadPath}/posts`]: (call) =>
        call.query.get("after") === postId(50)
          ? json(200, { posts: [postView(51, { isNew: true }), postView(52, { isNew: true })], cursor: null, lastReadPostId: postId(50) })
          : call.query.get("cursor") === "page-2"
            ? json(200, { posts: [postView(51, { isNew: true }), postView(52, { isNew: true })], cursor: null, lastReadPostId: postId(50) })
            : json(200, { posts: [postView(1), postView(2)], cursor: "page-2", lastReadPostId: postId(50) }),
      [`POST ${threadPath}/read`]: () => json(200, { lastReadPostId: postId(52) }),
      "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: 0 }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    expect(await screen.findByText("Beitrag Nummer 51")).toBeTruthy();
    expect(screen.queryByText("Beitrag Nummer 1")).toBeNull();
    expect(screen.getByText("Neu seit Ihrem letzten Besuch")).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: "Zum ersten neuen Beitrag" }));
    expect(document.activeElement?.id).toBe("first-new");
    await waitFor(() => expect(calls.find((c) => c.path === `${threadPath}/read`)?.body).toEqual({ postId: postId(52) }));

    fireEvent.click(screen.getByRole("button", { name: "Frühere Beiträge anzeigen" }));
    expect(await screen.findByText("Beitrag Nummer 1")).toBeTruthy();
    const ids = within(screen.getByRole("list", { name: "Beiträge" })).getAllByRole("article").map((a) => a.id);
    expect(ids).toEqual([1, 2, 51, 52].map((n) => `post-${postId(n)}`));
  });

  it("scrolls to and highlights the post named in the address (links from e-mails and search)", async () => {
    stubApi({ ...member, ...threadRoutes(threadView(), [postView(1), postView(2), postView(3)]) });
    renderApp(`/forum/threads/${THREAD_ID}?post=${postId(2)}`);
    await screen.findByText("Beitrag Nummer 2");
    const target = document.getElementById(`post-${postId(2)}`);
    await waitFor(() => expect(document.activeElement).toBe(target));
    expect(target?.classList.contains("post-highlight")).toBe(true);
    expect(document.getElementById(`post-${postId(1)}`)?.classList.contains("post-highlight")).toBe(false);
  });

  it("says so when the thread is locked instead of offering the reply form", async () => {
    stubApi({ ...member, ...threadRoutes(threadView({ locked: true, canReply: false }), [postView(1)]) });
    renderApp(`/forum/threads/${THREAD_ID}`);
    expect(await screen.findByText("Dieses Thema ist geschlossen. Neue Antworten sind nicht möglich.")).toBeTruthy();
    expect(screen.queryByLabelText("Ihre Antwort")).toBeNull();
    expect(screen.queryByRole("button", { name: "Zitieren" })).toBeNull();
  });

  it("follows and unfollows the thread with a switch", async () => {
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView({ following: true }), [postView(1)]),
      [`PUT ${threadPath}/follow`]: () => json(200, { following: false }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    const toggle = (await screen.findByRole("switch", { name: "Diesem Thema folgen" })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ following: false }));
    await waitFor(() => expect(toggle.checked).toBe(false));
  });
});
