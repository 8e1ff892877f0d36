// `npm start`: the whole product on one machine, no AWS account needed.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assertJava, assertPortFree, SetupError, startDynamo, startSes, type RunningDynamo, type RunningSes } from "@vernetzt/core/local/emulators";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const webDist = join(repoRoot, "packages/web/dist");
const dataRoot = resolve(process.env.VERNETZT_DATA_DIR ?? join(repoRoot, ".data"));
const dataDir = join(dataRoot, "dynamodb");

const port = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const sesPort = Number(process.env.SES_PORT ?? 8005);

const stoppers: (() => Promise<void>)[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.log("\nStopping Vernetzt …");
    void stopAll(0);
  });
}

async function main() {
  assertJava();
  await assertPortFree(port, "the app", "PORT");
  await assertPortFree(dynamoPort, "DynamoDB Local", "DYNAMODB_PORT");
  await assertPortFree(sesPort, "the local SES", "SES_PORT");
  if (!existsSync(join(webDist, "index.html"))) {
    throw new SetupError("The web app is not built. Run `npm start` (it builds first) or `npm run build -w @vernetzt/web`.");
  }
  mkdirSync(dataDir, { recursive: true });

  const dynamo: RunningDynamo = await startDynamo(dynamoPort, dataDir);
  stoppers.push(dynamo.stop);
  dynamo.process.once("exit", (code) => {
    if (!stopping) {
      console.error(`DynamoDB Local stopped unexpectedly (exit code ${code}).`);
      void stopAll(1);
    }
  });
  const ses: RunningSes = await startSes(sesPort);
  stoppers.push(ses.stop);

  Object.assign(process.env, {
    VERNETZT_MODE: "local",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    APP_ORIGIN: process.env.APP_ORIGIN || `http://localhost:${port}`,
    // Uploaded photos and documents, kept beside the table's data.
    FILES_DIR: process.env.FILES_DIR || join(dataRoot, "files"),
  });

  // Imported after the environment is set: these modules read configuration on first use.
  const { ensureTable } = await import("@vernetzt/core/table");
  const { seedDemo } = await import("@vernetzt/core/seed");
  const { startLocalServer } = await import("./server");
  const { startScheduler } = await import("./scheduler");
  const reminders = await import("../jobs/reminders");
  const forumNotifications = await import("../jobs/forum-notifications");
  const newsletter = await import("../jobs/newsletter");
  const programmeReminders = await import("../jobs/programme-reminders");
  const messageNotices = await import("../jobs/message-notices");
  const guestRetention = await import("../jobs/guest-retention");

  const table = await ensureTable();
  const login = table === "created" ? await seedDemo() : undefined;
  const server = await startLocalServer(port, webDist);
  stoppers.push(() => new Promise((done) => server.close(() => done())));
  const stopJobs = startScheduler([
    { name: "reminders", everyMs: 60 * 60_000, run: reminders.handler },
    { name: "forum-notifications", everyMs: 15 * 60_000, run: forumNotifications.handler },
    { name: "newsletter", everyMs: 60_000, run: () => newsletter.handler() },
    { name: "programme-reminders", everyMs: 6 * 60 * 60_000, run: programmeReminders.handler },
    { name: "message-notices", everyMs: 10 * 60_000, run: messageNotices.handler },
    { name: "guest-retention", everyMs: 24 * 60 * 60_000, run: guestRetention.handler },
  ]);
  stoppers.push(async () => stopJobs());

  console.log(`
Vernetzt is running.
  App:          http://localhost:${port}
  Mail viewer:  ${ses.endpoint}   (every e-mail the platform sends lands here)
  DynamoDB:     ${dynamo.endpoint}   (data kept in ${dataDir})
`);
  if (login) {
    console.log(`First start: a coordinator account was created.
  E-mail:    ${login.email}
  Password:  ${login.password}
(Shown once. Lost it? Use "Passwort vergessen" and open the link in the mail viewer.)
`);
  }
  console.log("Press Ctrl-C to stop.");
}

main().catch(async (err: unknown) => {
  if (err instanceof SetupError) console.error(`\nCannot start Vernetzt: ${err.message}\n`);
  else console.error(err);
  await stopAll(1);
});
