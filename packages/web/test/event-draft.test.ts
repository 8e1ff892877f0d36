import { describe, expect, it } from "vitest";
import { emptyDraft, inputFromDraft } from "../src/events/draft";

describe("event draft", () => {
  it("splits topics on the Latin and the Arabic comma (Arabic and Farsi keyboards type ،)", () => {
    const draft = { ...emptyDraft(), topics: "Wohnen، Arbeit ,Sprache,, Gesundheit" };
    expect(inputFromDraft(draft, []).topics).toEqual(["Wohnen", "Arbeit", "Sprache", "Gesundheit"]);
  });
});
