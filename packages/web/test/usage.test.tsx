import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, json, renderApp, stubApi } from "./harness";

const report = {
  month: "2026-11",
  apiRequests: 12345,
  emailsSent: 4321,
  activeMembers: 187,
  storedBytes: 5 * 1024 ** 2,
  storedItems: 20000,
  visits: 300,
  storedBytesSource: "describeTable",
  cost: {
    lines: [
      { service: "Lambda", usd: 0.18, detail: "240000 invocations, 3929 GB-s", basis: { invocations: 240000, gbSeconds: 3929 } },
      { service: "DynamoDB", usd: 0.13, detail: "read units", basis: { readUnits: 480000, writeUnits: 52000, storedMb: 5 } },
      { service: "SES", usd: 0.46, detail: "4600 e-mails", basis: { emails: 4600 } },
      { service: "CloudFront/S3", usd: 0.41, detail: "visits", basis: { visits: 6000, requests: 250000, gbOut: 1.25 } },
      { service: "API", usd: 0, detail: "function URL", basis: {} },
      { service: "Logs", usd: 0.04, detail: "MB", basis: { mbIngested: 120 } },
    ],
    totalUsd: 1.22,
    pricesRecordedOn: "2026-11-22",
  },
};

describe("usage page", () => {
  it("shows an admin this month's figures and the estimated bill in labelled tables", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account({ role: "admin" }) }), "GET /api/usage": () => json(200, report) });
    renderApp("/admin/usage");
    const figures = await screen.findByRole("table", { name: "Nutzung in diesem Monat" });
    expect(within(figures).getByRole("rowheader", { name: "Aktive Mitglieder" }).nextElementSibling?.textContent).toBe("187");
    expect(within(figures).getByRole("rowheader", { name: "Anfragen an die Plattform" }).nextElementSibling?.textContent).toBe("12.345");
    const cost = screen.getByRole("table", { name: "Geschätzte Kosten in diesem Monat" });
    expect(within(cost).getByRole("rowheader", { name: "Summe" }).nextElementSibling?.textContent).toBe("1,22");
    // What each line is based on, worded and numbered in German, not the cost script's English.
    expect(within(cost).getByRole("rowheader", { name: "Lambda" }).parentElement?.lastElementChild?.textContent).toBe("240.000 Aufrufe, 3.929 GB-Sekunden");
    expect(within(cost).getByRole("rowheader", { name: "CloudFront/S3" }).parentElement?.lastElementChild?.textContent).toBe("6.000 Besuche, 250.000 Anfragen, 1,25 GB ausgeliefert");
  });

  it("tells coordinators the page is for admins and asks the server nothing", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator" }) }) });
    renderApp("/admin/usage");
    expect(await screen.findByText("Diese Seite ist den Administratorinnen und Administratoren vorbehalten.")).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/usage")).toBe(false);
  });
});
