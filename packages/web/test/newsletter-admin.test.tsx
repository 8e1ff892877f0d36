import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PROGRESS_POLL_MS } from "../src/pages/newsletter/admin/Progress";
import { account, alertText, apiError, json, renderApp, stubApi, type ApiCall } from "./harness";

// The pages load lazily; transforming them once up front keeps that out of the tests' waiting time.
beforeAll(async () => {
  await Promise.all([import("../src/pages/newsletter/Admin"), import("../src/pages/AdminMembers")]);
});

const coordinator = account({ userId: "usr_01jd00000000000000000000c0", name: "Kim Koordination", role: "coordinator", mayWriteNews: true });

const id = (prefix: string, n: number) => `${prefix}_${String(n).padStart(26, "0")}`;
const news = [
  { newsId: id("nws", 1), title: "Neue Regeln zur Arbeitserlaubnis", summary: "…", sourceUrl: null, category: "law_policy" },
  { newsId: id("nws", 2), title: "Sprachcafé in der Stadtbibliothek", summary: "…", sourceUrl: null, category: "local_offers" },
  { newsId: id("nws", 3), title: "Handreichung Datenschutz", summary: "…", sourceUrl: null, category: "materials" },
];
const events = [
  { eventId: id("evt", 1), title: "Austauschtreffen: Trauma", startsAt: "2026-12-02T17:00:00.000Z", endsAt: "2026-12-02T19:00:00.000Z", where: "Kreisverband" },
  { eventId: id("evt", 2), title: "Einführungsveranstaltung", startsAt: "2026-12-09T17:00:00.000Z", endsAt: "2026-12-09T19:00:00.000Z", where: "Rathaus" },
];

/** The next issue as the API would assemble it from the chosen news and events. */
function nextIssue(newsIds: string[], eventIds: string[], status: "draft" | "approved" = "draft") {
  const included = newsIds.flatMap((nid) => news.filter((n) => n.newsId === nid));
  return {
    status,
    subject: "Neuigkeiten aus der Geflüchtetenhilfe",
    intro: "",
    sendAfter: status === "approved" ? "2026-11-30T06:00:00.000Z" : null,
    nextSlot: "2026-11-30T06:00:00.000Z",
    content: { number: 4, subject: "Neuigkeiten aus der Geflüchtetenhilfe", intro: "", news: included, events: events.filter((e) => eventIds.includes(e.eventId)) },
    droppedNews: news.filter((n) => !newsIds.includes(n.newsId)).map((n) => ({ newsId: n.newsId, title: n.title })),
    otherEvents: events.filter((e) => !eventIds.includes(e.eventId)).map((e) => ({ eventId: e.eventId, title: e.title, startsAt: e.startsAt })),
    hasNews: included.length > 0,
  };
}

const progressOf = (overrides: Record<string, unknown> = {}) => ({
  issueId: "iss_01jd0000000000000000000003",
  number: 3,
  subject: "Neues zum Asylrecht",
  status: "sending",
  sendStartedAt: "2026-11-23T06:00:00.000Z",
  sentAt: null,
  recipientCount: 500,
  sent: 120,
  failed: 2,
  unknown: 1,
  remaining: 377,
  ...overrides,
});

function adminApi(routes: Record<string, (call: ApiCall) => Response> = {}) {
  let state = { newsIds: news.map((n) => n.newsId), eventIds: [events[0]!.eventId] };
  return stubApi({
    "GET /api/auth/session": () => json(200, { account: coordinator }),
    "GET /api/newsletter/next": () => json(200, { issue: nextIssue(state.newsIds, state.eventIds) }),
    "PUT /api/newsletter/next": (call) => {
      const body = typeof call.body === "object" && call.body !== null ? call.body : {};
      state = { ...state, ...body };
      return json(200, { issue: nextIssue(state.newsIds, state.eventIds) });
    },
    "GET /api/newsletter/progress": () => json(200, { issues: [] }),
    "GET /api/newsletter/subscribers/counts": () => json(200, { counts: { pending: 3, active: 240, unsubscribed: 12, suppressed: 1 } }),
    "GET /api/newsletter/settings": () => json(200, { settings: { sendWeekday: 1, sendTime: "07:00", archiveVisibility: "public" } }),
    ...routes,
  });
}

const newsRegion = () => screen.findByRole("region", { name: "Neuigkeiten in dieser Ausgabe" });
const rowOf = (region: HTMLElement, title: string) => within(region).getByText(title).closest("li")!;
const puts = (calls: ApiCall[]) => calls.filter((c) => c.method === "PUT" && c.path === "/api/newsletter/next").map((c) => c.body);

