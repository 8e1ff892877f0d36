import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { simpleParser } from "mailparser";
import { db } from "../src/db";
import { sesClient } from "../src/mail/send";
import { approveNext, assembleNext, editNext, recentProgress, resendUnknownOf } from "../src/newsletter/issues";
import { runNewsletterJob } from "../src/newsletter/send";
import { confirmSubscription, subscribePublic, unsubscribeByToken } from "../src/newsletter/subscribers";
import { handleSesNotification } from "../src/newsletter/feedback";
import { activeSubscribers, editor, publishNews } from "./newsletter-fixtures";
import { lastMailTo, mailsTo, uniqueEmail } from "./mail";
import { publishedEvent } from "./events-fixtures";

const newsletterMails = async (email: string) => (await mailsTo(email)).filter((m) => /Geflüchtetenhilfe|Test-Ausgabe/.test(m.subject));

/** Raw MIME as handed to SES: the local SES keeps no raw headers, so it is captured at the client. */
const raw: Buffer[] = [];
beforeAll(async () => {
  (await sesClient()).middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { RawMessage?: { Data?: Uint8Array } };
      if (input.RawMessage?.Data) raw.push(Buffer.from(input.RawMessage.Data));
      return next(args);
    },
    { step: "initialize", name: "captureRawMime" },
  );
});
afterAll(async () => (await sesClient()).middlewareStack.remove("captureRawMime"));

async function approveFreshIssue(title: string) {
  await publishNews(title);
  await editNext(editor, { subject: `Neuigkeiten aus der Geflüchtetenhilfe: ${title}` });
  return approveNext(editor, true);
}

describe("subscribing", () => {
  it("double opt-in: nothing is sent before the link is opened; consent is recorded; then a welcome", async () => {
    const email = uniqueEmail("doi");
    await subscribePublic(email, { ip: "203.0.113.9" });
    const { data: pending } = await db().entities.subscriber.get({ emailKey: email }).go();
    expect(pending).toMatchObject({ status: "pending", consent: { method: "double_opt_in", ip: "203.0.113.9" } });
    expect(pending!.consent!.text).toContain("Newsletter");
    const token = /newsletter\/confirm\?token=([A-Za-z0-9_-]{43})/.exec((await lastMailTo(email, /bestätigen/)).body.text ?? "")![1]!;
    await confirmSubscription(token);
    const { data: active } = await db().entities.subscriber.get({ emailKey: email }).go();
    expect(active?.status).toBe("active");
    expect(active?.consent?.confirmedAt).toBeDefined();
    await lastMailTo(email, /Willkommen/);
    await unsubscribeByToken(token);
    expect((await db().entities.subscriber.get({ emailKey: email }).go()).data?.status).toBe("unsubscribed");
  });
});

