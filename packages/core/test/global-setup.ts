import { freePort, startDynamo, startSes } from "../src/local/emulators";

/**
 * Starts DynamoDB Local (in memory) and the local SES once per test run; test workers inherit the
 * endpoints through the environment.
 */
export default async function setup() {
  const dynamo = await startDynamo(await freePort());
  const ses = await startSes(await freePort());
  Object.assign(process.env, {
    VERNETZT_MODE: "local",
    TABLE_NAME: "vernetzt-test",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    APP_ORIGIN: "http://localhost:3000",
  });
  const { ensureTable } = await import("../src/table");
  await ensureTable();
  return async () => {
    await ses.stop();
    await dynamo.stop();
  };
}
