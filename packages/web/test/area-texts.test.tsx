import { screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { eventsDe } from "../src/i18n/events.de";
import { setLocale } from "../src/i18n";
import { json, renderApp, stubApi } from "./harness";

// Its own file: the events area must not have been opened before (modules load once per file).
describe("an area's texts", () => {
  let observer: MutationObserver | undefined;
  afterEach(() => observer?.disconnect());

  it("arrive before its first page shows, in the chosen language, so no key is ever on screen", async () => {
    await setLocale("en");
    stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/events": () => json(200, { events: [], cursor: null }),
      "GET /api/events/facets": () => json(200, { topics: [], organisers: [] }),
    });
    const shown: string[] = [];
    observer = new MutationObserver(() => shown.push(document.body.textContent ?? ""));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });

    renderApp("/events");
    // Generous: the page and its texts are compiled on first use, which a busy machine takes a while over.
    expect(await screen.findByRole("heading", { level: 1, name: "Events" }, { timeout: 30_000 })).toBeTruthy();
    expect(await screen.findByText("No events are planned at the moment.")).toBeTruthy();

    const keys = Object.keys(eventsDe);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.flatMap((text) => keys.filter((key) => text.includes(key)))).toEqual([]);
  });
});
