import { excelCsv } from "../csv";
import { serverTexts } from "../i18n";
import { config } from "../config";
import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { createSecret, digest } from "../id";
import { hitAll } from "../auth/rate-limit";
import { sendMail } from "../mail/send";
import { normalizeEmail } from "../text";
import { HOUR, nowIso, utcToBerlin } from "../time";
import { isStaff } from "../user/account";
import type { Locale, UserItem } from "../user/user.entity";
import { SUBSCRIBER_STATUSES, type SubscriberItem, type SubscriberStatus } from "./newsletter.entity";
import { renderNewsletterNotice } from "./render";
import { CONSENT_TEXT_DE } from "./schema";

export const unsubscribeUrl = (token: string) => `${config().oneClickUnsubscribeBase}/api/newsletter/unsubscribe?token=${token}`;
export const unsubscribePageUrl = (token: string) => `${config().appOrigin}/newsletter/unsubscribe?token=${token}`;

async function bySubscriberToken(token: string): Promise<SubscriberItem | undefined> {
  const { data } = await db().entities.subscriber.query.byToken({ tokenHash: digest(token) }).go();
  return data[0];
}

async function getSubscriber(email: string): Promise<SubscriberItem | undefined> {
  const { data } = await db().entities.subscriber.get({ emailKey: normalizeEmail(email) }).go();
  return data ?? undefined;
}

const invalidLink = () => new VisibleError("invalid", "invalid_token", "This link is invalid or has expired.");

/**
 * Public sign-up, double opt-in: records the consent and mails a confirmation link. Answers the
 * same whether the address is new, pending, active or suppressed, so nothing leaks.
 */
export async function subscribePublic(email: string, meta: { ip: string }, locale: Locale = "de"): Promise<void> {
  await hitAll([
    { key: `subscribe:ip:${meta.ip}`, max: 20, windowMs: HOUR },
    { key: `subscribe:acct:${normalizeEmail(email)}`, max: 3, windowMs: HOUR },
  ]);
  const emailKey = normalizeEmail(email);
  const token = createSecret();
  const now = nowIso();
  try {
    await db()
      .entities.subscriber.put({
        emailKey,
        email: email.trim(),
        locale,
        status: "pending",
        token,
        tokenHash: digest(token),
        consent: { at: now, method: "double_opt_in", text: CONSENT_TEXT_DE, ip: meta.ip },
        createdAt: now,
        updatedAt: now,
      })
      // Active and suppressed addresses stay as they are; only new, pending or departed ones (re)start.
      .where((attr, op) => `${op.notExists(attr.status)} OR ${op.eq(attr.status, "pending")} OR ${op.eq(attr.status, "unsubscribed")}`)
      .go();
  } catch (err) {
    if (conditionFailed(err)) return;
    throw err;
  }
  const confirmUrl = `${config().appOrigin}/newsletter/confirm?token=${token}`;
  await sendMail({ to: email.trim(), ...renderNewsletterNotice("confirm", locale, { url: confirmUrl }) });
}

/** The confirmation link: the subscription becomes active and a welcome mail goes out. */
export async function confirmSubscription(token: string): Promise<{ email: string }> {
  const subscriber = await bySubscriberToken(token);
  if (!subscriber) throw invalidLink();
  if (subscriber.status === "active") return { email: subscriber.email };
  if (subscriber.status !== "pending") throw invalidLink();
  const now = nowIso();
  try {
    await db()
      .entities.subscriber.patch({ emailKey: subscriber.emailKey })
      .set({ status: "active", updatedAt: now, consent: { ...subscriber.consent!, confirmedAt: now } })
      .where((attr, op) => `${op.eq(attr.status, "pending")} AND ${op.eq(attr.tokenHash, subscriber.tokenHash)}`)
      .go();
  } catch (err) {
    if (conditionFailed(err)) throw invalidLink();
    throw err;
  }
  const { latestIssueUrl } = await import("./issues");
  await sendMail({
    to: subscriber.email,
    ...renderNewsletterNotice("welcome", subscriber.locale, { url: (await latestIssueUrl()) ?? `${config().appOrigin}/newsletter`, unsubscribe: unsubscribePageUrl(subscriber.token) }),
  });
  return { email: subscriber.email };
}

/** One click from any e-mail, no sign-in: idempotent. */
export async function unsubscribeByToken(token: string): Promise<{ email: string }> {
  const subscriber = await bySubscriberToken(token);
  if (!subscriber) throw invalidLink();
  if (subscriber.status === "active" || subscriber.status === "pending") {
    await db()
      .entities.subscriber.patch({ emailKey: subscriber.emailKey })
      .set({ status: "unsubscribed", unsubscribedAt: nowIso(), updatedAt: nowIso() })
      .go();
  }
  return { email: subscriber.email };
}

export async function describeToken(token: string): Promise<{ email: string; status: SubscriberStatus }> {
  const subscriber = await bySubscriberToken(token);
  if (!subscriber) throw invalidLink();
  return { email: subscriber.email, status: subscriber.status };
}