describe("newsletter administration: the next issue", () => {
  it("moves a news item down with the keyboard-reachable buttons, sends the new order and keeps focus on the item", async () => {
    const calls = adminApi();
    renderApp("/admin/newsletter");
    const region = await newsRegion();
    await within(region).findByText("Neue Regeln zur Arbeitserlaubnis");
    expect(within(rowOf(region, "Neue Regeln zur Arbeitserlaubnis")).getByRole<HTMLButtonElement>("button", { name: "Nach oben" }).disabled).toBe(true);

    fireEvent.click(within(rowOf(region, "Neue Regeln zur Arbeitserlaubnis")).getByRole("button", { name: "Nach unten" }));

    await waitFor(() => expect(puts(calls)).toEqual([{ newsIds: [news[1]!.newsId, news[0]!.newsId, news[2]!.newsId] }]));
    await waitFor(() => expect(within(region).getAllByRole("listitem").map((li) => li.querySelector(".issue-news-title")?.textContent)[1]).toBe("Neue Regeln zur Arbeitserlaubnis"));
    const moved = rowOf(region, "Neue Regeln zur Arbeitserlaubnis");
    expect(document.activeElement).toBe(within(moved).getByRole("button", { name: "Nach unten" }));
    expect(within(region).getByText("„Neue Regeln zur Arbeitserlaubnis“ ist jetzt an Stelle 2.")).toBeTruthy();
  });

  it("leaves a news item out and includes it again, sending the remaining ids each time", async () => {
    const calls = adminApi();
    renderApp("/admin/newsletter");
    const region = await newsRegion();
    await within(region).findByText("Handreichung Datenschutz");

    fireEvent.click(within(rowOf(region, "Sprachcafé in der Stadtbibliothek")).getByRole("button", { name: "Herausnehmen" }));
    const readd = await within(region).findByRole("button", { name: "Wieder aufnehmen" });
    expect(document.activeElement).toBe(readd);
    expect(within(region).getByRole("heading", { name: "Herausgenommen" })).toBeTruthy();

    fireEvent.click(readd);
    await waitFor(() => expect(within(region).queryByRole("button", { name: "Wieder aufnehmen" })).toBeNull());
    expect(puts(calls)).toEqual([{ newsIds: [news[0]!.newsId, news[2]!.newsId] }, { newsIds: [news[0]!.newsId, news[2]!.newsId, news[1]!.newsId] }]);
  });

  it("chooses events by ticking them", async () => {
    const calls = adminApi();
    renderApp("/admin/newsletter");
    const region = await screen.findByRole("region", { name: "Veranstaltungen" });
    const second = await within(region).findByRole<HTMLInputElement>("checkbox", { name: /Einführungsveranstaltung/ });
    expect(second.checked).toBe(false);
    fireEvent.click(second);
    await waitFor(() => expect(puts(calls)).toEqual([{ eventIds: [events[0]!.eventId, events[1]!.eventId] }]));
    expect(within(region).getByRole<HTMLInputElement>("checkbox", { name: /Einführungsveranstaltung/ })).toBe(second);
    expect(second.checked).toBe(true);
  });

  it("saves subject and introduction", async () => {
    const calls = adminApi();
    renderApp("/admin/newsletter");
    const subject = await screen.findByLabelText("Betreff");
    fireEvent.input(subject, { target: { value: "Neues im November" } });
    fireEvent.input(screen.getByLabelText("Einleitung (freiwillig)"), { target: { value: "Liebe Ehrenamtliche," } });
    fireEvent.click(screen.getByRole("button", { name: "Betreff und Einleitung speichern" }));
    expect(await screen.findByText("Betreff und Einleitung sind gespeichert.")).toBeTruthy();
    expect(puts(calls)).toEqual([{ subject: "Neues im November", intro: "Liebe Ehrenamtliche," }]);
  });

  it("shows the preview in a sandboxed frame from srcdoc, never in the page itself", async () => {
    const html = '<!doctype html><html><body><h1>Vorschau-Betreff</h1><script>parent.document.title="pwned"</script></body></html>';
    adminApi({ "GET /api/newsletter/next/preview": () => json(200, { subject: "Vorschau-Betreff", html, text: "Textfassung" }) });
    renderApp("/admin/newsletter");
    fireEvent.click(await screen.findByRole("button", { name: "Vorschau anzeigen" }));
    const frame = await screen.findByTitle("Vorschau der E-Mail");
    expect(frame.tagName).toBe("IFRAME");
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(frame.getAttribute("srcdoc")).toBe(html);
    expect(frame.getAttribute("src")).toBeNull();
    expect(document.querySelector("main script")).toBeNull();
    expect(screen.getByText("Betreff: Vorschau-Betreff")).toBeTruthy();
  });

  it("sends a test to the coordinator", async () => {
    const calls = adminApi({ "POST /api/newsletter/next/test": () => json(200, { to: "kim@example.org" }) });
    renderApp("/admin/newsletter");
    fireEvent.click(await screen.findByRole("button", { name: "Test an mich senden" }));
    expect(await screen.findByText("Eine Testausgabe ist an kim@example.org unterwegs.")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/newsletter/next/test")?.body).toEqual({});
  });

  it("explains why an issue without new news cannot be approved", async () => {
    const calls = adminApi({ "POST /api/newsletter/next/approve": () => apiError(409, "nothing_new", "No news since the last issue: there is nothing to send.") });
    renderApp("/admin/newsletter");
    fireEvent.click(await screen.findByRole("button", { name: /^Für .* freigeben$/ }));
    expect(await alertText()).toMatch(/Eine Ausgabe ohne Neuigkeiten wird nicht verschickt/);
    expect(calls.find((c) => c.path === "/api/newsletter/next/approve")?.body).toEqual({ sendNow: false });
  });

  it("asks before sending now, naming how many subscribers get it, then approves for right away", async () => {
    const calls = adminApi({
      "POST /api/newsletter/next/approve": () => json(200, { issue: { ...nextIssue([news[0]!.newsId], []), status: "approved", sendAfter: new Date().toISOString() } }),
    });
    renderApp("/admin/newsletter");
    await screen.findByText("Aktiv");
    fireEvent.click(await screen.findByRole("button", { name: "Jetzt senden" }));
    expect(screen.getByText("Die Ausgabe jetzt an alle 240 Abonnentinnen und Abonnenten senden?")).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/newsletter/next/approve")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Ja, jetzt senden" }));
    expect(await screen.findByText("Freigegeben zum sofortigen Versand. Er beginnt in den nächsten Minuten.")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/newsletter/next/approve")?.body).toEqual({ sendNow: true });
    expect(screen.getByRole("button", { name: "Freigabe zurückziehen" })).toBeTruthy();
  });

  it("withdraws an approval", async () => {
    let approved = true;
    const calls = adminApi({
      "GET /api/newsletter/next": () => json(200, { issue: nextIssue([news[0]!.newsId], [], approved ? "approved" : "draft") }),
      "POST /api/newsletter/next/withdraw": () => {
        approved = false;
        return json(200, { issue: nextIssue([news[0]!.newsId], []) });
      },
    });
    renderApp("/admin/newsletter");
    expect(await screen.findByText(/^Freigegeben\. Wird verschickt ab/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Freigabe zurückziehen" }));
    expect(await screen.findByText("Die Freigabe ist zurückgezogen. Die Ausgabe ist wieder ein Entwurf.")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/newsletter/next/withdraw")?.body).toEqual({});
  });
});

describe("newsletter administration: sending, subscribers, settings", () => {
  it("shows the counts of an issue being sent, explains “unknown”, and asks again every few seconds until it is done", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let answer = progressOf();
    const calls = adminApi({ "GET /api/newsletter/progress": () => json(200, { issues: [answer] }) });
    renderApp("/admin/newsletter");
    const region = await screen.findByRole("region", { name: "Versand" });
    await within(region).findByText("Nr. 3: Neues zum Asylrecht");
    const count = (label: string) => within(region).getByText(label).nextElementSibling?.textContent;
    expect([count("Gesendet"), count("Fehlgeschlagen"), count("Unklar"), count("Ausstehend")]).toEqual(["120", "2", "1", "377"]);
    expect(within(region).getByText("Wird verschickt")).toBeTruthy();
    expect(within(region).getByText(/„Unklar“: Der Versand wurde genau bei dieser Adresse unterbrochen/)).toBeTruthy();
    expect(within(region).getByRole("progressbar").getAttribute("value")).toBe("123");

    answer = progressOf({ status: "sent", sent: 497, remaining: 0, sentAt: "2026-11-23T06:20:00.000Z" });
    vi.advanceTimersByTime(PROGRESS_POLL_MS);
    await waitFor(() => expect(count("Gesendet")).toBe("497"));
    expect(within(region).getByText("Verschickt")).toBeTruthy();

    vi.advanceTimersByTime(PROGRESS_POLL_MS * 3);
    expect(calls.filter((c) => c.path === "/api/newsletter/progress")).toHaveLength(2);
  });

  it("offers to send again to the “unknown” addresses of a finished issue, after asking", async () => {
    let answer = progressOf({ status: "sent", sent: 497, unknown: 3, remaining: 0, sentAt: "2026-11-23T06:20:00.000Z" });
    const calls = adminApi({
      "GET /api/newsletter/progress": () => json(200, { issues: [answer] }),
      "POST /api/newsletter/issues/iss_01jd0000000000000000000003/resend-unknown": () => {
        answer = progressOf({ status: "sending", sent: 497, unknown: 0, remaining: 3, sentAt: null });
        return json(200, { released: 3 });
      },
    });
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    renderApp("/admin/newsletter");
    const region = await screen.findByRole("region", { name: "Versand" });
    fireEvent.click(await within(region).findByRole("button", { name: "An die 3 unklaren Adressen erneut senden" }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith("/resend-unknown"))?.body).toEqual({}));
    expect(confirm).toHaveBeenCalledOnce();
    await within(region).findByText("Wird verschickt");
    expect(within(region).queryByRole("button", { name: /erneut senden/ })).toBeNull();
    confirm.mockRestore();
  });

  it("follows an issue approved for right away until it starts, then shows the fresh next issue", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let started = false;
    const due = { ...nextIssue([news[0]!.newsId], [], "approved"), sendAfter: new Date(Date.now() - 1000).toISOString() };
    const calls = adminApi({
      "GET /api/newsletter/next": () => json(200, { issue: started ? { ...nextIssue([], []), content: { ...nextIssue([], []).content, number: 2 } } : due }),
      "GET /api/newsletter/progress": () => json(200, { issues: started ? [progressOf({ number: 1, remaining: 500, sent: 0, failed: 0, unknown: 0 })] : [] }),
    });
    renderApp("/admin/newsletter");
    expect(await screen.findByText("Freigegeben zum sofortigen Versand. Er beginnt in den nächsten Minuten.")).toBeTruthy();
    expect(await screen.findByText("Es wurde noch keine Ausgabe verschickt.")).toBeTruthy();

    started = true;
    vi.advanceTimersByTime(PROGRESS_POLL_MS);
    expect(await screen.findByRole("heading", { name: "Nächste Ausgabe (Nr. 2)" })).toBeTruthy();
    expect(screen.getByText("Wird verschickt")).toBeTruthy();
    expect(calls.filter((c) => c.path === "/api/newsletter/next")).toHaveLength(2);
  });

  it("shows subscriber counts and links the CSV export", async () => {
    adminApi();
    renderApp("/admin/newsletter");
    const region = await screen.findByRole("region", { name: "Abonnements" });
    expect((await within(region).findByText("Aktiv")).nextElementSibling?.textContent).toBe("240");
    const csv = within(region).getByRole("link", { name: "Aktive Abonnements als CSV herunterladen" });
    expect(csv.getAttribute("href")).toBe("/api/newsletter/subscribers.csv");
    expect(csv.hasAttribute("download")).toBe(true);
  });

  it("saves the send slot and archive visibility", async () => {
    const calls = adminApi({
      "PUT /api/newsletter/settings": (call) => json(200, { settings: call.body }),
    });
    renderApp("/admin/newsletter");
    const region = await screen.findByRole("region", { name: "Einstellungen" });
    fireEvent.change(await within(region).findByLabelText("Versandtag"), { target: { value: "3" } });
    fireEvent.input(within(region).getByLabelText("Uhrzeit"), { target: { value: "18:30" } });
    fireEvent.click(within(region).getByLabelText("Nur für Mitglieder"));
    fireEvent.click(within(region).getByRole("button", { name: "Einstellungen speichern" }));
    expect(await within(region).findByText("Die Einstellungen sind gespeichert.")).toBeTruthy();
    expect(calls.find((c) => c.method === "PUT" && c.path === "/api/newsletter/settings")?.body).toEqual({
      sendWeekday: 3,
      sendTime: "18:30",
      archiveVisibility: "members",
    });
    // The next slot follows the new settings.
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/newsletter/next" && c.method === "GET")).toHaveLength(2));
  });

  it("turns volunteers away without asking the API", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account() }) });
    renderApp("/admin/newsletter");
    expect(await alertText()).toBe("Diese Seite ist der Koordination vorbehalten.");
    expect(calls.filter((c) => c.path.startsWith("/api/newsletter"))).toEqual([]);
  });
});

describe("member administration: news permission", () => {
  it("lets a coordinator allow an approved volunteer to write news", async () => {
    const member = {
      userId: "usr_fatmayilmaz000000000000000",
      name: "Fatma Yilmaz",
      email: "fatma@example.org",
      role: "volunteer",
      status: "approved",
      emailVerified: true,
      twoFactorEnabled: false,
      createdAt: "2026-11-10T10:00:00.000Z",
      mayWriteNews: false,
    };
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: coordinator }),
      "GET /api/members": () => json(200, { members: [member], cursor: null }),
      [`POST /api/members/${member.userId}/news-permission`]: () => json(200, { member: { ...member, mayWriteNews: true } }),
    });
    renderApp("/admin/members?status=approved");
    const toggle = await screen.findByRole<HTMLInputElement>("switch", { name: "Darf Neuigkeiten schreiben" });
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(await screen.findByText("Fatma Yilmaz darf jetzt Neuigkeiten schreiben.")).toBeTruthy();
    expect(toggle.checked).toBe(true);
    expect(calls.find((c) => c.path.endsWith("/news-permission"))?.body).toEqual({ allowed: true });
  });
});
