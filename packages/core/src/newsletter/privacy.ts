import { db } from "../db";
import type { PersonalDataContributor } from "../privacy/contributor";
import { inBatches, scrub } from "../privacy/former";
import { getUser } from "../user/account";
import { OPEN_ISSUE_ID } from "./newsletter.entity";

async function allIssues() {
  const [numbered, open] = await Promise.all([
    db().entities.issue.query.byNumber({}).go({ pages: "all" }),
    db().entities.issue.get({ issueId: OPEN_ISSUE_ID }).go(),
  ]);
  return [...numbered.data, ...(open.data ? [open.data] : [])];
}

async function newsBy(userId: string) {
  const lists = await Promise.all(
    (["draft", "published"] as const).map((status) =>
      db().entities.news.query.byStatus({ status }).where((attr, op) => op.eq(attr.authorId, userId)).go({ pages: "all" }),
    ),
  );
  return lists.flatMap((l) => l.data);
}

/** Subscription with its consent, the issues sent to the address, news items written. */
export const newsletterPrivacy: PersonalDataContributor = {
  section: "newsletter",
  async export(userId) {
    const user = await getUser(userId);
    const { data: subscriber } = user ? await db().entities.subscriber.get({ emailKey: user.emailKey }).go() : { data: null };
    const issues = user ? await allIssues() : [];
    const deliveries = user
      ? (await Promise.all(issues.filter((i) => i.number > 0).map((i) => db().entities.delivery.get({ issueId: i.issueId, emailKey: user.emailKey }).go())))
          .flatMap(({ data }) => (data ? [data] : []))
      : [];
    const numberOf = new Map(issues.map((i) => [i.issueId, i.number]));
    return {
      subscription: subscriber
        ? {
            email: subscriber.email,
            status: subscriber.status,
            consent: subscriber.consent ?? null,
            createdAt: subscriber.createdAt,
            unsubscribedAt: subscriber.unsubscribedAt ?? null,
            suppressedAt: subscriber.suppressedAt ?? null,
          }
        : null,
      deliveries: deliveries.map((d) => ({ issueNumber: numberOf.get(d.issueId) ?? null, status: d.status, sentAt: d.sentAt ?? null })),
      newsWritten: (await newsBy(userId)).map((n) => ({ newsId: n.newsId, title: n.title, summary: n.summary, status: n.status, createdAt: n.createdAt })),
    };
  },
  async erase(userId) {
    const user = await getUser(userId);
    const person = { userId, name: user?.name, email: user?.email };
    const issues = await allIssues();
    if (user) {
      await db().entities.subscriber.delete({ emailKey: user.emailKey }).go();
      await inBatches(
        issues.filter((i) => i.number > 0),
        10,
        (i) => db().entities.delivery.delete({ issueId: i.issueId, emailKey: user.emailKey }).go(),
      );
    }
    // News stay published under "former member"; archived issues keep their content without the name.
    await inBatches(await newsBy(userId), 5, (n) => db().entities.news.put(scrub(n, person)).go());
    const named = (v: unknown) => {
      const text = JSON.stringify(v);
      return text.includes(userId) || (!!person.name && text.includes(person.name));
    };
    await inBatches(issues.filter(named), 5, (i) => db().entities.issue.put(scrub(i, person)).go());
    const { data: settings } = await db().entities.newsletterSettings.get({ id: "settings" }).go();
    if (settings?.updatedBy === userId) await db().entities.newsletterSettings.put(scrub(settings, person)).go();
  },
};
