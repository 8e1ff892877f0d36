import { describe, expect, it } from "vitest";
import { de } from "../src/i18n/de";
import { en } from "../src/i18n/en";
import { browserLocale, initialLocale, locale, setLocale, t } from "../src/i18n";

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
