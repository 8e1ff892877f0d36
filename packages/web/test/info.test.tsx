import { screen } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { apiError, json, renderApp, stubApi } from "./harness";

beforeAll(async () => {
  await Promise.all([import("../src/pages/Home"), import("../src/pages/info/Contact"), import("../src/pages/info/ContentPage")]);
});

const signedOut = { "GET /api/auth/session": () => json(200, { account: null }) };
const anna = { contactId: "con_1", position: 0, name: "Anna Koordinatorin", role: "", phone: "", email: "", address: "", officeHours: "" };
const imprint = {
  slug: "impressum",
  title: "Impressum",
  visibility: "public",
  position: 900,
  inMenu: false,
  body: "",
  html: "<p>Angaben gemäß § 5 DDG: Verein für Ehrenamt e. V.</p>",
  revision: 1,
  updatedAt: "2026-11-01T10:00:00.000Z",
  legal: true,
  mayEdit: false,
};

describe("information pages", () => {
  it("ask for the contact persons once, on the home page and on the contact page", async () => {
    const calls = stubApi({ ...signedOut, "GET /api/contacts": () => json(200, { contacts: [anna] }), "GET /api/contacts/plain-summary": () => json(200, { plainSummary: null }) });
    const home = renderApp("/");
    expect(await screen.findByRole("heading", { name: "Anna Koordinatorin" })).toBeTruthy();
    expect(calls.filter((call) => call.path === "/api/contacts")).toHaveLength(1);
    home.unmount();

    renderApp("/kontakt");
    expect(await screen.findByRole("heading", { name: "Anna Koordinatorin" })).toBeTruthy();
    expect(calls.filter((call) => call.path === "/api/contacts")).toHaveLength(2);
  });

  it("ask for a coordinator-edited page once", async () => {
    const calls = stubApi({ ...signedOut, "GET /api/pages/impressum": () => json(200, { page: imprint }) });
    renderApp("/impressum");
    expect(await screen.findByText(/Verein für Ehrenamt e\. V\./)).toBeTruthy();
    expect(calls.filter((call) => call.path === "/api/pages/impressum")).toHaveLength(1);
  });
});

describe("the home page", () => {
  it("invites guests to join below the contact box, once that box has come, so the invitation does not jump down", async () => {
    let answer: (res: Response) => void = () => undefined;
    stubApi({ ...signedOut, "GET /api/contacts": () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Willkommen bei Vernetzt" })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Anmelden" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Mitmachen" })).toBeNull();

    answer(json(200, { contacts: [anna] }));
    const invitation = await screen.findByRole("heading", { name: "Mitmachen" });
    const box = screen.getByRole("heading", { name: "Ihre Ansprechperson" });
    expect(box.compareDocumentPosition(invitation) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("still invites guests when the contact persons cannot be loaded", async () => {
    stubApi({ ...signedOut, "GET /api/contacts": () => apiError(500, "internal", "Internal error.") });
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Mitmachen" })).toBeTruthy();
  });
});
