import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi, type ApiCall } from "./harness";
import { EVENT_ID, eventView, participant } from "./events-fixtures";

// The pages load lazily; compiling them on first use can outlast findBy*'s wait on a busy machine.
beforeAll(async () => {
  await import("../src/pages/events/Participants");
  await import("../src/pages/events/CheckIn");
});

const coordinator = account({ role: "coordinator", twoFactorEnabled: true });
const childcare = { id: "qkids", label: "Brauchen Sie Kinderbetreuung?", kind: "yes_no" as const, options: [], required: true };
const amira = participant("Amira Haddad", { answers: { qkids: "yes" } });
const guest = participant("Jörg Müller", { participantKey: "guest#joerg@example.org", email: "joerg@example.org", isGuest: true });
const waiting = participant("Lena Schäfer", { status: "waitlisted", waitlistPosition: 1 });
const base = `/api/events/${EVENT_ID}`;

function participantsApi(list: unknown[], routes: Record<string, (call: ApiCall) => Response> = {}) {
  return stubApi({
    "GET /api/auth/session": () => json(200, { account: coordinator }),
    [`GET ${base}/participants`]: () => json(200, { event: eventView({ questions: [childcare] }), participants: list }),
    ...routes,
  });
}

describe("participant list", () => {
  it("lists confirmed, waitlist and answers, and links the CSV export", async () => {
    participantsApi([amira, guest, waiting]);
    renderApp(`/events/${EVENT_ID}/participants`);
    expect(await screen.findByRole("heading", { name: "Bestätigt (2)" })).toBeTruthy();
    const waitlist = screen.getByRole("heading", { name: "Warteliste (1)" }).closest("section")!;
    expect(within(waitlist).getByText("Lena Schäfer")).toBeTruthy();
    expect(within(waitlist).getByText("Platz 1")).toBeTruthy();
    const row = screen.getByText("Amira Haddad").closest("li")!;
    expect(within(row).getByText("Brauchen Sie Kinderbetreuung?")).toBeTruthy();
    expect(within(row).getByText("Ja")).toBeTruthy();
    expect(within(screen.getByText("Jörg Müller").closest("li")!).getByText("Gast")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Liste herunterladen (CSV für Excel)" }).getAttribute("href")).toBe(`${base}/participants.csv`);
  });

  it("removes a guest after asking, with the # in their key encoded in the path", async () => {
    let removed = false;
    const calls = participantsApi([amira, guest], {
      [`POST ${base}/participants/guest%23joerg%40example.org/remove`]: () => {
        removed = true;
        return json(200, { status: "cancelled" });
      },
    });
    renderApp(`/events/${EVENT_ID}/participants`);
    const row = (await screen.findByText("Jörg Müller")).closest("li")!;
    fireEvent.click(within(row).getByRole("button", { name: "Austragen" }));
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    fireEvent.click(within(row).getByRole("button", { name: "Ja, austragen" }));
    expect(await screen.findByText("Jörg Müller ist ausgetragen.")).toBeTruthy();
    expect(removed).toBe(true);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({});
  });

  it("adds a person without an account by name and e-mail", async () => {
    const calls = participantsApi([amira], { [`POST ${base}/participants`]: () => json(201, { outcome: "waitlisted" }) });
    renderApp(`/events/${EVENT_ID}/participants`);
    const card = (await screen.findByRole("heading", { name: "Person eintragen" })).closest("section")!;
    fireEvent.input(within(card).getByLabelText("Name"), { target: { value: "Hülya Demir" } });
    fireEvent.input(within(card).getByLabelText("E-Mail-Adresse"), { target: { value: "huelya@example.org" } });
    fireEvent.click(within(card).getByRole("button", { name: "Eintragen" }));
    expect(await screen.findByText("Hülya Demir ist auf der Warteliste eingetragen.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Hülya Demir", email: "huelya@example.org" });
  });

  it("messages everyone with a seat, and the waitlist if asked", async () => {
    const calls = participantsApi([amira, waiting], { [`POST ${base}/messages`]: () => json(200, { sent: 2 }) });
    renderApp(`/events/${EVENT_ID}/participants`);
    fireEvent.input(await screen.findByLabelText("Betreff"), { target: { value: "Raumänderung" } });
    fireEvent.input(screen.getByLabelText("Nachricht"), { target: { value: "Wir treffen uns im Saal 2." } });
    fireEvent.click(screen.getByLabelText("Auch an die Warteliste schicken"));
    fireEvent.click(screen.getByRole("button", { name: "Nachricht senden" }));
    expect(await screen.findByText("Die Nachricht ist an 2 Personen verschickt.")).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith("/messages"))?.body).toEqual({ subject: "Raumänderung", body: "Wir treffen uns im Saal 2.", includeWaitlist: true });
  });

  it("tells staff without two-factor sign-in to set it up first", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator", twoFactorSetupRequired: true }) }) });
    renderApp(`/events/${EVENT_ID}/participants`);
    expect(await screen.findByRole("heading", { name: "Bitte richten Sie die Zwei-Faktor-Anmeldung ein" })).toBeTruthy();
    expect(calls.some((c) => c.path.includes("/participants"))).toBe(false);
  });
});

describe("check-in", () => {
  it("marks people present with one tap, and a second tap clears it again", async () => {
    const calls = participantsApi([amira, guest, waiting], {
      [`PUT ${base}/participants/${amira.participantKey}/attendance`]: (call) => {
        const body = call.body;
        const attendance = typeof body === "object" && body && "attendance" in body ? body.attendance : null;
        return json(200, { participant: { ...amira, attendance } });
      },
    });
    renderApp(`/events/${EVENT_ID}/check-in`);
    expect(await screen.findByText("0 von 2 da")).toBeTruthy();
    expect(screen.queryByText("Lena Schäfer")).toBeNull();
    const row = within(screen.getByRole("group", { name: "Amira Haddad" }));
    const here = row.getByRole("button", { name: "Da" });
    expect(here.getAttribute("aria-pressed")).toBe("false");

    fireEvent.click(here);
    await waitFor(() => expect(here.getAttribute("aria-pressed")).toBe("true"));
    expect(screen.getByText("1 von 2 da")).toBeTruthy();

    fireEvent.click(here);
    await waitFor(() => expect(here.getAttribute("aria-pressed")).toBe("false"));
    expect(calls.filter((c) => c.method === "PUT").map((c) => c.body)).toEqual([{ attendance: "attended" }, { attendance: null }]);
  });

  it("encodes a guest's key in the attendance path and shows a refusal at the person", async () => {
    const calls = participantsApi([guest], {
      [`PUT ${base}/participants/guest%23joerg%40example.org/attendance`]: () => apiError(409, "not_confirmed", "Only confirmed participants can be checked in."),
    });
    renderApp(`/events/${EVENT_ID}/check-in`);
    fireEvent.click(await screen.findByRole("button", { name: "Nicht da" }));
    expect(await alertText()).toBe("Einchecken lassen sich nur Personen mit Platz.");
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ attendance: "no_show" });
  });

  it("finds a name in a long list", async () => {
    participantsApi([amira, guest]);
    renderApp(`/events/${EVENT_ID}/check-in`);
    fireEvent.input(await screen.findByLabelText("Name suchen"), { target: { value: "jör" } });
    expect(screen.getByText("Jörg Müller")).toBeTruthy();
    expect(screen.queryByText("Amira Haddad")).toBeNull();
  });
});
