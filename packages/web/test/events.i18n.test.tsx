import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "@vernetzt/core/event/constants";
import { de } from "../src/i18n/de";
import { en } from "../src/i18n/en";
import { eventsDe } from "../src/i18n/events.de";
import { eventsEn } from "../src/i18n/events.en";
import { setLocale, t } from "../src/i18n";

describe("events dictionaries", () => {
  it("have the same keys in German and English, and both are merged into the app's dictionaries", () => {
    expect(Object.keys(eventsEn).sort()).toEqual(Object.keys(eventsDe).sort());
    const german: Record<string, string> = de;
    const english: Record<string, string> = en;
    expect(Object.entries(eventsDe).filter(([key, text]) => german[key] !== text)).toEqual([]);
    expect(Object.entries(eventsEn).filter(([key, text]) => english[key] !== text)).toEqual([]);
  });

  it("name every kind of event in both languages", async () => {
    expect(EVENT_KINDS.map((kind) => t(`event.kind.${kind}`))).toEqual([
      "Austauschtreffen",
      "Fachvortrag",
      "Schulung",
      "Fortbildung",
      "Podiumsdiskussion",
      "Einführungsveranstaltung",
      "Gruppensupervision",
    ]);
    await setLocale("en");
    expect(t("event.kind.group_supervision")).toBe("Group supervision");
    expect(t("event.places.full", { count: 3 })).toBe("fully booked – waiting list: 3");
  });
});
