import { describe, expect, it } from "vitest";
import { serverTexts } from "@vernetzt/core/i18n/index";
import { serverDe } from "@vernetzt/core/i18n/server.de";
import { LOCALES, loadDictionary, type Locale, type TextLoaders } from "../src/i18n";

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

// The core's texts and each area's (i18n/<area>.ts, with its texts in i18n/<area>.<locale>.ts), found
// by file name, so that a new area is checked without being listed here.
const modules = import.meta.glob<{ texts?: TextLoaders<string> }>("../src/i18n/*.ts");
const AREAS = Object.keys(modules).flatMap((file) => /\/(\w+)\.de\.ts$/.exec(file)?.[1] ?? []);

/** Every part of one language's interface texts, loaded the way the app loads them. */
async function parts(locale: Locale): Promise<Record<string, Texts>> {
  const loaded: Record<string, Texts> = { core: await loadDictionary(locale) };
  for (const area of AREAS) {
    const module = modules[`../src/i18n/${area}.ts`];
    if (!module) throw new Error(`The area ${area} has texts but no module i18n/${area}.ts to load them.`);
    const { texts } = await module();
    if (!texts) throw new Error(`i18n/${area}.ts exports no texts.`);
    loaded[area] = await texts[locale]();
  }
  return loaded;
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
  it("have exactly German's interface keys, none empty, with German's placeholders, part by part", async () => {
    const german = await parts("de");
    const texts = await parts(locale);
    expect(Object.keys(texts)).toEqual(Object.keys(german));
    const found = Object.entries(german).flatMap(([part, source]) => problems(source, texts[part]!).map((problem) => `${part}: ${problem}`));
    expect(found).toEqual([]);
  });

  it("have exactly German's server texts (e-mails, calendar, certificate), none empty, with German's placeholders", () => {
    expect(problems(flatten(serverDe), flatten(serverTexts(locale)))).toEqual([]);
  });

  it("are a translation of their own, not another language standing in", async () => {
    const others = LOCALES.filter((l) => l !== locale);
    const texts = await parts(locale);
    for (const other of others) {
      const theirs = await parts(other);
      for (const part of Object.keys(texts)) expect(texts[part], part).not.toBe(theirs[part]);
      expect(serverTexts(locale)).not.toBe(serverTexts(other));
    }
  });
});

describe("the parts of the interface texts", () => {
  it("are the core and at least the areas the app had when they were split", () => {
    expect(AREAS).toEqual(expect.arrayContaining(["events", "forum", "info", "newsletter", "people", "programmes", "usage"]));
  });

  // The app merges the loaded parts into one dictionary: a key in two parts would silently show one part's text.
  it("never share a key", async () => {
    const owner = new Map<string, string>();
    const repeated: string[] = [];
    for (const [part, texts] of Object.entries(await parts("de"))) {
      for (const key of Object.keys(texts)) {
        if (owner.has(key)) repeated.push(`${key}: ${owner.get(key)} and ${part}`);
        else owner.set(key, part);
      }
    }
    expect(repeated).toEqual([]);
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
