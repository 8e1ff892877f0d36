import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { forumDe } from "../src/i18n/forum.de";
import { forumEn } from "../src/i18n/forum.en";
import { setLocale, t } from "../src/i18n/forum";
import { refreshUnreadCount, setUnreadCount, unreadCount } from "../src/components/forum/unread";
import { account, json, renderApp, stubApi } from "./harness";
import { CATEGORY_ID, categoryView, notificationView, postId, postView, searchResult, THREAD_ID, threadPath, threadRoutes, threadView } from "./forum-fixtures";

const member = { "GET /api/auth/session": () => json(200, { account: account() }) };
const TOKEN = "f".repeat(43);

describe("forum dictionaries", () => {
  it("have the same keys in German and English, and the forum's pages read them unchanged in the current language", async () => {
    expect(Object.keys(forumEn).sort()).toEqual(Object.keys(forumDe).sort());
    expect(Object.entries(forumDe).filter(([key, text]) => t(key as keyof typeof forumDe) !== text)).toEqual([]);
    await setLocale("en");
    expect(Object.entries(forumEn).filter(([key, text]) => t(key as keyof typeof forumEn) !== text)).toEqual([]);
  });

  it("word every kind of notification in both languages", async () => {
    expect(t("forum.notification.mention", { actor: "Jonas Becker", subject: "Wohnungssuche" })).toBe("Jonas Becker hat Sie in „Wohnungssuche“ erwähnt");
    await setLocale("en");
    expect(t("forum.notification.group_request", { actor: "Jonas Becker", subject: "Sprachcafé" })).toBe("Jonas Becker would like to join the group “Sprachcafé”");
  });
});

describe("header", () => {
  it("shows approved members the forum link and a bell whose label says how many notifications are unread", async () => {
    stubApi({ ...member, "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: 3 }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Forum" })).toBeTruthy();
    const bell = await screen.findByRole("link", { name: "Benachrichtigungen: 3 ungelesen" });
    expect(bell.getAttribute("href")).toBe("/forum/notifications");
    expect(bell.textContent).toBe("3");
  });

  it("asks for the unread count again on navigation", async () => {
    let unread = 0;
    const calls = stubApi({ ...member, "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: unread }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Benachrichtigungen: keine ungelesenen" })).toBeTruthy();
    unread = 1;
    fireEvent.click(screen.getByRole("link", { name: "Impressum" }));
    expect(await screen.findByRole("link", { name: "Benachrichtigungen: 1 ungelesen" })).toBeTruthy();
    expect(calls.filter((c) => c.path === "/api/forum/notifications/unread-count").length).toBe(2);
  });

  it("has neither forum link nor bell for members waiting for approval, and tells them on the forum page", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account({ status: "pending" }) }) });
    renderApp("/forum");
    expect(await screen.findByText(/Sobald die Koordinationsstelle Ihr Konto freigeschaltet hat/)).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Forum" })).toBeNull();
    expect(screen.queryByRole("link", { name: /Benachrichtigungen/ })).toBeNull();
    expect(calls.some((c) => c.path.startsWith("/api/forum"))).toBe(false);
  });

  it("asks guests on a forum page to sign in, with a way back to the page", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    renderApp(`/forum/threads/${THREAD_ID}?post=${postId(2)}`);
    expect(await screen.findByRole("heading", { name: "Das Forum ist für Mitglieder" }, { timeout: 5000 })).toBeTruthy();
    const signin = screen.getAllByRole("link", { name: "Anmelden" }).find((a) => a.classList.contains("button"));
    expect(signin?.getAttribute("href")).toBe(`/signin?next=${encodeURIComponent(`/forum/threads/${THREAD_ID}?post=${postId(2)}`)}`);
  });
});

describe("unread count", () => {
  it("keeps a count that marking read reported over an older check that answers later", async () => {
    let answer: (response: Response) => void = () => undefined;
    const calls = stubApi({ "GET /api/forum/notifications/unread-count": () => new Promise<Response>((resolve) => (answer = resolve)) });
    const check = refreshUnreadCount();
    await waitFor(() => expect(calls.length).toBe(1));
    setUnreadCount(0);
    answer(json(200, { unreadCount: 2 }));
    await check;
    expect(unreadCount()).toBe(0);
  });
});

