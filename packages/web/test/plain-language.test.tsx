import { screen, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { setLocale } from "../src/i18n";
import { json, renderApp, stubApi } from "./harness";
import { EVENT_ID, eventView } from "./events-fixtures";

beforeAll(async () => {
  await Promise.all([import("../src/pages/events/EventDetail"), import("../src/pages/newsletter/Newsletter"), import("../src/pages/info/Contact")]);
});

const signedOut = { "GET /api/auth/session": () => json(200, { account: null }) };
const summary = "Wir treffen uns am Mittwoch. Wir sprechen über Trauma. Sie können Fragen stellen.";

describe("plain-language summaries", () => {
  it("show on an event page in a labelled box whose text is marked as German", async () => {
    stubApi({ ...signedOut, [`GET /api/events/${EVENT_ID}`]: () => json(200, { event: eventView({ plainSummary: summary }) }) });
    renderApp(`/events/${EVENT_ID}`);
    const box = await screen.findByRole("region", { name: "In einfacher Sprache" });
    const text = within(box).getByText(summary);
    expect(text.getAttribute("lang")).toBe("de");
    expect(text.getAttribute("dir")).toBe("ltr");
  });

  it("are left out when the coordinators wrote none", async () => {
    stubApi({ ...signedOut, [`GET /api/events/${EVENT_ID}`]: () => json(200, { event: eventView() }) });
    renderApp(`/events/${EVENT_ID}`);
    await screen.findByRole("heading", { level: 1, name: "Austauschtreffen: Trauma und Traumafolgen" });
    expect(screen.queryByRole("region", { name: "In einfacher Sprache" })).toBeNull();
  });

  it("show on the newsletter sign-up page, labelled in the reader's language, the text still German", async () => {
    await setLocale("ar");
    stubApi({
      ...signedOut,
      "GET /api/newsletter/archive": () => json(200, { issues: [], cursor: null }),
      "GET /api/newsletter/signup": () => json(200, { plainSummary: summary }),
    });
    renderApp("/newsletter");
    const text = await screen.findByText(summary);
    const box = text.closest("section")!;
    expect(box.querySelector("h2")?.textContent).not.toBe("In einfacher Sprache");
    expect(box.querySelector("h2")?.textContent?.trim()).toBeTruthy();
    expect(text.getAttribute("lang")).toBe("de");
    expect(document.documentElement.dir).toBe("rtl");
    await setLocale("de");
  });

  it("show on the contact page above the contact persons", async () => {
    stubApi({
      ...signedOut,
      "GET /api/contacts": () => json(200, { contacts: [{ contactId: "con_1", position: 0, name: "Anna Koordinatorin", role: "", phone: "", email: "", address: "", officeHours: "" }] }),
      "GET /api/contacts/plain-summary": () => json(200, { plainSummary: summary }),
    });
    renderApp("/kontakt");
    const box = await screen.findByRole("region", { name: "In einfacher Sprache" });
    const text = within(box).getByText(summary);
    expect(text.getAttribute("lang")).toBe("de");
    const person = await screen.findByRole("heading", { name: "Anna Koordinatorin" });
    expect(box.compareDocumentPosition(person) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByLabelText(/einfacher Sprache für die Kontaktseite/)).toBeNull();
  });
});