describe("sending an issue", () => {
  it("refuses to approve an issue with nothing new", async () => {
    // Send whatever is pending first, so the next issue starts empty.
    const next = await assembleNext();
    if (next.hasNews) {
      await approveNext(editor, true);
      await runNewsletterJob({ ratePerSecond: 500 });
    }
    await expect(approveNext(editor, true)).rejects.toMatchObject({ code: "nothing_new" });
  });

  it("two runs at once deliver each subscriber exactly one e-mail, built as proper MIME with one-click unsubscribe", async () => {
    const emails = await activeSubscribers(40, "twice");
    await approveFreshIssue("Zwei Läufe gleichzeitig");
    raw.length = 0;
    const [a, b] = await Promise.all([runNewsletterJob({ ratePerSecond: 200 }), runNewsletterJob({ ratePerSecond: 200 })]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(40);
    for (const email of emails) expect(await newsletterMails(email)).toHaveLength(1);
    const [progress] = await recentProgress(editor);
    expect(progress).toMatchObject({ status: "sent", failed: 0, unknown: 0, remaining: 0 });
    expect(progress!.sent).toBe(progress!.recipientCount);

    const mine = raw.find((r) => r.includes(emails[0]!));
    expect(mine).toBeDefined();
    const headerBlock = mine!.toString("utf8").split("\r\n\r\n")[0]!;
    const listUnsubscribe = headerBlock.split("\r\n").find((l) => l.startsWith("List-Unsubscribe:"));
    expect(listUnsubscribe).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]{43}>, <mailto:[^>]+>$/);
    const unsubscribeIndex = headerBlock.split("\r\n").indexOf(listUnsubscribe!);
    expect(headerBlock.split("\r\n")[unsubscribeIndex + 1]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const parsed = await simpleParser(mine!);
    expect(parsed.text).toContain("Zwei Läufe gleichzeitig");
    expect(parsed.html).toContain("<strong>ab Januar</strong>");
    expect(parsed.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const list = parsed.headers.get("list") as { unsubscribe?: { url?: string; mail?: string } };
    expect(list.unsubscribe?.url).toMatch(/\/api\/newsletter\/unsubscribe\?token=/);
    expect(list.unsubscribe?.mail).toMatch(/@/);
    expect(parsed.attachments).toHaveLength(0);
  });

  it("a run killed half way and restarted completes the rest without duplicates", async () => {
    const emails = await activeSubscribers(60, "killed");
    await approveFreshIssue("Abgebrochen und fortgesetzt");
    const repoRoot = resolve(import.meta.dirname, "../../..");
    const startWorker = (env: Record<string, string>) =>
      spawn(join(repoRoot, "node_modules/.bin/tsx"), [join(import.meta.dirname, "newsletter-worker.ts")], { env: { ...process.env, ...env }, stdio: "ignore" });
    const delivered = async () => (await Promise.all(emails.map(newsletterMails))).filter((m) => m.length > 0).length;

    const first = startWorker({ RATE: "20", LEASE_MS: "2000" });
    const exited = new Promise((r) => first.once("exit", r));
    const deadline = Date.now() + 30_000;
    while ((await delivered()) < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    first.kill("SIGKILL");
    await exited;
    const beforeRestart = await delivered();
    expect(beforeRestart).toBeGreaterThan(0);
    expect(beforeRestart).toBeLessThan(60);

    const second = startWorker({ RATE: "200", LEASE_MS: "2000" });
    await new Promise((r) => second.once("exit", r));
    // Claims of the killed run expire, then the next run settles them.
    await new Promise((r) => setTimeout(r, 2100));
    await runNewsletterJob({ ratePerSecond: 200 });

    const counts = await Promise.all(emails.map(async (e) => (await newsletterMails(e)).length));
    expect(Math.max(...counts)).toBe(1);
    const [progress] = await recentProgress(editor);
    expect(progress).toMatchObject({ status: "sent", remaining: 0 });
    // Only mails in flight at the moment of the kill are unknown (the job keeps a few in flight).
    expect(progress!.unknown).toBeLessThanOrEqual(5);
    expect(counts.filter((c) => c === 1).length + progress!.unknown).toBeGreaterThanOrEqual(60);

    // The coordinator may choose to send again to the "unknown" ones; nobody else gets a second mail.
    const { data: unknownDeliveries } = await db().entities.delivery.query.byIssue({ issueId: progress!.issueId }).where((a, op) => op.eq(a.status, "unknown")).go({ pages: "all" });
    const unknown = new Set(unknownDeliveries.map((d) => d.emailKey));
    const { released } = await resendUnknownOf(editor, progress!.issueId);
    expect(released).toBe(progress!.unknown);
    await runNewsletterJob({ ratePerSecond: 200 });
    const after = await Promise.all(emails.map(async (e) => (await newsletterMails(e)).length));
    const [final] = await recentProgress(editor);
    expect(final).toMatchObject({ status: "sent", unknown: 0 });
    expect(after.filter((c) => c === 0)).toHaveLength(0);
    expect(emails.filter((e, i) => after[i]! > counts[i]! && !unknown.has(e))).toEqual([]);
  }, 90_000);

  it("bounced and complaining addresses are suppressed and get nothing more", async () => {
    const [bouncing, complaining, fine] = await activeSubscribers(3, "feedback");
    const suppressed = await handleSesNotification({ notificationType: "Bounce", bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: bouncing! }] } });
    await handleSesNotification({ notificationType: "Complaint", complaint: { complainedRecipients: [{ emailAddress: complaining! }] } });
    await handleSesNotification({ notificationType: "Bounce", bounce: { bounceType: "Transient", bouncedRecipients: [{ emailAddress: fine! }] } });
    expect(suppressed).toEqual([bouncing]);
    await approveFreshIssue("Nach Bounces");
    await runNewsletterJob({ ratePerSecond: 200 });
    expect(await newsletterMails(bouncing!)).toHaveLength(0);
    expect(await newsletterMails(complaining!)).toHaveLength(0);
    expect(await newsletterMails(fine!)).toHaveLength(1);
  });

  it("a coordinator can leave out every event, and that choice sticks through later edits", async () => {
    await publishedEvent({ title: "Kommt im Newsletter vor" });
    expect((await assembleNext()).content.events.length).toBeGreaterThan(0);
    await editNext(editor, { eventIds: [] });
    expect((await assembleNext()).content.events).toEqual([]);
    await editNext(editor, { intro: "Diesmal ohne Termine." });
    expect((await assembleNext()).content.events).toEqual([]);
  });
});