export async function memberSubscription(user: UserItem): Promise<{ subscribed: boolean; suppressed: boolean }> {
  const subscriber = await getSubscriber(user.email);
  return { subscribed: subscriber?.status === "active", suppressed: subscriber?.status === "suppressed" };
}

/** Members subscribe in their settings: their address is verified already, so no second opt-in. */
export async function setMemberSubscription(user: UserItem, subscribed: boolean): Promise<{ subscribed: boolean; suppressed: boolean }> {
  const emailKey = normalizeEmail(user.email);
  const now = nowIso();
  if (subscribed) {
    const token = createSecret();
    try {
      await db()
        .entities.subscriber.put({
          emailKey,
          email: user.email,
          name: user.name,
          userId: user.userId,
          locale: user.locale,
          status: "active",
          token,
          tokenHash: digest(token),
          consent: { at: now, method: "member_settings", text: CONSENT_TEXT_DE, confirmedAt: now },
          createdAt: now,
          updatedAt: now,
        })
        .where((attr, op) => `${op.notExists(attr.status)} OR ${op.ne(attr.status, "suppressed")}`)
        .go();
    } catch (err) {
      if (!conditionFailed(err)) throw err;
      throw new VisibleError("conflict", "address_suppressed", "Mail to this address bounced or was reported as spam, so we cannot send the newsletter to it.");
    }
  } else {
    const existing = await getSubscriber(user.email);
    if (existing && (existing.status === "active" || existing.status === "pending")) {
      await db().entities.subscriber.patch({ emailKey }).set({ status: "unsubscribed", unsubscribedAt: now, updatedAt: now }).go();
    }
  }
  return memberSubscription(user);
}

/** Bounces and complaints: the address gets nothing more, whatever its status was (or if unknown). */
export async function suppress(email: string, reason: string): Promise<boolean> {
  const emailKey = normalizeEmail(email);
  const now = nowIso();
  const fields = { status: "suppressed" as const, suppressedAt: now, suppressedReason: reason.slice(0, 300), updatedAt: now };
  try {
    await db().entities.subscriber.patch({ emailKey }).set(fields).go();
    return true;
  } catch (err) {
    if (!conditionFailed(err)) throw err;
  }
  const token = createSecret();
  try {
    await db().entities.subscriber.create({ emailKey, email: email.trim(), token, tokenHash: digest(token), createdAt: now, ...fields }).go();
  } catch (err) {
    // Created by a concurrent notification: suppress that one.
    if (!conditionFailed(err)) throw err;
    await db().entities.subscriber.patch({ emailKey }).set(fields).go();
  }
  return true;
}

function assertStaff(user: UserItem | undefined): asserts user is UserItem {
  if (!user || user.status !== "approved" || !isStaff(user.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

/** How many subscribers have a status (a keys-only walk of the status index). */
export async function countSubscribers(status: SubscriberStatus): Promise<number> {
  const { data } = await db().entities.subscriber.query.byStatus({ status }).go({ pages: "all", attributes: ["emailKey"] });
  return data.length;
}

/** Subscribers by status, for coordinators. */
export async function subscriberCounts(user: UserItem | undefined): Promise<Record<SubscriberStatus, number>> {
  assertStaff(user);
  const counts = await Promise.all(SUBSCRIBER_STATUSES.map(async (status) => [status, await countSubscribers(status)] as const));
  return Object.fromEntries(counts) as Record<SubscriberStatus, number>;
}

/** Active subscribers as CSV for Excel, with the recorded consent; headings and fixed words in the coordinator's language. */
export async function subscribersCsv(user: UserItem | undefined): Promise<string> {
  assertStaff(user);
  const col = serverTexts(user.locale).csv.subscribers;
  const { data } = await db().entities.subscriber.query.byStatus({ status: "active" }).go({ pages: "all" });
  const rows = data.map((s) => [
    s.email,
    s.name ?? "",
    s.userId ? col.member : col.public,
    s.consent ? utcToBerlin(s.consent.confirmedAt ?? s.consent.at).replace("T", " ") : "",
    s.consent?.method === "double_opt_in" ? col.doubleOptIn : col.memberAccount,
  ]);
  return excelCsv([[col.email, col.name, col.kind, col.consentAt, col.consentVia], ...rows]);
}

/** Walks the active subscribers by address, a page at a time, after `afterKey`. */
export async function activeSubscribersPage(afterKey: string | undefined, limit: number): Promise<SubscriberItem[]> {
  const query = db().entities.subscriber.query.byStatus({ status: "active" });
  const { data } = await (afterKey ? query.gt({ emailKey: afterKey }) : query).go({ limit });
  return data;
}

export async function isActive(emailKey: string): Promise<boolean> {
  const { data } = await db().entities.subscriber.get({ emailKey }).go();
  return data?.status === "active";
}
