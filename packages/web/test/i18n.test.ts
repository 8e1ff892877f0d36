import { describe, expect, it } from "vitest";
import { de } from "../src/i18n/de";
import { en } from "../src/i18n/en";
import { areaTexts, browserLocale, initialLocale, locale, setLocale, t, type Locale, type TextLoaders } from "../src/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have exactly the same keys in German and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it("use the same placeholders for each key in both languages", () => {
    const english: Record<string, string> = en;
    const mismatched = Object.entries(de).filter(([key, text]) => placeholders(text).join() !== placeholders(english[key] ?? "").join());
    expect(mismatched).toEqual([]);
  });

  it("have no empty texts", () => {
    expect(Object.entries({ ...de }).filter(([, text]) => text.trim() === "")).toEqual([]);
    expect(Object.entries({ ...en }).filter(([, text]) => text.trim() === "")).toEqual([]);
  });
});

describe("t", () => {
  it("fills placeholders and switches language, remembering the choice and setting <html lang>", async () => {
    expect(t("home.greeting", { name: "Jonas" })).toBe("Hallo Jonas!");
    await setLocale("en");
    expect(locale()).toBe("en");
    expect(t("home.greeting", { name: "Jonas" })).toBe("Hello Jonas!");
    expect(document.documentElement.lang).toBe("en");
    expect(initialLocale()).toBe("en");
  });

  it("falls back to the browser's language, then German, for an unknown stored language", () => {
    localStorage.setItem("vernetzt.locale", "fr");
    expect(initialLocale()).toBe(browserLocale(navigator.languages) ?? "de");
  });

  it("takes a guest's first supported browser language, regional variants included", () => {
    expect(browserLocale(["fr-FR", "fa-IR", "en"])).toBe("fa");
    expect(browserLocale(["prs-AF"])).toBe("fa");
    expect(browserLocale(["uk-UA", "de"])).toBe("uk");
    expect(browserLocale(["AR-sy"])).toBe("ar");
    expect(browserLocale(["fr", "it"])).toBeUndefined();
  });

  it("lays Arabic and Farsi out right to left and switches back", async () => {
    await setLocale("ar");
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    await setLocale("fa");
    expect(document.documentElement.dir).toBe("rtl");
    await setLocale("uk");
    expect(document.documentElement.dir).toBe("ltr");
    await setLocale("de");
    expect(document.documentElement.dir).toBe("ltr");
  });
});

/** An area whose texts arrive only when the test lets them (held back until `letGo`, then at once). */
function heldBackArea() {
  const waiting: (() => void)[] = [];
  let holding = true;
  const texts = (title: string) => () =>
    new Promise<{ "demo.title": string }>((resolve) => {
      const give = () => resolve({ "demo.title": title });
      if (holding) waiting.push(give);
      else give();
    });
  const loaders: TextLoaders<"demo.title"> = { de: texts("Titel"), en: texts("Title"), ar: texts("العنوان"), fa: texts("عنوان"), uk: texts("Назва") };
  return {
    loaders,
    hold: () => (holding = true),
    // Also lets later language switches (the next test's set-up) through.
    letGo: () => {
      holding = false;
      waiting.splice(0).forEach((give) => give());
    },
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("an area's texts", () => {
  it("are there before areaTexts gives the area its t, and come along when the language changes", async () => {
    const area = heldBackArea();
    try {
      let areaT: ((key: "demo.title") => string) | undefined;
      void areaTexts(area.loaders).then((loaded) => (areaT = loaded));
      await settled();
      expect(areaT).toBeUndefined();

      area.letGo();
      await settled();
      expect(areaT!("demo.title")).toBe("Titel");

      area.hold();
      const switched = setLocale("en");
      await settled();
      expect(areaT!("demo.title")).toBe("Titel");
      expect(locale()).toBe("de");
      area.letGo();
      await switched;
      expect(areaT!("demo.title")).toBe("Title");
      expect(t("nav.events")).toBe("Events");
    } finally {
      area.letGo();
    }
  });

  it("follow a language switch made while they were still loading", async () => {
    const area = heldBackArea();
    try {
      const loading = areaTexts(area.loaders);
      const switched = setLocale("uk" satisfies Locale);
      await settled();
      area.letGo();
      const areaT = await loading;
      await switched;
      expect(locale()).toBe("uk");
      expect(areaT("demo.title")).toBe("Назва");
    } finally {
      area.letGo();
    }
  });
});
