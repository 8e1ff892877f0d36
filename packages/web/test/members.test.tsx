import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, alertText, apiError, json, renderApp, stubApi, type ApiCall } from "./harness";

const admin = account({ userId: "usr_01jd00000000000000000000ad", name: "Koordination Vernetzt", role: "admin" });
const coordinator = account({ userId: "usr_01jd00000000000000000000c0", name: "Kim Koordination", role: "coordinator" });

function member(name: string, overrides: Record<string, unknown> = {}) {
  const slug = name.toLowerCase().replace(/[^a-z]/g, "").padEnd(26, "0").slice(0, 26);
  return {
    userId: `usr_${slug}`,
    name,
    email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
    role: "volunteer",
    status: "pending",
    emailVerified: true,
    twoFactorEnabled: false,
    createdAt: "2026-11-10T10:00:00.000Z",
    ...overrides,
  };
}

const fatma = member("Fatma Yilmaz");
const lena = member("Lena Schaefer", { emailVerified: false });

function listing(viewer: typeof admin, pages: Record<string, { members: unknown[]; cursor: string | null }>) {
  return stubApi({
    "GET /api/auth/session": () => json(200, { account: viewer }),
    "GET /api/members": (call: ApiCall) => json(200, pages[call.query.get("cursor") ?? ""] ?? { members: [], cursor: null }),
    [`POST /api/members/${fatma.userId}/block`]: () => json(200, { member: { ...fatma, status: "blocked" } }),
    [`POST /api/members/${fatma.userId}/approve`]: () => apiError(409, "changed_meanwhile", "This member was changed meanwhile."),
    [`POST /api/members/${fatma.userId}/role`]: (call) => json(200, { member: { ...fatma, ...(typeof call.body === "object" ? call.body : {}) } }),
  });
}

describe("member administration", () => {
  it("hides the role select from coordinators", async () => {
    listing(coordinator, { "": { members: [fatma, lena], cursor: null } });
    renderApp("/admin/members");
    expect(await screen.findByText("Fatma Yilmaz")).toBeTruthy();
    expect(screen.queryAllByLabelText("Rolle")).toHaveLength(0);
    expect(screen.getAllByRole("button", { name: "Freischalten" })).toHaveLength(2);
  });

  it("shows admins a role select for every member but themselves, and changes the role through the API", async () => {
    const calls = listing(admin, { "": { members: [fatma, member("Koordination Vernetzt", { userId: admin.userId, role: "admin", status: "approved" })], cursor: null } });
    renderApp("/admin/members?status=approved");
    expect(await screen.findByText("Fatma Yilmaz")).toBeTruthy();
    const selects = screen.getAllByLabelText("Rolle");
    expect(selects).toHaveLength(1);
    fireEvent.change(selects[0]!, { target: { value: "coordinator" } });
    expect(await screen.findByText("Fatma Yilmaz hat jetzt die Rolle „Koordination“.")).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith("/role"))?.body).toEqual({ role: "coordinator" });
  });

  it("asks before blocking, then blocks with a JSON request and removes the member from the list", async () => {
    const calls = listing(admin, { "": { members: [fatma, lena], cursor: null } });
    renderApp("/admin/members");
    const row = (await screen.findByText("Fatma Yilmaz")).closest("li")!;
    fireEvent.click(within(row).getByRole("button", { name: "Sperren" }));

    expect(within(row).getByText(/Fatma Yilmaz wirklich sperren\?/)).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith("/block"))).toBe(false);
    fireEvent.click(within(row).getByRole("button", { name: "Ja, sperren" }));

    expect(await screen.findByText("Fatma Yilmaz ist gesperrt.")).toBeTruthy();
    expect(screen.queryByText("Fatma Yilmaz")).toBeNull();
    const block = calls.find((c) => c.path.endsWith("/block"));
    expect(block?.method).toBe("POST");
    expect(block?.body).toEqual({});
    expect(block?.headers.get("content-type")).toBe("application/json");
  });

  it("shows the API's error at the member when an action fails", async () => {
    listing(admin, { "": { members: [fatma], cursor: null } });
    renderApp("/admin/members");
    const row = (await screen.findByText("Fatma Yilmaz")).closest("li")!;
    fireEvent.click(within(row).getByRole("button", { name: "Freischalten" }));
    expect(await alertText()).toBe("Das wurde inzwischen geändert. Bitte laden Sie die Seite neu.");
    expect(screen.getByText("Fatma Yilmaz")).toBeTruthy();
  });

  it("loads the next page with the cursor the API returned", async () => {
    const calls = listing(admin, {
      "": { members: [fatma], cursor: "page-2" },
      "page-2": { members: [lena], cursor: null },
    });
    renderApp("/admin/members");
    fireEvent.click(await screen.findByRole("button", { name: "Mehr laden" }));
    expect(await screen.findByText("Lena Schaefer")).toBeTruthy();
    expect(screen.getByText("Fatma Yilmaz")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Mehr laden" })).toBeNull();
    expect(calls.filter((c) => c.path === "/api/members").map((c) => c.query.get("cursor"))).toEqual([null, "page-2"]);
  });

  it("searches once the typing pauses, not on every key", async () => {
    const calls = listing(admin, { "": { members: [fatma, lena], cursor: null } });
    renderApp("/admin/members?status=pending");
    const search = await screen.findByLabelText("Suche nach Name oder E-Mail-Adresse");
    for (const text of ["l", "le", "len", "lena"]) fireEvent.input(search, { target: { value: text } });
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/members")).toHaveLength(2));
    const queries = calls.filter((c) => c.path === "/api/members").map((c) => [c.query.get("status"), c.query.get("q")]);
    expect(queries).toEqual([
      ["pending", null],
      ["pending", "lena"],
    ]);
  });

  it("switches tabs by status", async () => {
    const calls = listing(admin, { "": { members: [], cursor: null } });
    renderApp("/admin/members");
    expect(await screen.findByText("Keine Mitglieder gefunden.")).toBeTruthy();
    const tab = screen.getByRole("link", { name: "Gesperrt" });
    fireEvent.click(tab);
    await waitFor(() => expect(calls.filter((c) => c.path === "/api/members").map((c) => c.query.get("status"))).toEqual(["pending", "blocked"]));
    expect(screen.getByRole("link", { name: "Gesperrt" }).getAttribute("aria-current")).toBe("page");
  });

  it("tells staff without two-factor sign-in to set it up instead of listing members", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account({ role: "coordinator", twoFactorSetupRequired: true }) }) });
    renderApp("/admin/members");
    expect(await screen.findByRole("heading", { name: "Bitte richten Sie die Zwei-Faktor-Anmeldung ein" })).toBeTruthy();
    expect(calls.some((c) => c.path === "/api/members")).toBe(false);
  });

  it("turns volunteers away", async () => {
    stubApi({ "GET /api/auth/session": () => json(200, { account: account() }) });
    renderApp("/admin/members");
    expect(await alertText()).toBe("Diese Seite ist der Koordination vorbehalten.");
  });
});
