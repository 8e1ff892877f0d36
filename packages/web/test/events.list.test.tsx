import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { account, json, renderApp, stubApi, type ApiCall } from "./harness";
import { eventView } from "./events-fixtures";

// The pages load lazily; compiling them on first use can outlast findBy*'s wait on a busy machine.
beforeAll(async () => {
  await import("../src/pages/events/EventList");
});

const meeting = eventView();
const fullTraining = eventView({
  eventId: "evt_01jd0000000000000000000002",
  kind: "training",
  title: "Schulung: Deeskalation im Alltag",
  startsAt: "2030-12-10T09:00:00.000Z",
  endsAt: "2030-12-10T15:00:00.000Z",
  capacity: 12,
  confirmedCount: 12,
  placesLeft: 0,
  waitlistCount: 3,
});
const onlinePanel = eventView({
  eventId: "evt_01jd0000000000000000000003",
  kind: "panel_discussion",
  title: "Podiumsdiskussion: Wohnen für Geflüchtete",
  startsAt: "2031-01-08T18:00:00.000Z",
  endsAt: "2031-01-08T20:00:00.000Z",
  address: null,
  isOnline: true,
  capacity: null,
  placesLeft: null,
});
const cancelledSupervision = eventView({
  eventId: "evt_01jd0000000000000000000004",
  kind: "group_supervision",
  title: "Gruppensupervision",
  startsAt: "2031-01-15T17:00:00.000Z",
  endsAt: "2031-01-15T19:00:00.000Z",
  status: "cancelled",
  visibility: "members",
});

function listing(pages: Record<string, { events: unknown[]; cursor: string | null }>, viewer: ReturnType<typeof account> | null = null) {
  return stubApi({
    "GET /api/auth/session": () => json(200, { account: viewer }),
    "GET /api/events/facets": () => json(200, { topics: ["Austausch", "Trauma", "Wohnen"], organisers: ["Caritasverband", "DRK Kreisverband"] }),
    "GET /api/events": (call: ApiCall) => json(200, pages[call.query.get("cursor") ?? ""] ?? { events: [], cursor: null }),
  });
}

const card = (title: string) => screen.getByRole("link", { name: title }).closest("li")!;

describe("events list", () => {
  it("shows upcoming events to signed-out visitors, grouped by month, with kind, Berlin time, place and places left", async () => {
    listing({ "": { events: [meeting, fullTraining, onlinePanel, cancelledSupervision], cursor: null } });
    renderApp("/events");

    expect(await screen.findByRole("heading", { level: 2, name: "Dezember 2030" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Januar 2031" })).toBeTruthy();

    const first = within(card(meeting.title));
    expect(first.getByText("Austauschtreffen")).toBeTruthy();
    expect(first.getByText("Mi., 4. Dez. 2030, 18:00–20:00 Uhr")).toBeTruthy();
    expect(first.getByText(/Bahnhofstraße 12/)).toBeTruthy();
    expect(first.getByText("7 von 20 Plätzen frei")).toBeTruthy();

    expect(within(card(fullTraining.title)).getByText("ausgebucht – Warteliste: 3")).toBeTruthy();
    expect(within(card(fullTraining.title)).getByText("Schulung")).toBeTruthy();
    expect(within(card(onlinePanel.title)).getByText("Online")).toBeTruthy();
    expect(within(card(onlinePanel.title)).getByText("Plätze: unbegrenzt")).toBeTruthy();
    expect(within(card(onlinePanel.title)).getByText("Podiumsdiskussion")).toBeTruthy();

    const cancelled = within(card(cancelledSupervision.title));
    expect(cancelled.getByText("Abgesagt")).toBeTruthy();
    expect(cancelled.queryByText(/Plätzen frei/)).toBeNull();
    expect(screen.getByRole("link", { name: meeting.title }).getAttribute("href")).toBe(`/events/${meeting.eventId}`);
  });

  it("shows times on Berlin's clock in summer too (UTC+2)", async () => {
    listing({ "": { events: [eventView({ startsAt: "2030-07-03T16:00:00.000Z", endsAt: "2030-07-03T18:30:00.000Z" })], cursor: null } });
    renderApp("/events");
    expect(await screen.findByText("Mi., 3. Juli 2030, 18:00–20:30 Uhr")).toBeTruthy();
  });

  it("filters by kind, topic and organiser through the address and the API query", async () => {
    const calls = listing({ "": { events: [meeting], cursor: null } });
    const { history } = renderApp("/events");
    await screen.findByText(meeting.title);
    fireEvent.change(screen.getByLabelText("Art"), { target: { value: "training" } });
    await waitFor(() => expect(history.get()).toBe("/events?kind=training"));
    const topic = await screen.findByRole("option", { name: "Trauma" });
    fireEvent.change(topic.closest("select")!, { target: { value: "Trauma" } });
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/events").at(-1)?.query.get("topic")).toBe("Trauma"));
    const last = calls.filter((c) => c.path === "/api/events").at(-1)!;
    expect(last.query.get("kind")).toBe("training");
    expect(last.query.get("when")).toBe("upcoming");
  });

  it("loads the next page with the API's cursor and switches to the archive", async () => {
    const calls = listing({ "": { events: [meeting], cursor: "page-2" }, "page-2": { events: [fullTraining], cursor: null } });
    renderApp("/events");
    fireEvent.click(await screen.findByRole("button", { name: "Weitere Veranstaltungen laden" }));
    expect(await screen.findByText(fullTraining.title)).toBeTruthy();
    expect(screen.getByText(meeting.title)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Weitere Veranstaltungen laden" })).toBeNull();

    fireEvent.click(screen.getByRole("link", { name: "Archiv" }));
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/events").at(-1)?.query.get("when")).toBe("past"));
    expect(screen.getByRole("link", { name: "Archiv" }).getAttribute("aria-current")).toBe("page");
  });

  it("offers coordinators a button to create an event", async () => {
    listing({ "": { events: [], cursor: null } }, account({ role: "coordinator" }));
    renderApp("/events");
    expect(await screen.findByRole("link", { name: "Neue Veranstaltung" })).toBeTruthy();
    expect(screen.getByText("Zurzeit sind keine Veranstaltungen geplant.")).toBeTruthy();
  });
});

describe("header", () => {
  it("links to the events for everyone, and to my events for approved members only", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: null }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Veranstaltungen" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Meine Veranstaltungen" })).toBeNull();
  });

  it("shows pending members no link to their events yet", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account({ status: "pending" }) }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Mein Konto" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Veranstaltungen" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Meine Veranstaltungen" })).toBeNull();
  });

  it("links approved members to their events", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account() }) });
    renderApp("/");
    expect(await screen.findByRole("link", { name: "Meine Veranstaltungen" })).toBeTruthy();
  });

  it("adds the lines below the list once it has come, so they do not jump down when it arrives", async () => {
    let answer: (res: Response) => void = () => undefined;
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/events/facets": () => json(200, { topics: [], organisers: [] }),
      "GET /api/events": () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    renderApp("/events");
    expect(await screen.findByRole("heading", { level: 1, name: "Veranstaltungen" })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Anmelden" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Kalender abonnieren (iCal)" })).toBeNull();
    expect(screen.queryByText("Manche Veranstaltungen sehen nur Mitglieder.")).toBeNull();

    answer(json(200, { events: [meeting], cursor: null }));
    const feed = await screen.findByRole("link", { name: "Kalender abonnieren (iCal)" });
    expect(screen.getByText("Manche Veranstaltungen sehen nur Mitglieder.")).toBeTruthy();
    const list = screen.getByRole("link", { name: meeting.title });
    expect(list.compareDocumentPosition(feed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
