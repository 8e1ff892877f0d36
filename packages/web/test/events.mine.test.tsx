import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi, type ApiCall } from "./harness";
import { EVENT_ID, eventView, myEvent } from "./events-fixtures";

// The pages load lazily; compiling them on first use can outlast findBy*'s wait on a busy machine.
beforeAll(async () => {
  await import("../src/pages/events/MyEvents");
  await import("../src/pages/events/CancelRegistration");
  await import("../src/pages/events/Certificate");
});

const TOKEN = "k".repeat(43);

describe("my events", () => {
  it("lists upcoming registrations with their status", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/me/events": () => json(200, { events: [myEvent(), myEvent({ event: eventView({ eventId: "evt_01jd0000000000000000000002", title: "Fortbildung: Deeskalation" }), status: "waitlisted" })] }),
    });
    renderApp("/me/events");
    const confirmed = (await screen.findByRole("link", { name: "Austauschtreffen: Trauma und Traumafolgen" })).closest("li")!;
    expect(within(confirmed).getByText("Angemeldet")).toBeTruthy();
    expect(within(screen.getByRole("link", { name: "Fortbildung: Deeskalation" }).closest("li")!).getByText("Warteliste")).toBeTruthy();
    expect(calls.find((c) => c.path === "/api/me/events")?.query.get("when")).toBe("upcoming");
  });

  it("shows attendance and a certificate download for past events", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/me/events": (call: ApiCall) =>
        json(200, {
          events:
            call.query.get("when") === "past"
              ? [myEvent({ attendance: "attended", certificateAvailable: true }), myEvent({ event: eventView({ eventId: "evt_01jd0000000000000000000002", title: "Podium" }), attendance: "no_show" })]
              : [],
        }),
    });
    renderApp("/me/events?when=past");
    const attended = (await screen.findByRole("link", { name: "Austauschtreffen: Trauma und Traumafolgen" })).closest("li")!;
    expect(within(attended).getByText("Teilgenommen")).toBeTruthy();
    expect(within(attended).getByRole("link", { name: "Teilnahmebescheinigung herunterladen (PDF)" }).getAttribute("href")).toBe(`/api/events/${EVENT_ID}/certificate.pdf`);
    const missed = screen.getByRole("link", { name: "Podium" }).closest("li")!;
    expect(within(missed).getByText("Nicht erschienen")).toBeTruthy();
    expect(within(missed).queryByRole("link", { name: /Teilnahmebescheinigung/ })).toBeNull();
  });

  it("creates a personal calendar feed address and copies it", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const url = `http://localhost:3000/api/calendar/member/${TOKEN}.ics`;
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/me/events": () => json(200, { events: [] }),
      "POST /api/me/calendar-feed": () => json(200, { url }),
    });
    renderApp("/me/events");
    fireEvent.click(await screen.findByRole("button", { name: "Kalender-Adresse erstellen" }));
    const field = await screen.findByLabelText<HTMLInputElement>("Ihre Kalender-Adresse");
    expect(field.value).toBe(url);
    expect(calls.find((c) => c.path === "/api/me/calendar-feed")?.body).toEqual({});
    fireEvent.click(screen.getByRole("button", { name: "Kopieren" }));
    expect(await screen.findByText("Die Adresse ist in der Zwischenablage.")).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(url);
    expect(screen.getByRole("button", { name: "Neue Adresse erstellen" })).toBeTruthy();
  });

  it("tells members waiting for approval that their registrations appear later", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account({ status: "pending" }) }) });
    renderApp("/me/events");
    expect(await screen.findByText(/Sobald Ihre Mitgliedschaft freigeschaltet ist/)).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/me/events")).toBe(false);
  });
});

describe("cancellation link from an e-mail", () => {
  function cancelApi(status = "confirmed") {
    return stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/registrations/cancel": () =>
        json(200, { eventId: EVENT_ID, title: "Austauschtreffen: Trauma", startsAt: "2030-12-04T17:00:00.000Z", endsAt: "2030-12-04T19:00:00.000Z", name: "Jörg Müller", status }),
      "POST /api/registrations/cancel": () => json(200, { eventId: EVENT_ID, title: "Austauschtreffen: Trauma" }),
    });
  }

  it("shows what it would cancel and cancels only when asked to, without signing in", async () => {
    const calls = cancelApi();
    renderApp(`/registrations/cancel?token=${TOKEN}`);
    expect(await screen.findByText("Jörg Müller")).toBeTruthy();
    expect(screen.getByText("Mi., 4. Dez. 2030, 18:00–20:00 Uhr")).toBeTruthy();
    expect(calls.find((c) => c.method === "GET" && c.path === "/api/registrations/cancel")?.query.get("token")).toBe(TOKEN);
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Ja, abmelden" }));
    expect(await screen.findByText(/Sie sind abgemeldet\. Danke/)).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ token: TOKEN });
  });

  it("says so when the registration is already cancelled", async () => {
    cancelApi("cancelled");
    renderApp(`/registrations/cancel?token=${TOKEN}`);
    expect(await screen.findByText("Diese Anmeldung ist bereits storniert.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ja, abmelden" })).toBeNull();
  });

  it("explains an expired link", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/registrations/cancel": () => apiError(400, "invalid_token", "This link is invalid or has expired."),
    });
    renderApp(`/registrations/cancel?token=${TOKEN}`);
    expect(await alertText()).toMatch(/ungültig oder abgelaufen/);
  });
});

describe("certificate check", () => {
  it("confirms a genuine certificate by its code", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/certificates/ABCD-EFGH-JKLM": () =>
        json(200, {
          certificate: {
            code: "ABCD-EFGH-JKLM",
            name: "Fatma Yılmaz",
            eventTitle: "Schulung: Datenschutz",
            eventKind: "training",
            organiser: "Caritasverband",
            topics: ["Datenschutz"],
            startsAt: "2030-12-04T17:00:00.000Z",
            endsAt: "2030-12-04T19:00:00.000Z",
            issuedAt: "2030-12-05T08:00:00.000Z",
          },
        }),
    });
    renderApp("/certificates/ABCD-EFGH-JKLM");
    expect(await screen.findByRole("heading", { name: "Diese Bescheinigung ist echt." })).toBeTruthy();
    expect(screen.getByText("Fatma Yılmaz")).toBeTruthy();
    expect(screen.getByText("Schulung: Datenschutz (Schulung)")).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/certificates/ABCD-EFGH-JKLM")).toBe(true);
  });

  it("says when no certificate has the code, and checks another one typed in", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/certificates/ZZZZ-ZZZZ-ZZZZ": () => apiError(404, "certificate_not_found", "No certificate with this code."),
    });
    const { history } = renderApp("/certificates");
    fireEvent.input(await screen.findByLabelText("Code der Bescheinigung"), { target: { value: "zzzz-zzzz-zzzz" } });
    fireEvent.click(screen.getByRole("button", { name: "Prüfen" }));
    await waitFor(() => expect(history.get()).toBe("/certificates/ZZZZ-ZZZZ-ZZZZ"));
    expect(await alertText()).toMatch(/Zu diesem Code gibt es keine Bescheinigung/);
  });
});
