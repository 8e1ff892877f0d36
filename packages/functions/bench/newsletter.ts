// Newsletter scaling: one issue to 1,000, 2,000 and 5,000 local subscribers (rate limit off),
// time and DynamoDB writes per recipient; and 300 simultaneous registrations for 100 seats.
import { meterDynamo } from "./roundtrips";
import { round } from "./stats";

export interface NewsletterFigure {
  subscribers: number;
  seconds: number;
  mailsPerSecond: number;
  writeCallsPerRecipient: number;
  writeUnitsPerRecipient: number;
  readUnitsPerRecipient: number;
  msPerRecipient: number;
  sent: number;
}

const editor = { userId: "usr_bench00000000000000000000", name: "Bench", email: "bench@example.org", role: "admin", status: "approved", locale: "de" } as never;

export async function measureNewsletter(sizes: number[]): Promise<{ runs: NewsletterFigure[]; timeRatio: number; writeRatio: number }> {
  const { db, dynamo } = await import("@vernetzt/core/db");
  const { createSecret, digest } = await import("@vernetzt/core/id");
  const { createNews } = await import("@vernetzt/core/newsletter/news");
  const { approveNext, recentProgress } = await import("@vernetzt/core/newsletter/issues");
  const { runNewsletterJob } = await import("@vernetzt/core/newsletter/send");
  const meter = meterDynamo(dynamo());
  const runs: NewsletterFigure[] = [];
  let seeded = 0;
  for (const size of sizes) {
    const now = new Date().toISOString();
    const more = Array.from({ length: size - seeded }, (_, i) => {
      const token = createSecret();
      const email = `reader${String(seeded + i).padStart(6, "0")}@bench.example.org`;
      return { emailKey: email, email, status: "active" as const, token, tokenHash: digest(token), createdAt: now, updatedAt: now };
    });
    await db().entities.subscriber.put(more).go({ concurrent: 4 });
    seeded = size;

    await createNews(editor, { title: `Bench ${size}`, summary: "Eine Meldung für den Lasttest.", category: "other", status: "published", sourceUrl: null });
    await approveNext(editor, true);
    meter.calls = [];
    const t = performance.now();
    for (let runsLeft = 20; ; runsLeft--) {
      const result = await runNewsletterJob({ ratePerSecond: 100_000 });
      if (result.done && result.finished.length > 0) break;
      if (runsLeft === 0) throw new Error("newsletter did not finish");
    }
    const seconds = (performance.now() - t) / 1000;
    const calls = meter.calls;
    const [progress] = await recentProgress(editor);
    if (progress!.sent !== size) throw new Error(`sent ${progress!.sent} of ${size}`);
    const writes = calls.filter((c) => /Put|Update|Delete|Write/.test(c.command));
    runs.push({
      subscribers: size,
      seconds: round(seconds),
      mailsPerSecond: round(size / seconds),
      writeCallsPerRecipient: round(writes.length / size, 2),
      writeUnitsPerRecipient: round(calls.reduce((s, c) => s + c.write, 0) / size, 2),
      readUnitsPerRecipient: round(calls.reduce((s, c) => s + c.read, 0) / size, 2),
      msPerRecipient: round((seconds * 1000) / size, 2),
      sent: progress!.sent,
    });
  }
  const first = runs[0]!;
  const last = runs.at(-1)!;
  return {
    runs,
    timeRatio: round(last.seconds / first.seconds, 2),
    writeRatio: round((last.writeUnitsPerRecipient * last.subscribers) / (first.writeUnitsPerRecipient * first.subscribers), 2),
  };
}

export async function measureRegistrationRush(): Promise<{ seconds: number; confirmed: number; waitlisted: number }> {
  const { db } = await import("@vernetzt/core/db");
  const { createEvent } = await import("@vernetzt/core/event/events");
  const { registerMember } = await import("@vernetzt/core/event/registration");
  const event = await createEvent(editor, {
    kind: "training", title: "Bench", description: "", topics: [], speakers: [], organiser: "Bench",
    startsAt: "2099-01-01T10:00", endsAt: "2099-01-01T12:00", address: "Bench", onlineUrl: null, capacity: 100,
    registrationDeadline: null, visibility: "public", status: "published", inviteeIds: [], questions: [],
  });
  const members = Array.from({ length: 300 }, (_, i) => ({ userId: `usr_${String(i).padStart(26, "0")}`, name: `M ${i}`, email: `m${i}@example.org`, role: "volunteer", status: "approved", locale: "de" }) as never);
  const t = performance.now();
  await Promise.all(members.map((m) => registerMember(m, event.eventId, {})));
  const { data } = await db().entities.event.get({ eventId: event.eventId }).go();
  return { seconds: round((performance.now() - t) / 1000), confirmed: data!.confirmedCount, waitlisted: data!.waitlistCount };
}
