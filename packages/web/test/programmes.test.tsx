import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { account, apiError, json, renderApp, stubApi } from "./harness";
import type { BoardData, ParticipantView } from "../src/programmes/types";

beforeAll(async () => {
  await import("../src/pages/programmes/Programmes");
  await import("../src/pages/programmes/Board");
  await import("../src/pages/programmes/Participant");
  await import("../src/pages/programmes/ProgrammeEditor");
});

const PRG = "prg_01jd0000000000000000000001";
const PTP = "ptp_01jd0000000000000000000001";
const coordinator = account({ userId: "usr_01jd00000000000000000000c1", name: "Koordination", role: "coordinator" });

const milestones = [
  { milestoneId: "m01", title: "Bewerbung und Aufnahmegespräch", status: "done" as const, dueDate: "2026-10-01", doneDate: "2026-09-28", note: "" },
  { milestoneId: "m02", title: "Kursbeginn", status: "open" as const, dueDate: "2026-11-20", doneDate: null, note: "" },
];

function boardData(role: "coordinator" | "mentor"): BoardData {
  return {
    programme: { programmeId: PRG, name: "Qualifizierung Kindertagespflege 2027", description: "", courseStart: "2026-11-20", stages: [], coordinators: [], role },
    rows: [
      {
        participantId: PTP,
        name: "Hevin Demir",
        mentors: [{ userId: "usr_01jd0000000000000000000001", name: "Amira Haddad" }],
        lastContactAt: null,
        milestones,
        current: milestones[1]!,
        done: 1,
        attention: ["overdue", "no_contact"],
      },
    ],
    deadlines: [{ participantId: PTP, name: "Hevin Demir", milestoneId: "m02", title: "Kursbeginn", dueDate: "2026-11-20", overdue: true }],
  };
}

function participant(role: "coordinator" | "mentor"): ParticipantView {
  return {
    participantId: PTP,
    programmeId: PRG,
    programmeName: "Qualifizierung Kindertagespflege 2027",
    name: "Hevin Demir",
    email: "hevin@example.org",
    phone: "",
    languages: ["Kurmandschi", "Deutsch"],
    coordinator: { userId: coordinator.userId, name: "Koordination" },
    mentors: [{ userId: "usr_01jd0000000000000000000001", name: "Amira Haddad" }],
    consentDate: "2026-10-01",
    consentText: "Ich willige ein.",
    notes: "",
    lastContactAt: null,
    revision: 0,
    milestones,
    contacts: [],
    role,
  };
}

describe("programme board", () => {
  it("shows a mentor where their participant stands and why she needs attention, in words, without coordinator tools", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/programmes": () => json(200, { programmes: [{ programmeId: PRG, name: "Qualifizierung Kindertagespflege 2027", courseStart: "2026-11-20", role: "mentor" }] }),
      [`GET /api/programmes/${PRG}/board`]: () => json(200, boardData("mentor")),
    });
    renderApp(`/programmes/${PRG}`);
    await screen.findByRole("heading", { level: 1, name: "Qualifizierung Kindertagespflege 2027" });
    const attention = screen.getByRole("region", { name: "Braucht Aufmerksamkeit" });
    expect(attention.textContent).toContain("Frist überschritten, Seit 4 Wochen kein Kontakt");
    const deadlines = screen.getByRole("region", { name: "Anstehende Fristen" });
    expect(within(deadlines).getByText("überfällig")).toBeTruthy();
    const row = screen.getByRole("row", { name: /Hevin Demir/ });
    expect(within(row).getByText("1 von 2")).toBeTruthy();
    expect(within(row).getByText("Kursbeginn")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Teilnehmerin hinzufügen" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Programmprotokoll" })).toBeNull();
    // A volunteer who mentors someone gets the menu entry.
    expect(await screen.findByRole("link", { name: "Begleitung" })).toBeTruthy();
  });

  it("offers no menu entry to a volunteer who mentors no one", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/programmes": () => json(200, { programmes: [] }),
    });
    renderApp("/programmes");
    await screen.findByText("Sie koordinieren kein Programm und begleiten niemanden.");
    expect(screen.queryByRole("link", { name: "Begleitung" })).toBeNull();
  });
});

describe("participant record", () => {
  it("lets a mentor save a milestone and hides deletion and the log", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: account() }),
      "GET /api/programmes": () => json(200, { programmes: [] }),
      [`GET /api/programmes/participants/${PTP}`]: () => json(200, { participant: participant("mentor") }),
      [`PUT /api/programmes/participants/${PTP}/milestones/m02`]: () => json(200, { milestone: { ...milestones[1], status: "in_progress" } }),
    });
    renderApp(`/programmes/${PRG}/participants/${PTP}`);
    await screen.findByRole("heading", { level: 1, name: "Hevin Demir" });
    const form = screen.getByRole("form", { name: /^Kursbeginn/ });
    fireEvent.change(within(form).getByLabelText("Stand"), { target: { value: "in_progress" } });
    fireEvent.input(within(form).getByLabelText("Notiz"), { target: { value: "Kurs läuft" } });
    fireEvent.click(within(form).getByRole("button", { name: "Speichern" }));
    await screen.findByText("„Kursbeginn“ wurde gespeichert.");
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({ status: "in_progress", dueDate: "2026-11-20", doneDate: null, note: "Kurs läuft" });
    expect(screen.queryByRole("button", { name: "Teilnehmerin löschen" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Protokoll anzeigen" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Datenauskunft (JSON)" })).toBeNull();
  });

  it("asks a coordinator to confirm before deleting, then returns to the board", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: coordinator }),
      [`GET /api/programmes/participants/${PTP}`]: () => json(200, { participant: participant("coordinator") }),
      [`POST /api/programmes/participants/${PTP}/delete`]: () => json(200, { status: "deleted" }),
      [`GET /api/programmes/${PRG}/board`]: () => json(200, { ...boardData("coordinator"), rows: [], deadlines: [] }),
    });
    const { history } = renderApp(`/programmes/${PRG}/participants/${PTP}`);
    fireEvent.click(await screen.findByRole("button", { name: "Teilnehmerin löschen" }));
    expect(screen.getByRole("link", { name: "Datenauskunft (JSON)" }).getAttribute("href")).toBe(`/api/programmes/participants/${PTP}/export`);
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Ja, endgültig löschen" }));
    await screen.findByText("Die Teilnehmerin und alle ihre Daten wurden gelöscht.");
    await waitFor(() => expect(history.get()).toBe(`/programmes/${PRG}`));
  });
});

describe("programme editor", () => {
  it("offers the childminder template and marks the field the API complains about", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: coordinator }),
      "POST /api/programmes": () => apiError(400, "invalid_input", "Invalid input: stages.0.title (required).", { "stages.0.title": "required" }),
    });
    renderApp("/programmes/new");
    const first = await screen.findByLabelText<HTMLInputElement>("Station 1");
    expect(first.value).toBe("Bewerbung und Aufnahmegespräch");
    expect(screen.getByLabelText<HTMLInputElement>("Station 8").value).toBe("Start der Selbstständigkeit");
    fireEvent.input(screen.getByLabelText("Name des Programms"), { target: { value: "Qualifizierung 2027" } });
    fireEvent.click(screen.getByRole("button", { name: "Programm anlegen" }));
    await waitFor(() => expect(screen.getByLabelText("Station 1").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Bitte ausfüllen.")).toBeTruthy();
  });
});
