import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi, type ApiCall } from "./harness";
import { EVENT_ID, eventView } from "./events-fixtures";

// The pages load lazily; compiling them on first use can outlast findBy*'s wait on a busy machine.
beforeAll(async () => {
  await import("../src/pages/events/EventEditor");
  await import("../src/pages/events/EventDetail");
});

const coordinator = account({ role: "coordinator", twoFactorEnabled: true });

function editorApi(routes: Record<string, (call: ApiCall) => Response> = {}) {
  return stubApi({
    "GET /api/auth/session": () => json(200, { account: coordinator }),
    "GET /api/events/facets": () => json(200, { topics: [], organisers: ["DRK Kreisverband"] }),
    [`GET /api/events/${EVENT_ID}`]: () => json(200, { event: eventView() }),
    ...routes,
  });
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

async function fillBasics() {
  fireEvent.change(await screen.findByLabelText("Art der Veranstaltung"), { target: { value: "training" } });
  type("Titel", "Schulung: Datenschutz im Ehrenamt");
  type("Beschreibung", "Was dürfen Ehrenamtliche **speichern**?");
  type("Zusammenfassung in einfacher Sprache (freiwillig)", "Ein Kurs über Daten. Was darf ich aufschreiben?");
  type("Themen", "Datenschutz, DSGVO ,");
  type("Referentinnen und Referenten", "Jana Kühn\n\nOmar Said");
  type("Veranstalter", "DRK Kreisverband");
  type("Beginn", "2030-12-04T18:00");
  type("Ende", "2030-12-04T20:30");
  type("Adresse", "Bahnhofstraße 12, 12345 Musterstadt");
  type("Plätze", "20");
}

describe("event editor", () => {
  it("creates an event with Berlin wall-clock times, lists split up, and the registration questions", async () => {
    const calls = editorApi({ "POST /api/events": () => json(201, { event: eventView() }) });
    const { history } = renderApp("/events/new");
    await fillBasics();
    fireEvent.click(screen.getByRole("button", { name: "Frage hinzufügen" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Frage 1"));
    type("Frage 1", "Welches Essen?");
    fireEvent.change(screen.getByLabelText("Antwort"), { target: { value: "choice" } });
    type("Antwortmöglichkeiten", "vegetarisch\n vegan \n");
    fireEvent.click(screen.getByLabelText("Muss beantwortet werden"));
    fireEvent.click(screen.getByLabelText(/^Veröffentlicht/));
    fireEvent.click(screen.getByRole("button", { name: "Veranstaltung anlegen" }));

    await waitFor(() => expect(history.get()).toBe(`/events/${EVENT_ID}`));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      kind: "training",
      title: "Schulung: Datenschutz im Ehrenamt",
      description: "Was dürfen Ehrenamtliche **speichern**?",
      plainSummary: "Ein Kurs über Daten. Was darf ich aufschreiben?",
      topics: ["Datenschutz", "DSGVO"],
      speakers: ["Jana Kühn", "Omar Said"],
      organiser: "DRK Kreisverband",
      startsAt: "2030-12-04T18:00",
      endsAt: "2030-12-04T20:30",
      registrationDeadline: null,
      address: "Bahnhofstraße 12, 12345 Musterstadt",
      onlineUrl: null,
      capacity: 20,
      visibility: "public",
      status: "published",
      inviteeIds: [],
      questions: [{ label: "Welches Essen?", kind: "choice", options: ["vegetarisch", "vegan"], required: true }],
    });
    expect(await screen.findByText("Die Veranstaltung ist angelegt.")).toBeTruthy();
  });

  it("checks the input with the API's schema before sending, marking and focusing the first bad field", async () => {
    const calls = editorApi();
    renderApp("/events/new");
    fireEvent.click(await screen.findByRole("button", { name: "Veranstaltung anlegen" }));
    expect(await alertText()).toBe("Bitte prüfen Sie die markierten Angaben.");
    const title = screen.getByLabelText("Titel");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(title);
    expect(screen.getByLabelText("Beginn").getAttribute("aria-invalid")).toBe("true");
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("asks for at least two options of a choice question before sending", async () => {
    const calls = editorApi();
    renderApp("/events/new");
    await fillBasics();
    fireEvent.click(screen.getByRole("button", { name: "Frage hinzufügen" }));
    type("Frage 1", "Welches Essen?");
    fireEvent.change(screen.getByLabelText("Antwort"), { target: { value: "choice" } });
    type("Antwortmöglichkeiten", "nur eine");
    fireEvent.click(screen.getByRole("button", { name: "Veranstaltung anlegen" }));
    expect(await screen.findByText("Bitte mindestens zwei Antwortmöglichkeiten, eine pro Zeile.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("shows the API's field errors at the matching fields, also for list entries", async () => {
    editorApi({
      "POST /api/events": () => apiError(400, "invalid_input", "Invalid input.", { endsAt: "ends_before_start", "topics.1": "too_long" }),
    });
    renderApp("/events/new");
    await fillBasics();
    fireEvent.click(screen.getByRole("button", { name: "Veranstaltung anlegen" }));
    expect(await screen.findByText("Das Ende muss nach dem Beginn liegen.")).toBeTruthy();
    expect(screen.getByLabelText("Ende").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Das ist zu lang.")).toBeTruthy();
    expect(screen.getByLabelText("Themen").getAttribute("aria-invalid")).toBe("true");
    expect(await alertText()).toBe("Bitte prüfen Sie die markierten Angaben.");
  });

  it("creates a series: every second month on the first Wednesday", async () => {
    const calls = editorApi({
      "POST /api/events/series": () => json(201, { events: [eventView(), eventView({ eventId: "evt_01jd0000000000000000000002" })] }),
    });
    const { history } = renderApp("/events/new");
    await fillBasics();
    fireEvent.click(screen.getByLabelText("Regelmäßiger Termin (Reihe anlegen)"));
    fireEvent.click(screen.getByLabelText("Monatlich"));
    type("Alle wie viele Monate?", "2");
    fireEvent.click(screen.getByLabelText("Am ersten Mittwoch im Monat"));
    type("Anzahl der Termine", "6");
    fireEvent.click(screen.getByRole("button", { name: "Veranstaltung anlegen" }));
    await waitFor(() => expect(history.get()).toBe(`/events/${EVENT_ID}`));
    const body = calls.find((c) => c.path === "/api/events/series")?.body;
    expect(body).toMatchObject({ event: { startsAt: "2030-12-04T18:00", endsAt: "2030-12-04T20:30" }, repeat: { frequency: "monthly", interval: 2, weekdayOfMonth: 1, count: 6 } });
    expect(await screen.findByText("2 Termine sind angelegt.")).toBeTruthy();
  });

  it("asks whether an edit of a series date applies to this one only or to all following, and saves with that scope", async () => {
    const input = {
      kind: "exchange_meeting",
      title: "Austauschtreffen",
      description: "",
      plainSummary: "",
      topics: ["Trauma"],
      speakers: [],
      organiser: "DRK Kreisverband",
      startsAt: "2030-12-04T18:00",
      endsAt: "2030-12-04T20:00",
      address: "Bahnhofstraße 12",
      onlineUrl: null,
      capacity: 30,
      registrationDeadline: null,
      visibility: "members",
      status: "published",
      inviteeIds: [],
      questions: [{ id: "qkids", label: "Kinderbetreuung?", kind: "yes_no", options: [], required: true }],
    };
    const calls = editorApi({
      [`GET /api/events/${EVENT_ID}/edit`]: () => json(200, { input, status: "published", seriesId: "ser_01jd0000000000000000000009" }),
      [`PUT /api/events/${EVENT_ID}`]: () => json(200, { events: [eventView(), eventView(), eventView()] }),
    });
    const { history } = renderApp(`/events/${EVENT_ID}/edit`);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>("Titel").value).toBe("Austauschtreffen"));
    type("Beginn", "2030-12-04T18:30");
    fireEvent.click(screen.getByRole("button", { name: "Änderungen speichern" }));

    const prompt = await screen.findByRole("group", { name: /Wofür sollen die Änderungen gelten/ });
    expect(document.activeElement).toBe(within(prompt).getByRole("button", { name: "Nur für diesen Termin" }));
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
    fireEvent.click(within(prompt).getByRole("button", { name: "Für diesen und alle folgenden Termine" }));

    await waitFor(() => expect(history.get()).toBe(`/events/${EVENT_ID}`));
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.query.get("scope")).toBe("series");
    expect(put?.body).toEqual({ ...input, startsAt: "2030-12-04T18:30", questions: [{ id: "qkids", label: "Kinderbetreuung?", kind: "yes_no", required: true }] });
    expect(await screen.findByText("Die Änderungen sind für 3 Termine gespeichert.")).toBeTruthy();
  });

  it("invites members found by name for an invited-only event", async () => {
    const amira = { userId: "usr_01jd00000000000000000000a1", name: "Amira Haddad", email: "amira@example.org", role: "volunteer", status: "approved", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-01T09:00:00.000Z", mayWriteNews: false };
    const calls = editorApi({
      "GET /api/members": () => json(200, { members: [amira], cursor: null }),
      "POST /api/events": () => json(201, { event: eventView() }),
    });
    renderApp("/events/new");
    await fillBasics();
    fireEvent.click(screen.getByLabelText(/^Eingeladene/));
    fireEvent.input(screen.getByLabelText("Mitglied einladen"), { target: { value: "ami" } });
    fireEvent.click(await screen.findByRole("button", { name: "Einladen: Amira Haddad" }));
    expect(screen.getByText("Eingeladen: 1")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/members")?.query.get("status")).toBe("approved");
    fireEvent.click(screen.getByRole("button", { name: "Veranstaltung anlegen" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({ visibility: "invited", inviteeIds: [amira.userId] });
  });

  it("turns volunteers away", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account() }) });
    renderApp("/events/new");
    expect(await alertText()).toBe("Diese Seite ist der Koordination vorbehalten.");
  });
});
