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
      { service: "Lambda", usd: 0.18, detail: "240000 invocations" },
      { service: "DynamoDB", usd: 0.13, detail: "read units" },
      { service: "SES", usd: 0.46, detail: "4600 e-mails" },
      { service: "CloudFront/S3", usd: 0.41, detail: "visits" },
      { service: "API", usd: 0, detail: "function URL" },
      { service: "Logs", usd: 0.04, detail: "MB" },
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
  });

  it("tells coordinators the page is for admins and asks the server nothing", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator" }) }) });
    renderApp("/admin/usage");
    expect(await screen.findByText("Diese Seite ist den Administratorinnen und Administratoren vorbehalten.")).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/usage")).toBe(false);
  });
});
