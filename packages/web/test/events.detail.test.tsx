import { fireEvent, screen, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi } from "./harness";
import { EVENT_ID, eventView } from "./events-fixtures";

// The pages load lazily; compiling them on first use can outlast findBy*'s wait on a busy machine.
beforeAll(async () => {
  await import("../src/pages/events/EventDetail");
});

const TOKEN = "c".repeat(43);
const childcare = { id: "qkids", label: "Brauchen Sie Kinderbetreuung?", kind: "yes_no" as const, options: [], required: true };
const diet = { id: "qfood", label: "Essen", kind: "choice" as const, options: ["vegetarisch", "vegan"], required: false };
const eventPath = `/api/events/${EVENT_ID}`;

describe("event page", () => {
  it("shows the details, the sanitised description as HTML, and a calendar file link", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView() }),
    });
    renderApp(`/events/${EVENT_ID}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Austauschtreffen: Trauma und Traumafolgen" })).toBeTruthy();
    expect(screen.getByText("Mi., 4. Dez. 2030, 18:00–20:00 Uhr")).toBeTruthy();
    expect(screen.getByText("7 von 20 Plätzen frei")).toBeTruthy();
    expect(screen.getByText("Dipl.-Psych. Miriam Albers")).toBeTruthy();
    expect(screen.getByText("Fachvortrag", { selector: "strong" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "In meinen Kalender eintragen" }).getAttribute("href")).toBe(`${eventPath}/event.ics`);
  });

  it("registers a member with their answers and switches to the confirmed state with the online link", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView({ questions: [childcare, diet], isOnline: true }) }),
      [`POST ${eventPath}/registration`]: () =>
        json(201, {
          outcome: "confirmed",
          event: eventView({ questions: [childcare, diet], isOnline: true, onlineUrl: "https://meet.example.org/trauma", placesLeft: 6, myRegistration: { status: "confirmed", waitlistPosition: null, attendance: null } }),
        }),
    });
    renderApp(`/events/${EVENT_ID}`);
    expect(await screen.findByText("Online – den Zugangslink sehen Sie hier, sobald Sie einen Platz haben.")).toBeTruthy();
    const kids = await screen.findByRole("group", { name: "Brauchen Sie Kinderbetreuung?" });
    fireEvent.click(within(kids).getByLabelText("Ja"));
    fireEvent.click(screen.getByLabelText("vegan"));
    fireEvent.click(screen.getByRole("button", { name: "Verbindlich anmelden" }));

    const status = await screen.findByText(/^Sie sind angemeldet\./);
    expect(document.activeElement).toBe(status);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ answers: { qkids: "yes", qfood: "vegan" } });
    expect(screen.queryByRole("button", { name: "Verbindlich anmelden" })).toBeNull();
    expect(screen.getByRole("link", { name: "Zum Online-Raum" }).getAttribute("href")).toBe("https://meet.example.org/trauma");
    expect(screen.getByText("6 von 20 Plätzen frei")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Von der Veranstaltung abmelden" })).toBeTruthy();
  });

  it("puts a member on the waitlist of a full event and shows their place", async () => {
    const full = { capacity: 12, confirmedCount: 12, placesLeft: 0, waitlistCount: 2 };
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView(full) }),
      [`POST ${eventPath}/registration`]: () =>
        json(201, { outcome: "waitlisted", event: eventView({ ...full, waitlistCount: 3, myRegistration: { status: "waitlisted", waitlistPosition: 3, attendance: null } }) }),
    });
    renderApp(`/events/${EVENT_ID}`);
    expect(await screen.findByText("ausgebucht – Warteliste: 2")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Auf die Warteliste setzen" }));
    expect(await screen.findByText("Sie stehen auf der Warteliste – Platz 3.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Von der Warteliste abmelden" })).toBeTruthy();
  });

  it("shows a missing answer at its question", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView({ questions: [childcare] }) }),
      [`POST ${eventPath}/registration`]: () => apiError(400, "invalid_answers", "Some answers are missing.", { "answers.qkids": "required" }),
    });
    renderApp(`/events/${EVENT_ID}`);
    fireEvent.click(await screen.findByRole("button", { name: "Verbindlich anmelden" }));
    expect(await alertText()).toBe("Bitte prüfen Sie die markierten Angaben.");
    const kids = screen.getByRole("group", { name: "Brauchen Sie Kinderbetreuung?" });
    expect(within(kids).getByText("Bitte ausfüllen.")).toBeTruthy();
    expect(within(kids).getByLabelText("Ja").getAttribute("aria-invalid")).toBe("true");
  });

  it("says why registering failed when the deadline passed meanwhile, and shows the event as it is now", async () => {
    let closed = false;
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView(closed ? { registrationOpen: false, registrationDeadline: "2020-01-01T10:00:00.000Z" } : {}) }),
      [`POST ${eventPath}/registration`]: () => {
        closed = true;
        return apiError(409, "registration_closed", "Registration is closed (deadline_passed).", { reason: "deadline_passed" });
      },
    });
    renderApp(`/events/${EVENT_ID}`);
    fireEvent.click(await screen.findByRole("button", { name: "Verbindlich anmelden" }));
    expect(await screen.findByText("Die Anmeldefrist ist abgelaufen.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Verbindlich anmelden" })).toBeNull();
  });

  it("cancels a member's registration only after asking", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView({ myRegistration: { status: "confirmed", waitlistPosition: null, attendance: null } }) }),
      [`POST ${eventPath}/registration/cancel`]: () => json(200, { event: eventView() }),
    });
    renderApp(`/events/${EVENT_ID}`);
    fireEvent.click(await screen.findByRole("button", { name: "Von der Veranstaltung abmelden" }));
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Ja, abmelden" }));
    expect(await screen.findByText("Sie sind abgemeldet.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({});
    expect(screen.getByRole("button", { name: "Verbindlich anmelden" })).toBeTruthy();
  });
});

describe("guests", () => {
  it("register for a public event with name, e-mail and answers, in the language they read, then check their e-mail", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView({ questions: [childcare] }) }),
      [`POST ${eventPath}/guest-registration`]: () => json(202, { status: "check_email" }),
    });
    renderApp(`/events/${EVENT_ID}`);
    fireEvent.input(await screen.findByLabelText("Name"), { target: { value: "Jörg Müller" } });
    fireEvent.input(screen.getByLabelText("E-Mail-Adresse"), { target: { value: "joerg@example.org" } });
    fireEvent.click(screen.getByLabelText("Nein"));
    fireEvent.click(screen.getByRole("button", { name: "Anmeldung absenden" }));
    const sent = await screen.findByText(/Bitte öffnen Sie den Link in der E-Mail, die wir an joerg@example.org geschickt haben/);
    expect(document.activeElement).toBe(sent);
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ name: "Jörg Müller", email: "joerg@example.org", answers: { qkids: "no" }, locale: "de" });
    expect(screen.getByRole("link", { name: "Mit meinem Konto anmelden" }).getAttribute("href")).toBe(`/signin?next=%2Fevents%2F${EVENT_ID}`);
  });

  it("confirm by the e-mailed link: the page redeems the token once, drops it from the address and shows the seat", async () => {
    let confirmed = false;
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView(confirmed ? { confirmedCount: 14, placesLeft: 6 } : {}) }),
      "POST /api/registrations/confirm": () => {
        confirmed = true;
        return json(200, { eventId: EVENT_ID, outcome: "confirmed" });
      },
    });
    const { history } = renderApp(`/events/${EVENT_ID}?confirm=${TOKEN}`);
    expect(await screen.findByText(/Ihre Anmeldung ist bestätigt\. Alle Angaben/)).toBeTruthy();
    expect(calls.filter((c) => c.path === "/api/registrations/confirm").map((c) => c.body)).toEqual([{ token: TOKEN }]);
    expect(history.get()).toBe(`/events/${EVENT_ID}`);
    expect(await screen.findByText("6 von 20 Plätzen frei")).toBeTruthy();
    expect(screen.queryByLabelText("E-Mail-Adresse")).toBeNull();
  });

  it("confirm onto the waitlist when the event filled up meanwhile", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView({ placesLeft: 0, confirmedCount: 20, waitlistCount: 1 }) }),
      "POST /api/registrations/confirm": () => json(200, { eventId: EVENT_ID, outcome: "waitlisted" }),
    });
    renderApp(`/events/${EVENT_ID}?confirm=${TOKEN}`);
    expect(await screen.findByText(/Sie stehen auf der Warteliste/)).toBeTruthy();
  });

  it("learn how to get a new link when theirs has expired, and can register again", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView() }),
      "POST /api/registrations/confirm": () => apiError(400, "invalid_token", "This link is invalid or has expired."),
    });
    renderApp(`/events/${EVENT_ID}?confirm=${TOKEN}`);
    expect(await alertText()).toMatch(/Bestätigungslink ist ungültig oder abgelaufen\. Melden Sie sich einfach noch einmal an/);
    expect(screen.getByLabelText("E-Mail-Adresse")).toBeTruthy();
  });

  it("see members-only events as not found, with a hint to sign in", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      [`GET ${eventPath}`]: () => apiError(404, "event_not_found", "No such event."),
    });
    renderApp(`/events/${EVENT_ID}`);
    expect(await screen.findByText(/Diese Veranstaltung gibt es nicht \(mehr\)/)).toBeTruthy();
    const signIn = screen.getAllByRole("link", { name: "Anmelden" }).map((a) => a.getAttribute("href"));
    expect(signIn).toContain(`/signin?next=%2Fevents%2F${EVENT_ID}`);
  });
});

describe("coordinators on the event page", () => {
  it("cancel an event only after being told everyone registered is e-mailed", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator" }) }),
      [`GET ${eventPath}`]: () => json(200, { event: eventView({ waitlistCount: 2 }) }),
      [`POST ${eventPath}/cancel`]: () => json(200, { event: eventView({ status: "cancelled", registrationOpen: false }) }),
    });
    renderApp(`/events/${EVENT_ID}`);
    fireEvent.click(await screen.findByRole("button", { name: "Veranstaltung absagen" }));
    expect(screen.getByText(/Alle Angemeldeten und die Warteliste \(15 Personen\) bekommen eine E-Mail/)).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith("/cancel"))).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Ja, absagen" }));
    expect(await screen.findByText("Die Veranstaltung ist abgesagt.")).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith("/cancel"))?.body).toEqual({});
    expect(screen.getAllByText("Diese Veranstaltung wurde abgesagt.").length).toBeGreaterThan(0);
    expect(screen.getByRole("link", { name: "Teilnehmende (13 bestätigt)" }).getAttribute("href")).toBe(`/events/${EVENT_ID}/participants`);
  });
});
