import { describe, expect, it } from "vitest";
import { app } from "../src/app";
import { oneClickApp } from "../src/unsubscribe";
import { db } from "@vernetzt/core/db";
import { lastMailTo, uniqueEmail } from "../../core/test/mail";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

const newsInput = { title: "Neue Beratungsstelle eröffnet", summary: "Ab Montag berät die Stelle **mehrsprachig**.", category: "local_offers" as const };

describe("news and newsletter routes", () => {
  it("coordinators and permitted members write news; others may not; everyone reads published news", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const { browser: volunteer, user } = await signedIn("volunteer");
    expect((await volunteer.api.news.$post({ json: newsInput })).status).toBe(403);
    expect((await new BrowserSession().api.news.$post({ json: newsInput })).status).toBe(403);
    const created = await coordinator.api.news.$post({ json: newsInput });
    expect(created.status).toBe(201);
    const { news } = await created.json();
    expect(news.summaryHtml).toContain("<strong>mehrsprachig</strong>");
    const { browser: admin } = await signedIn("admin");
    const allowed = await admin.api.members[":userId"]["news-permission"].$post({ param: { userId: user.userId }, json: { allowed: true } });
    expect(allowed.status).toBe(200);
    expect((await volunteer.api.news.$post({ json: newsInput })).status).toBe(201);
    const list = await new BrowserSession().api.news.$get({ query: {} });
    expect((await list.json()).news.map((n) => n.newsId)).toContain(news.newsId);
    expect((await new BrowserSession().api.news.$get({ query: { status: "draft" } })).status).toBe(403);
  });

  it("public sign-up needs the consent box, and answers the same for known addresses", async () => {
    const guest = new BrowserSession();
    const noConsent = await guest.raw("/api/newsletter/subscribe", { json: { email: uniqueEmail() } });
    expect(noConsent.status).toBe(400);
    expect(await noConsent.json()).toMatchObject({ error: { fields: { consent: expect.any(String) } } });
    const email = uniqueEmail("pub");
    expect((await guest.api.newsletter.subscribe.$post({ json: { email, consent: true } })).status).toBe(202);
    expect((await guest.api.newsletter.subscribe.$post({ json: { email, consent: true } })).status).toBe(202);
    const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec((await lastMailTo(email, /bestätigen/)).body.text ?? "")![1]!;
    expect(await (await guest.api.newsletter.confirm.$post({ json: { token } })).json()).toEqual({ email });
  });

  it("the one-click unsubscribe works as a cookie-less cross-site form POST (RFC 8058)", async () => {
    const guest = new BrowserSession();
    const email = uniqueEmail("oneclick");
    await guest.api.newsletter.subscribe.$post({ json: { email, consent: true } });
    const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec((await lastMailTo(email, /bestätigen/)).body.text ?? "")![1]!;
    await guest.api.newsletter.confirm.$post({ json: { token } });
    // Exactly what a mail provider sends: no cookie, no Origin of ours, a form body.
    const res = await app.request(`http://localhost:3000/api/newsletter/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await db().entities.subscriber.get({ emailKey: email }).go()).data?.status).toBe("unsubscribed");
    const bad = await app.request(`http://localhost:3000/api/newsletter/unsubscribe?token=nope`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(bad.status).toBe(400);
  });

  it("members subscribe in their settings; pending members and guests cannot", async () => {
    const { browser } = await signedIn("volunteer");
    expect(await (await browser.api.newsletter.me.$put({ json: { subscribed: true } })).json()).toEqual({ subscribed: true, suppressed: false });
    expect(await (await browser.api.newsletter.me.$get()).json()).toEqual({ subscribed: true, suppressed: false });
    expect(await (await browser.api.newsletter.me.$put({ json: { subscribed: false } })).json()).toEqual({ subscribed: false, suppressed: false });
    const { browser: pending } = await signedIn("volunteer", "pending");
    expect((await pending.api.newsletter.me.$get()).status).toBe(403);
    expect((await new BrowserSession().api.newsletter.me.$get()).status).toBe(401);
  });

  it("the editor routes are for coordinators", async () => {
    const { browser: volunteer } = await signedIn("volunteer");
    for (const res of [await volunteer.api.newsletter.next.$get(), await volunteer.api.newsletter.progress.$get(), await volunteer.raw("/api/newsletter/subscribers.csv")]) {
      expect(res.status).toBe(403);
    }
    const { browser: coordinator, user: coordinatorUser } = await signedIn("coordinator");
    const next = await coordinator.api.newsletter.next.$get();
    expect(next.status).toBe(200);
    const preview = await coordinator.api.newsletter.next.preview.$get();
    expect(await preview.json()).toMatchObject({ subject: expect.any(String), html: expect.stringContaining("<html"), text: expect.any(String) });
    const csv = await coordinator.raw("/api/newsletter/subscribers.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("E-Mail;Name;Art;Einwilligung am;Einwilligung über");
    await db().entities.user.patch({ userId: coordinatorUser.userId }).set({ locale: "ar" }).go();
    const arabic = await (await coordinator.raw("/api/newsletter/subscribers.csv")).text();
    expect(arabic.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("البريد الإلكتروني;الاسم;النوع;تاريخ الموافقة;طريقة الموافقة");
    const settings = await coordinator.api.newsletter.settings.$put({ json: { sendWeekday: 1, sendTime: "07:00", archiveVisibility: "public" } });
    expect(await settings.json()).toMatchObject({ settings: { sendWeekday: 1, sendTime: "07:00" } });
    expect((await coordinator.api.newsletter.settings.$put({ json: { sendWeekday: 8, sendTime: "25:00", archiveVisibility: "public" } })).status).toBe(400);
  });

  it("shows the coordinators' plain-language text on the public sign-up page, and none once it is cleared", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const guest = new BrowserSession();
    const text = "Der Newsletter kommt jede Woche. Sie können ihn jederzeit abbestellen.";
    await coordinator.api.newsletter.settings.$put({ json: { sendWeekday: 1, sendTime: "07:00", archiveVisibility: "public", plainSummary: `  ${text} ` } });
    expect(await (await guest.api.newsletter.signup.$get()).json()).toEqual({ plainSummary: text });
    expect((await coordinator.api.newsletter.settings.$put({ json: { sendWeekday: 1, sendTime: "07:00", archiveVisibility: "public", plainSummary: "x".repeat(601) } })).status).toBe(400);
    await coordinator.api.newsletter.settings.$put({ json: { sendWeekday: 1, sendTime: "07:00", archiveVisibility: "public", plainSummary: "" } });
    expect(await (await guest.api.newsletter.signup.$get()).json()).toEqual({ plainSummary: null });
  });

  it("sends a guest's confirmation in the language the sign-up page was read in", async () => {
    const guest = new BrowserSession();
    const email = uniqueEmail("uk");
    expect((await guest.api.newsletter.subscribe.$post({ json: { email, consent: true, locale: "uk" } })).status).toBe(202);
    expect((await lastMailTo(email)).subject).toBe("Будь ласка, підтвердьте підписку на розсилку");
    expect((await guest.api.newsletter.subscribe.$post({ json: { email: uniqueEmail("xx"), consent: true, locale: "xx" as "de" } })).status).toBe(400);
  });

  it("the one-click endpoint of its own function URL unsubscribes from a bare form POST and serves nothing else", async () => {
    const guest = new BrowserSession();
    const email = uniqueEmail("fnurl");
    await guest.api.newsletter.subscribe.$post({ json: { email, consent: true } });
    const token = /confirm\?token=([A-Za-z0-9_-]{43})/.exec((await lastMailTo(email, /bestätigen/)).body.text ?? "")![1]!;
    await guest.api.newsletter.confirm.$post({ json: { token } });
    const res = await oneClickApp.request(`/api/newsletter/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await db().entities.subscriber.get({ emailKey: email }).go()).data?.status).toBe("unsubscribed");
    expect((await oneClickApp.request("/api/auth/session")).status).toBe(404);
    expect((await oneClickApp.request("/api/newsletter/unsubscribe?token=x", { method: "POST" })).status).toBe(400);
  });

  it("a volunteer allowed to write news may edit their own items only", async () => {
    const { browser: admin } = await signedIn("admin");
    const { browser: writer, user } = await signedIn("volunteer");
    await admin.api.members[":userId"]["news-permission"].$post({ param: { userId: user.userId }, json: { allowed: true } });
    const theirs = (await (await admin.api.news.$post({ json: newsInput })).json()).news;
    const mine = (await (await writer.api.news.$post({ json: newsInput })).json()).news;
    expect(mine.mayEdit).toBe(true);
    const seen = (await (await writer.api.news[":newsId"].$get({ param: { newsId: theirs.newsId } })).json()).news;
    expect(seen.mayEdit).toBe(false);
    expect((await writer.api.news[":newsId"].$put({ param: { newsId: theirs.newsId }, json: newsInput })).status).toBe(403);
  });
});

