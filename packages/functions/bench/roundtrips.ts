// Round trips: DynamoDB calls and consumed capacity per API request of the main pages, counted
// at the client (a middleware that asks for ReturnConsumedCapacity), against a seeded table.
import { median, round } from "./stats";

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface Call {
  command: string;
  read: number;
  write: number;
}

export interface PageRequest {
  page: string;
  path: string;
}

export interface RoundTripFigure {
  page: string;
  request: string;
  roundTrips: number;
  commands: string;
  readUnits: number;
  writeUnits: number;
  scans: number;
  medianMs: number;
}

/** The API requests the web app makes for each main page (besides GET /api/auth/session on load). */
export async function mainPageRequests(get: (path: string) => Promise<Response>): Promise<PageRequest[]> {
  const events = (await (await get("/api/events?when=upcoming")).json()) as { events: { eventId: string }[] };
  const categories = (await (await get("/api/forum/categories")).json()) as { categories: { categoryId: string; threadCount: number }[] };
  const categoryId = categories.categories.find((c) => c.threadCount > 0)!.categoryId;
  const threads = (await (await get(`/api/forum/categories/${categoryId}/threads`)).json()) as { threads: { threadId: string }[] };
  const threadId = threads.threads[0]!.threadId;
  return [
    { page: "every page (session)", path: "/api/auth/session" },
    { page: "home (news)", path: "/api/news?status=published" },
    { page: "event list", path: "/api/events?when=upcoming" },
    { page: "event list (filters)", path: "/api/events/facets?when=upcoming" },
    { page: "event page", path: `/api/events/${events.events[0]!.eventId}` },
    { page: "forum home", path: "/api/forum/categories" },
    { page: "forum category", path: `/api/forum/categories/${categoryId}/threads` },
    { page: "thread", path: `/api/forum/threads/${threadId}` },
    { page: "thread (posts)", path: `/api/forum/threads/${threadId}/posts` },
    { page: "notification bell", path: "/api/forum/notifications/unread-count" },
    { page: "directory (people)", path: "/api/people" },
    { page: "members admin", path: "/api/members?status=approved" },
    { page: "my account", path: "/api/account" },
  ];
}

const units = (c: Consumed | Consumed[] | undefined, key: "read" | "write", command: string): number => {
  const list = Array.isArray(c) ? c : c ? [c] : [];
  return list.reduce((sum, x) => {
    const explicit = key === "read" ? x.ReadCapacityUnits : x.WriteCapacityUnits;
    if (explicit !== undefined) return sum + explicit;
    const isWrite = /Put|Update|Delete|Write/.test(command);
    return sum + ((key === "write") === isWrite ? (x.CapacityUnits ?? 0) : 0);
  }, 0);
};

type Stack = { middlewareStack: { add: (...args: never[]) => void } };
const meters = new WeakMap<object, { calls: Call[] }>();

/** Records every command the DynamoDB client sends with the capacity it consumed; `calls` is reset by the caller. */
export function meterDynamo(client: Stack): { calls: Call[] } {
  const existing = meters.get(client);
  if (existing) return existing;
  const meter = { calls: [] as Call[] };
  const add = client.middlewareStack.add as unknown as (
    mw: (next: (args: { input: Record<string, unknown> }) => Promise<{ output: { ConsumedCapacity?: Consumed | Consumed[] } }>, context: { commandName: string }) => (args: { input: Record<string, unknown> }) => Promise<unknown>,
    options: { step: string; name: string },
  ) => void;
  add(
    (next, context) => async (args) => {
      args.input.ReturnConsumedCapacity = "TOTAL";
      const result = await next(args);
      const consumed = result.output.ConsumedCapacity;
      meter.calls.push({ command: context.commandName.replace(/Command$/, ""), read: units(consumed, "read", context.commandName), write: units(consumed, "write", context.commandName) });
      return result;
    },
    { step: "initialize", name: "benchMeter" },
  );
  meters.set(client, meter);
  return meter;
}

/**
 * Counts the DynamoDB commands each request sends. Every request is sent `repeats` times after a
 * warm-up and the median taken, so the usage counters' occasional flush shows as what it costs
 * on average (a fraction), not as a round trip of every request.
 */
export async function measureRoundTrips(client: Stack, get: (path: string) => Promise<Response>, requests: PageRequest[], repeats = 9): Promise<RoundTripFigure[]> {
  const meter = meterDynamo(client);
  const figures: RoundTripFigure[] = [];
  for (const request of requests) {
    const res = await get(request.path);
    if (!res.ok) throw new Error(`${request.path} answered ${res.status}: ${await res.text()}`);
    const samples: { calls: Call[]; ms: number }[] = [];
    for (let i = 0; i < repeats; i++) {
      meter.calls = [];
      const t = performance.now();
      await (await get(request.path)).arrayBuffer();
      samples.push({ calls: meter.calls, ms: performance.now() - t });
    }
    const typical = samples.map((s) => s.calls).sort((a, b) => a.length - b.length)[repeats >> 1]!;
    const all = samples.flatMap((s) => s.calls);
    figures.push({
      page: request.page,
      request: `GET ${request.path.replace(/(evt|fca|fct|fth|fcat|thr|cat)_[0-9a-z]+/g, "$1_…")}`,
      roundTrips: median(samples.map((s) => s.calls.length)),
      commands: typical.map((c) => c.command).join(" + "),
      readUnits: round(all.reduce((s, c) => s + c.read, 0) / repeats, 2),
      writeUnits: round(all.reduce((s, c) => s + c.write, 0) / repeats, 2),
      scans: all.filter((c) => c.command === "Scan").length,
      medianMs: round(median(samples.map((s) => s.ms))),
    });
  }
  return figures;
}
