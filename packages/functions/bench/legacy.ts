// `npm run bench`: throughput figures on this machine against DynamoDB Local and the local SES.
// Not a test: it prints numbers (recorded in the README) and fails only if something breaks.
import { freePort, startDynamo, startSes } from "@vernetzt/core/local/emulators";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 500);

async function main() {
  const dynamo = await startDynamo(await freePort());
  const ses = await startSes(await freePort());
  Object.assign(process.env, { VERNETZT_MODE: "local", TABLE_NAME: "vernetzt-bench", DYNAMODB_ENDPOINT: dynamo.endpoint, SES_ENDPOINT: ses.endpoint });
  try {
    const { ensureTable } = await import("@vernetzt/core/table");
    const { db } = await import("@vernetzt/core/db");
    const { createSecret, digest } = await import("@vernetzt/core/id");
    const { createNews } = await import("@vernetzt/core/newsletter/news");
    const { approveNext, recentProgress } = await import("@vernetzt/core/newsletter/issues");
    const { runNewsletterJob } = await import("@vernetzt/core/newsletter/send");
    const { createEvent } = await import("@vernetzt/core/event/events");
    const { registerMember } = await import("@vernetzt/core/event/registration");
    await ensureTable();

    const editor = { userId: "usr_bench00000000000000000000", name: "Bench", email: "bench@example.org", role: "admin", status: "approved", locale: "de" } as never;
    const now = new Date().toISOString();
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const token = createSecret();
      const email = `reader${String(i).padStart(5, "0")}@example.org`;
      return { emailKey: email, email, status: "active" as const, token, tokenHash: digest(token), createdAt: now, updatedAt: now };
    });
    let t = performance.now();
    await db().entities.subscriber.put(subscribers).go({ concurrent: 4 });
    console.log(`seeded ${SUBSCRIBERS} subscribers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await createNews(editor, { title: "Bench", summary: "Eine Meldung für den Lasttest.", category: "other", status: "published", sourceUrl: null });
    await approveNext(editor, true);
    t = performance.now();
    let runs = 0;
    for (;;) {
      runs += 1;
      const result = await runNewsletterJob({ ratePerSecond: RATE });
      if (result.done && result.finished.length > 0) break;
      if (runs > 20) throw new Error("newsletter did not finish");
    }
    const seconds = (performance.now() - t) / 1000;
    const [progress] = await recentProgress(editor);
    const stored = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: unknown[] };
    console.log(
      `newsletter: ${progress!.sent} of ${progress!.recipientCount} sent (failed ${progress!.failed}, unknown ${progress!.unknown}) in ${seconds.toFixed(1)} s ` +
        `= ${(progress!.sent / seconds).toFixed(0)} mails/s at a configured rate of ${RATE}/s; local SES holds ${stored.emails.length} mails`,
    );
    if (progress!.sent !== SUBSCRIBERS) throw new Error("not every subscriber got the issue");

    const event = await createEvent(editor, {
      kind: "training", title: "Bench", description: "", topics: [], speakers: [], organiser: "Bench",
      startsAt: "2099-01-01T10:00", endsAt: "2099-01-01T12:00", address: "Bench", onlineUrl: null, capacity: 100,
      registrationDeadline: null, visibility: "public", status: "published", inviteeIds: [], questions: [],
    });
    const members = Array.from({ length: 300 }, (_, i) => ({ userId: `usr_${String(i).padStart(26, "0")}`, name: `M ${i}`, email: `m${i}@example.org`, role: "volunteer", status: "approved", locale: "de" }) as never);
    t = performance.now();
    await Promise.all(members.map((m) => registerMember(m, event.eventId, {})));
    const { data } = await db().entities.event.get({ eventId: event.eventId }).go();
    console.log(
      `registration: 300 simultaneous registrations for 100 seats in ${((performance.now() - t) / 1000).toFixed(1)} s → ${data!.confirmedCount} confirmed, ${data!.waitlistCount} waitlisted`,
    );
  } finally {
    await ses.stop();
    await dynamo.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
