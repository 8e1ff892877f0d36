import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { db, dynamo } from "@vernetzt/core/db";
import { getOne } from "@vernetzt/core/readahead";
import { app, GROUPS, loadGroup } from "../src/app";
import { typedApi } from "../src/api-types";
import type { AppEnv } from "../src/env";
import { routeGroup } from "../src/group";
import { currentUser } from "../src/middleware";
import { meterDynamo } from "../bench/roundtrips";
import { ORIGIN } from "./browser-session";
import { signedIn } from "./fixtures";

const routesOf = (hono: Hono<AppEnv>) => hono.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`);

describe("the API's lazily loaded route groups", () => {
  it("serve every route of the typed API, each from the group its first path segment names", async () => {
    const typed = [...new Set(routesOf(typedApi()))];
    expect(typed.length).toBeGreaterThan(150);
    const missing: string[] = [];
    for (const route of typed) {
      const segment = route.split(" ")[1]!.split("/")[2]!;
      if (segment === "health") continue;
      const group = Object.hasOwn(GROUPS, segment) ? GROUPS[segment] : undefined;
      if (!group || !routesOf(await loadGroup(group)).includes(route)) missing.push(route);
    }
    expect(missing).toEqual([]);
  });

  it("serve nothing the typed API does not know (a read-ahead rule must name a real route)", async () => {
    const typed = new Set(routesOf(typedApi()));
    const groups = await Promise.all([...new Set(Object.values(GROUPS))].map(loadGroup));
    const extra = groups.flatMap(routesOf).filter((route) => !typed.has(route));
    expect(extra).toEqual([]);
  });

  it("answer unknown paths with the API's not-found error", async () => {
    for (const path of ["/api/nothing-here", "/api/health/more", "/api/auth/no-such-route", "/api", "/api/toString/x"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({ error: { code: "not_found" } });
    }
  });
});

describe("read-ahead with the session", () => {
  // A probe group whose one route reads a member through getOne, with a rule naming that key.
  const probe = routeGroup([
    {
      at: "/probe",
      routes: new Hono<AppEnv>()
        .get("/members/:userId", async (c) => {
          currentUser(c);
          const { user } = db().entities;
          const found = await getOne(user, user.get({ userId: c.req.param("userId") }));
          return c.json({ name: found?.name ?? null });
        })
        .post("/members/:userId", async (c) => {
          const { user } = db().entities;
          const found = await getOne(user, user.get({ userId: c.req.param("userId") }));
          return c.json({ name: found?.name ?? null });
        }),
      readAhead: [{ path: "/members/:userId", keys: ({ userId }) => [db().entities.user.get({ userId: userId! })] }],
    },
  ]);
  const reads = (calls: { command: string }[]) => calls.map((c) => c.command).filter((command) => /Get|Query|Scan/.test(command));

  async function call(cookie: string | undefined, method: "GET" | "POST", userId: string) {
    const meter = meterDynamo(dynamo() as never);
    const headers: Record<string, string> = { origin: ORIGIN, "content-type": "application/json" };
    if (cookie) headers.cookie = cookie;
    meter.calls = [];
    const res = await probe.request(`${ORIGIN}/api/probe/members/${userId}`, { method, headers, body: method === "POST" ? "{}" : undefined });
    return { status: res.status, body: await res.json(), reads: reads(meter.calls) };
  }

  it("fetches a signed-in member's route keys in the session's one BatchGetItem", async () => {
    const { browser } = await signedIn();
    const { user: other } = await signedIn();
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    await call(cookie, "GET", other.userId);
    const { status, body, reads: calls } = await call(cookie, "GET", other.userId);
    expect(status).toBe(200);
    expect(body).toEqual({ name: other.name });
    expect(calls).toEqual(["BatchGetItem"]);
  });

  it("reads as usual where no rule applies: a write, or a request without a valid session", async () => {
    const { browser, user } = await signedIn();
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const write = await call(cookie, "POST", user.userId);
    expect(write.body).toEqual({ name: user.name });
    expect(write.reads).toEqual(["BatchGetItem", "GetItem"]);

    // A forged secret beside a real member id: the session fails, nothing read along is used.
    const forged = cookie.replace(/\.[A-Za-z0-9_-]{43}/, `.${"A".repeat(43)}`);
    const guest = await call(forged, "GET", user.userId);
    expect(guest.status).toBe(401);
  });
});
