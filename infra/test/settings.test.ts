import { describe, expect, test } from "vitest";
import { readSettings } from "../settings";

describe("readSettings", () => {
  test("derives sender and origin from MAIL_DOMAIN and APP_DOMAIN", () => {
    const settings = readSettings("prod", { MAIL_DOMAIN: "Example.org", APP_DOMAIN: "vernetzt.example.org" });
    expect(settings).toMatchObject({
      isProd: true,
      mailDomain: "example.org",
      mailFrom: "Vernetzt <noreply@example.org>",
      mailFromAddress: "noreply@example.org",
      appOrigin: "https://vernetzt.example.org",
    });
  });

  test("refuses a prod stage without MAIL_DOMAIN, because prod needs an SES identity", () => {
    expect(() => readSettings("prod", { MAIL_FROM: "a@example.org" })).toThrow(/MAIL_DOMAIN/);
  });

  test("accepts a hand-verified MAIL_FROM outside prod and leaves the origin empty until known", () => {
    const settings = readSettings("alice", { MAIL_FROM: "Vernetzt Test <Test@Example.org>" });
    expect(settings).toMatchObject({
      isProd: false,
      mailDomain: undefined,
      mailFromAddress: "test@example.org",
      appOrigin: "",
    });
  });

  test("refuses a stage that could send no mail at all", () => {
    expect(() => readSettings("alice", {})).toThrow(/MAIL_DOMAIN.*MAIL_FROM/);
  });

  test("refuses a MAIL_FROM outside MAIL_DOMAIN, which the SES grant would not cover", () => {
    expect(() => readSettings("alice", { MAIL_DOMAIN: "example.org", MAIL_FROM: "x@other.org" })).toThrow(
      /not an address of MAIL_DOMAIN/,
    );
  });

  test("prefers an explicit APP_ORIGIN and normalises a trailing slash", () => {
    const settings = readSettings("alice", {
      MAIL_FROM: "a@example.org",
      APP_DOMAIN: "vernetzt.example.org",
      APP_ORIGIN: "https://d111111abcdef8.cloudfront.net/",
    });
    expect(settings.appOrigin).toBe("https://d111111abcdef8.cloudfront.net");
  });

  test.each(["http://example.org", "https://example.org/app", "example.org"])(
    "refuses APP_ORIGIN %s, which is not a bare https origin",
    (origin) => {
      expect(() => readSettings("alice", { MAIL_FROM: "a@example.org", APP_ORIGIN: origin })).toThrow(/APP_ORIGIN/);
    },
  );

  test.each([
    ["APP_DOMAIN", "https://example.org"],
    ["MAIL_DOMAIN", "example"],
  ])("refuses %s=%s, which is not a bare domain", (name, value) => {
    expect(() => readSettings("alice", { MAIL_FROM: "a@example.org", [name]: value })).toThrow(name);
  });

  test("refuses an APP_DOMAIN outside APP_HOSTED_ZONE", () => {
    expect(() =>
      readSettings("alice", { MAIL_FROM: "a@example.org", APP_DOMAIN: "vernetzt.org", APP_HOSTED_ZONE: "example.org" }),
    ).toThrow(/does not belong/);
  });

  test("sends the newsletter at 14 mails per second and without an own unsubscribe mailbox by default", () => {
    const settings = readSettings("alice", { MAIL_FROM: "a@example.org" });
    expect(settings.sesRatePerSecond).toBe(14);
    expect(settings.newsletterUnsubscribeMailto).toBeUndefined();
  });

  test.each([
    ["1", 1],
    ["50", 50],
    [" 1000 ", 1000],
  ])("accepts SES_RATE_PER_SECOND=%j", (raw, rate) => {
    expect(readSettings("alice", { MAIL_FROM: "a@example.org", SES_RATE_PER_SECOND: raw }).sesRatePerSecond).toBe(rate);
  });

  test.each(["0", "-5", "1.5", "1e2", "0x10", "1001", "14000", "fast", "014"])(
    "refuses SES_RATE_PER_SECOND=%s, which is not a whole number from 1 to 1000",
    (raw) => {
      expect(() => readSettings("alice", { MAIL_FROM: "a@example.org", SES_RATE_PER_SECOND: raw })).toThrow(
        /SES_RATE_PER_SECOND must be a whole number from 1 to 1000/,
      );
    },
  );

  test("reserves no concurrency for the one-click function unless ONE_CLICK_RESERVED_CONCURRENCY is set", () => {
    expect(readSettings("alice", { MAIL_FROM: "a@example.org" }).oneClickReservedConcurrency).toBeUndefined();
    expect(
      readSettings("alice", { MAIL_FROM: "a@example.org", ONE_CLICK_RESERVED_CONCURRENCY: " 5 " })
        .oneClickReservedConcurrency,
    ).toBe(5);
  });

  test.each(["0", "-1", "2.5", "101", "five"])(
    "refuses ONE_CLICK_RESERVED_CONCURRENCY=%s, which is not a whole number from 1 to 100",
    (raw) => {
      expect(() =>
        readSettings("alice", { MAIL_FROM: "a@example.org", ONE_CLICK_RESERVED_CONCURRENCY: raw }),
      ).toThrow(/ONE_CLICK_RESERVED_CONCURRENCY must be a whole number from 1 to 100/);
    },
  );

  test("takes NEWSLETTER_UNSUBSCRIBE_MAILTO as a bare address, its domain in lower case", () => {
    const settings = readSettings("alice", {
      MAIL_FROM: "a@example.org",
      NEWSLETTER_UNSUBSCRIBE_MAILTO: " Abmelden+newsletter@Lists.Example.org ",
    });
    expect(settings.newsletterUnsubscribeMailto).toBe("Abmelden+newsletter@lists.example.org");
  });

  test.each([
    "Vernetzt <abmelden@example.org>",
    "abmelden@example",
    "abmelden",
    "a b@example.org",
    "a?subject=x@example.org",
    "a@example.org,b@example.org",
    "a..b@example.org",
    ".a@example.org",
    "a%40b@example.org",
  ])("refuses NEWSLETTER_UNSUBSCRIBE_MAILTO=%s, which cannot stand in a mailto: header link", (raw) => {
    expect(() => readSettings("alice", { MAIL_FROM: "a@example.org", NEWSLETTER_UNSUBSCRIBE_MAILTO: raw })).toThrow(
      /NEWSLETTER_UNSUBSCRIBE_MAILTO must be a bare e-mail address/,
    );
  });
});
