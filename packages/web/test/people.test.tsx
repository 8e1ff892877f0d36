import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { account, json, renderApp, stubApi, type ApiCall } from "./harness";

const me = account({ userId: "usr_01jd0000000000000000000001", name: "Bernd Vogel" });
const farida = { userId: "usr_01jd00000000000000000000fa", name: "Farida Noori", town: "Weststadt", languages: ["prs", "de"], areas: ["medical"] };
const filters = {
  areas: [
    { id: "medical", standard: true },
    { id: "are_01jd00000000000000000000aa", label: "Behördengänge", standard: false },
  ],
  towns: ["Südstadt", "Weststadt"],
  organisations: [{ orgId: "org_01jd00000000000000000000o1", name: "Café Willkommen" }],
};
const ownProfile = {
  userId: me.userId,
  name: me.name,
  bio: "",
  areas: [],
  languages: ["de"],
  town: "Südstadt",
  availability: "",
  hasPhoto: false,
  photoVersion: 1,
  visibility: { photo: "members", bio: "members", areas: "members", languages: "members", town: "members", organisations: "members", availability: "members" },
  listed: true,
  messageNotices: true,
};

describe("member directory", () => {
  it("filters by language and town through the address bar and shows what others share", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: me }),
      "GET /api/people/filters": () => json(200, filters),
      "GET /api/people": (call: ApiCall) => json(200, { people: call.query.get("language") === "prs" ? [farida] : [], cursor: null }),
    });
    renderApp("/people");
    const language = await screen.findByLabelText("Sprache", {}, { timeout: 5000 });
    await screen.findByRole("option", { name: "Weststadt" });
    fireEvent.change(language, { target: { value: "prs" } });
    fireEvent.change(screen.getByLabelText("Ort / Stadtteil"), { target: { value: "Weststadt" } });
    fireEvent.click(screen.getByRole("button", { name: "Suchen" }));
    const link = await screen.findByRole("link", { name: "Farida Noori" });
    expect(link.getAttribute("href")).toBe(`/people/${farida.userId}`);
    expect(screen.getByText("Spricht: Dari, Deutsch")).toBeTruthy();
    const last = calls.filter((c) => c.path === "/api/people").at(-1)!;
    expect(Object.fromEntries(last.query)).toEqual({ language: "prs", town: "Weststadt" });
  });
});

describe("my profile", () => {
  it("labels every visibility choice and saves the chosen ones", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: me }),
      "GET /api/people/filters": () => json(200, filters),
      "GET /api/people/me": () => json(200, { profile: ownProfile, organisations: [] }),
      "GET /api/people/blocks": () => json(200, { blocked: [] }),
      "PUT /api/people/me": (call: ApiCall) => json(200, { profile: { ...ownProfile, ...(call.body as object) } }),
    });
    renderApp("/people/me");
    const townVisibility = await screen.findByLabelText("Wer sieht „Ort / Stadtteil“?", {}, { timeout: 5000 });
    fireEvent.change(townVisibility, { target: { value: "coordinators" } });
    fireEvent.click(screen.getByLabelText("Behördengänge"));
    fireEvent.click(screen.getByLabelText("Dari"));
    fireEvent.click(screen.getByRole("button", { name: "Profil speichern" }));
    await screen.findByText("Ihr Profil ist gespeichert.");
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.body).toMatchObject({ town: "Südstadt", areas: ["are_01jd00000000000000000000aa"], languages: ["de", "prs"], visibility: { town: "coordinators", bio: "members" } });
    expect(screen.getAllByRole("combobox").every((select) => select.id && document.querySelector(`label[for="${select.id}"]`))).toBe(true);
    await waitFor(() => expect(screen.queryByText(/@/)).toBeNull());
  });
});

describe("messages", () => {
  it("starts a group conversation with members found by name", async () => {
    const jonas = { userId: "usr_01jd00000000000000000000jo", name: "Jonas Becker" };
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: me }),
      "GET /api/messages": () => json(200, { conversations: [], cursor: null }),
      "GET /api/messages/unread": () => json(200, { unread: 0 }),
      "GET /api/people": () => json(200, { people: [farida, jonas], cursor: null }),
      "POST /api/messages": () => json(201, { conversationId: "cnv_01jd00000000000000000000c1", message: {} }),
      "GET /api/messages/cnv_01jd00000000000000000000c1": () => json(200, { conversationId: "cnv_01jd00000000000000000000c1", title: "Sprachcafé", participants: [], messages: [], cursor: null, blockedIds: [] }),
    });
    renderApp("/messages");
    fireEvent.input(await screen.findByLabelText("Mitglieder nach Namen suchen", {}, { timeout: 5000 }), { target: { value: "a" } });
    fireEvent.click(await screen.findByRole("button", { name: "Farida Noori hinzufügen" }));
    fireEvent.click(screen.getByRole("button", { name: "Jonas Becker hinzufügen" }));
    fireEvent.input(screen.getByLabelText("Titel der Gruppe"), { target: { value: "Sprachcafé" } });
    fireEvent.input(screen.getByLabelText("Ihre Nachricht"), { target: { value: "Wer hat Donnerstag Zeit?" } });
    fireEvent.click(screen.getByRole("button", { name: "Senden" }));
    await screen.findByRole("heading", { level: 1, name: "Sprachcafé" }, { timeout: 5000 });
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ participantIds: [farida.userId, jonas.userId], title: "Sprachcafé", body: "Wer hat Donnerstag Zeit?" });
  });
});
