import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "@vernetzt/core/event/constants";
import { eventsDe } from "../src/i18n/events.de";
import { eventsEn } from "../src/i18n/events.en";
import { setLocale, t } from "../src/i18n/events";

describe("events dictionaries", () => {
  it("have the same keys in German and English, and the events pages read them unchanged in the current language", async () => {
    expect(Object.keys(eventsEn).sort()).toEqual(Object.keys(eventsDe).sort());
    expect(Object.entries(eventsDe).filter(([key, text]) => t(key as keyof typeof eventsDe) !== text)).toEqual([]);
    await setLocale("en");
    expect(Object.entries(eventsEn).filter(([key, text]) => t(key as keyof typeof eventsEn) !== text)).toEqual([]);
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