describe("mention suggestions", () => {
  it("offer members after @[ and write the chosen one as @[Full Name]", async () => {
    const calls = stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1)]),
      "GET /api/forum/mentions": () => json(200, { members: [{ userId: "usr_01jd0000000000000000000009", name: "Hanna Özkan" }, { userId: "usr_01jd0000000000000000000008", name: "Hans Müller" }] }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    const editor = (await screen.findByLabelText("Ihre Antwort")) as HTMLTextAreaElement;
    editor.focus();
    const typed = "Frag doch @[Han";
    fireEvent.input(editor, { target: { value: typed, selectionStart: typed.length, selectionEnd: typed.length } });

    const list = await screen.findByRole("listbox", { name: "Mitglieder erwähnen" });
    expect(calls.find((c) => c.path === "/api/forum/mentions")?.query.get("q")).toBe("Han");
    expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["Hanna Özkan", "Hans Müller"]);
    expect(editor.getAttribute("aria-activedescendant")).toBe(within(list).getAllByRole("option")[0]!.id);

    fireEvent.keyDown(editor, { key: "ArrowDown" });
    expect(within(list).getByRole("option", { name: "Hans Müller" }).getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(editor, { key: "Enter" });

    expect(editor.value).toBe("Frag doch @[Hans Müller] ");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(editor.selectionStart).toBe(editor.value.length);
  });

  it("take a suggestion by click as well", async () => {
    stubApi({
      ...member,
      ...threadRoutes(threadView(), [postView(1)]),
      "GET /api/forum/mentions": () => json(200, { members: [{ userId: "usr_01jd0000000000000000000009", name: "Hanna Özkan" }] }),
    });
    renderApp(`/forum/threads/${THREAD_ID}`);
    const editor = (await screen.findByLabelText("Ihre Antwort")) as HTMLTextAreaElement;
    editor.focus();
    fireEvent.input(editor, { target: { value: "@[Ha", selectionStart: 4, selectionEnd: 4 } });
    fireEvent.click(await screen.findByRole("option", { name: "Hanna Özkan" }));
    expect(editor.value).toBe("@[Hanna Özkan] ");
  });
});

describe("forum search", () => {
  it("links each result to its post in the thread", async () => {
    const calls = stubApi({ ...member, "GET /api/forum/search": () => json(200, { results: [searchResult()], cursor: null }) });
    renderApp("/forum/search?q=Landesamt");
    const link = await screen.findByRole("link", { name: "Anerkennung von Berufsabschlüssen" });
    expect(link.getAttribute("href")).toBe(`/forum/threads/${THREAD_ID}?post=${postId(2)}`);
    expect(screen.getByText("Für Pflegeberufe ist das Landesamt zuständig.")).toBeTruthy();
    expect(screen.getByText("Treffer: 1")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/forum/search")?.query.get("q")).toBe("Landesamt");
  });

  it("searches from the forum's overview and keeps the query in the address", async () => {
    stubApi({
      ...member,
      "GET /api/forum/categories": () => json(200, { categories: [categoryView()] }),
      "GET /api/forum/groups": () => json(200, { groups: [] }),
      "GET /api/forum/search": () => json(200, { results: [], cursor: null }),
    });
    const { history } = renderApp("/forum");
    expect(await screen.findByRole("link", { name: "Austausch" })).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Suchbegriffe"), { target: { value: "Wohnung Amt" } });
    fireEvent.click(screen.getByRole("button", { name: "Suchen" }));
    await waitFor(() => expect(history.get()).toBe("/forum/search?q=Wohnung+Amt"));
    expect(await screen.findByText("Keine Beiträge zu „Wohnung Amt“ gefunden.")).toBeTruthy();
  });
});

describe("notifications page", () => {
  it("links each notification to its post and marks all read, which the bell follows", async () => {
    let unread = 2;
    const calls = stubApi({
      ...member,
      "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: unread }),
      "GET /api/forum/notifications": () => json(200, { notifications: [notificationView(), notificationView({ notificationId: "fnt_01jd0000000000000000000002", kind: "reply", read: true })], unreadCount: 1, cursor: null }),
      "POST /api/forum/notifications/read": () => {
        unread = 0;
        return json(200, { unreadCount: 0 });
      },
    });
    renderApp("/forum/notifications");
    const mention = await screen.findByRole("link", { name: /Jonas Becker hat Sie in „Anerkennung von Berufsabschlüssen“ erwähnt/ });
    expect(mention.getAttribute("href")).toBe(`/forum/threads/${THREAD_ID}?post=${postId(2)}`);
    expect(within(mention).getByText("Neu")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Alle als gelesen markieren" }));
    expect(await screen.findByRole("link", { name: "Benachrichtigungen: keine ungelesenen" })).toBeTruthy();
    expect(screen.getByText("Keine ungelesenen Benachrichtigungen.")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/forum/notifications/read")?.body).toEqual({});
  });
});

describe("category page", () => {
  it("lists threads with their unread state and starts a new thread, opening it", async () => {
    const created = threadView({ threadId: "thr_01jd0000000000000000000002", title: "Sprachcafé am Samstag" });
    const calls = stubApi({
      ...member,
      [`GET /api/forum/categories/${CATEGORY_ID}/threads`]: () => json(200, { category: categoryView(), threads: [threadView({ unread: true, pinned: true })], cursor: null }),
      [`POST /api/forum/categories/${CATEGORY_ID}/threads`]: () => json(201, { thread: created, post: postView(1) }),
      "GET /api/forum/threads/thr_01jd0000000000000000000002": () => json(200, { thread: created }),
      "GET /api/forum/threads/thr_01jd0000000000000000000002/posts": () => json(200, { posts: [postView(1)], cursor: null, lastReadPostId: null }),
      "POST /api/forum/threads/thr_01jd0000000000000000000002/read": () => json(200, { lastReadPostId: postId(1) }),
    });
    const { history } = renderApp(`/forum/categories/${CATEGORY_ID}`);
    const row = (await screen.findByRole("link", { name: "Anerkennung von Berufsabschlüssen" })).closest("li")!;
    expect(within(row).getByText("Ungelesen")).toBeTruthy();
    expect(within(row).getByText("Angeheftet")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Neues Thema starten" }));
    fireEvent.input(screen.getByLabelText("Titel"), { target: { value: "Sprachcafé am Samstag" } });
    fireEvent.input(screen.getByLabelText("Ihr Beitrag"), { target: { value: "Wer kommt mit?" } });
    fireEvent.click(screen.getByRole("button", { name: "Thema veröffentlichen" }));
    await waitFor(() => expect(history.get()).toBe("/forum/threads/thr_01jd0000000000000000000002"));
    expect(await screen.findByText("Ihr Thema ist veröffentlicht.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST" && c.path.endsWith("/threads"))?.body).toEqual({ title: "Sprachcafé am Samstag", body: "Wer kommt mit?" });
  });
});

describe("unsubscribe page", () => {
  it("works signed out: shows the thread, then stops all forum e-mail when chosen", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/forum/unsubscribe": () => json(200, { threadId: THREAD_ID, threadTitle: "Anerkennung von Berufsabschlüssen", following: true }),
      "POST /api/forum/unsubscribe": () => json(200, { threadId: THREAD_ID, threadTitle: "Anerkennung von Berufsabschlüssen", following: false, emailNotifications: false }),
    });
    renderApp(`/forum/unsubscribe?token=${TOKEN}`);
    expect(await screen.findByRole("heading", { name: "E-Mails zum Thema „Anerkennung von Berufsabschlüssen“" })).toBeTruthy();
    expect((screen.getByLabelText("Nur die E-Mails zu diesem Thema") as HTMLInputElement).checked).toBe(true);
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    fireEvent.click(screen.getByLabelText("Alle E-Mails aus dem Forum"));
    fireEvent.click(screen.getByRole("button", { name: "Abbestellen" }));
    const done = await screen.findByText(/Erledigt: Sie bekommen keine E-Mails aus dem Forum mehr/);
    expect(document.activeElement).toBe(done);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ token: TOKEN, all: true });
    expect(calls.find((c) => c.path === "/api/forum/unsubscribe" && c.method === "GET")?.query.get("token")).toBe(TOKEN);
  });

  it("explains a link without its token", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    renderApp("/forum/unsubscribe");
    expect(await screen.findByText(/Dieser Link ist unvollständig/)).toBeTruthy();
  });
});

