import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { freePort, startDynamo, startSes } from "@vernetzt/core/local/emulators";

const webDist = resolve(import.meta.dirname, "../dist");

/** Starts the platform once for all browser tests; the workers inherit its address. */
export default async function setup() {
  if (!existsSync(resolve(webDist, "index.html"))) {
    throw new Error("The SPA is not built: run `npm run build -w @vernetzt/web` first (npm test does).");
  }
  const dynamo = await startDynamo(await freePort());
  const ses = await startSes(await freePort());
  const port = await freePort();
  Object.assign(process.env, {
    VERNETZT_MODE: "local",
    TABLE_NAME: "vernetzt-e2e",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    APP_ORIGIN: `http://localhost:${port}`,
    E2E_BASE_URL: `http://localhost:${port}`,
  });
  const { ensureTable } = await import("@vernetzt/core/table");
  await ensureTable();
  const { startLocalServer } = await import("@vernetzt/functions/local/server");
  const server = await startLocalServer(port, webDist);
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await ses.stop();
    await dynamo.stop();
  };
}
