// A server in its own process for the bench: `tsx serve.ts api|hello|site <port> [webDist]`.
// `api` is the Hono app the Lambda serves (DynamoDB and SES from the environment), `site` that app
// with the built SPA as `npm start` serves it, `hello` the bare Hono baseline.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const [which, port, webDist] = process.argv.slice(2);
const app =
  which === "api"
    ? (await import("../src/app")).app
    : which === "site"
      ? (await import("../src/local/server")).createLocalApp(webDist!)
      : new Hono().get("/api/health", (c) => c.json({ status: "ok" }));
serve({ fetch: app.fetch, port: Number(port), hostname: "127.0.0.1" }, () => console.log("listening"));