describe("coordinators' pages", () => {
  it("keep the reports queue from volunteers", async () => {
    const calls = stubApi({ ...member, "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: 0 }) });
    renderApp("/forum/reports");
    expect(await screen.findByText("Diese Seite ist der Koordination vorbehalten.")).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/forum/reports")).toBe(false);
  });

  it("resolve a report from the queue", async () => {
    const report = {
      reportId: "frp_0123456789abcdef0123456789",
      threadId: THREAD_ID,
      postId: postId(2),
      reporterId: "usr_01jd0000000000000000000001",
      reporterName: "Amira Haddad",
      reason: "Beleidigend",
      status: "open" as const,
      createdAt: "2026-11-02T11:00:00.000Z",
      resolvedAt: null,
      resolvedByName: null,
      outcome: null,
      note: null,
      threadTitle: "Anerkennung von Berufsabschlüssen",
      post: { authorId: "usr_01jd0000000000000000000002", authorName: "Jonas Becker", status: "visible" as const, excerpt: "Ein unfreundlicher Satz." },
    };
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator" }) }),
      "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: 0 }),
      "GET /api/forum/reports": () => json(200, { reports: [report], cursor: null }),
      [`POST /api/forum/reports/${report.reportId}/resolve`]: () => json(200, { report: { ...report, status: "resolved", outcome: "dismissed" } }),
      [`POST ${threadPath}/posts/${postId(2)}/moderate`]: () => json(200, { post: postView(2, { status: "hidden" }) }),
    });
    renderApp("/forum/reports");
    expect(await screen.findByText("Ein unfreundlicher Satz.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ausblenden" }));
    expect(await screen.findByText("Ausgeblendet")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Notiz für das Protokoll (freiwillig)"), { target: { value: "Ausgeblendet und mit Jonas gesprochen" } });
    fireEvent.click(screen.getByRole("button", { name: "Erledigt – Maßnahme ergriffen" }));
    const done = await screen.findByText("Die Meldung ist erledigt.");
    expect(document.activeElement).toBe(done);
    expect(screen.queryByText("Ein unfreundlicher Satz.")).toBeNull();
    expect(calls.find((c) => c.path.endsWith("/resolve"))?.body).toEqual({ outcome: "actioned", note: "Ausgeblendet und mit Jonas gesprochen" });
    expect(calls.find((c) => c.path.endsWith("/moderate"))?.body).toEqual({ action: "hide", reason: "Beleidigend" });
  });
});
