// The app server for the browser tests, in its own process with its own environment (the
// vitest process is shared by every project's setup).
import { resolve } from "node:path";
import { startLocalServer } from "@vernetzt/functions/local/server";

const port = Number(process.env.PORT);
const server = await startLocalServer(port, resolve(import.meta.dirname, "../dist"));
console.log("READY");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
