import { describe, expect, it } from "vitest";
import { serverTexts } from "@vernetzt/core/i18n/index";
import { serverDe } from "@vernetzt/core/i18n/server.de";
import { de } from "../src/i18n/de";
import { LOCALES, loadDictionary } from "../src/i18n";

type Texts = Record<string, string | readonly string[]>;

/** A nested catalogue as flat "a.b.c" keys; paragraph lists stay lists. */
function flatten(tree: object, prefix = ""): Texts {
  const flat: Texts = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string" || Array.isArray(value)) flat[path] = value;
    else Object.assign(flat, flatten(value as object, path));
  }
  return flat;
}

const placeholders = (text: string | readonly string[]) =>
  [...new Set([...[text].flat().join("\n").matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(",");

/** Everything wrong with one language's texts compared to German's, as readable lines. */
function problems(german: Texts, other: Texts): string[] {
  const found: string[] = [];
  for (const key of Object.keys(german)) if (!Object.hasOwn(other, key)) found.push(`missing: ${key}`);
  for (const [key, text] of Object.entries(other)) {
    if (!Object.hasOwn(german, key)) {
      found.push(`extra: ${key}`);
      continue;
    }
    const parts = [text].flat();
    if (parts.length === 0 || parts.some((part) => part.trim() === "")) found.push(`empty: ${key}`);
    if (placeholders(text) !== placeholders(german[key]!)) found.push(`placeholders: ${key} has {${placeholders(text)}}, German {${placeholders(german[key]!)}}`);
  }
  return found;
}

describe.each(LOCALES.filter((l) => l !== "de"))("the %s texts", (locale) => {
  it("have exactly German's interface keys, none empty, with German's placeholders", async () => {
    const dictionary = await loadDictionary(locale);
    expect(problems(de, dictionary)).toEqual([]);
  });

  it("have exactly German's server texts (e-mails, calendar, certificate), none empty, with German's placeholders", () => {
    expect(problems(flatten(serverDe), flatten(serverTexts(locale)))).toEqual([]);
  });

  it("are a translation of their own, not another language standing in", async () => {
    const others = LOCALES.filter((l) => l !== locale);
    const dictionary = await loadDictionary(locale);
    for (const other of others) {
      expect(dictionary).not.toBe(await loadDictionary(other));
      expect(serverTexts(locale)).not.toBe(serverTexts(other));
    }
  });
});

describe("the check itself", () => {
  it("reports missing, extra and empty texts and changed placeholders", () => {
    const german = { a: "Hallo {name}", b: "B", c: ["Absatz {x}"] };
    expect(problems(german, { a: "Hello {nom}", c: [""], d: "D" })).toEqual([
      "missing: b",
      "placeholders: a has {nom}, German {name}",
      "empty: c",
      "placeholders: c has {}, German {x}",
      "extra: d",
    ]);
  });
});
