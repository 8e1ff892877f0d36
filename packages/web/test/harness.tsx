// Component tests stub `fetch` with canned API answers; the real server is exercised by the functions package's tests.
import { render, screen, waitFor } from "@solidjs/testing-library";
import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { vi } from "vitest";
import { appRoutes } from "../src/App";
import { Layout } from "../src/components/Layout";
import { SessionProvider, type Account } from "../src/session";

export interface ApiCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

type Handler = (call: ApiCall) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>): Response {
  return json(status, { error: fields ? { code, message, fields } : { code, message } });
}

/** Replaces fetch with answers keyed by "METHOD /path"; returns the list of calls made. */
export function stubApi(routes: Record<string, Handler>): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = init?.method ?? "GET";
    const text = typeof init?.body === "string" ? init.body : undefined;
    const call: ApiCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: text === undefined ? undefined : JSON.parse(text),
      headers: new Headers(init?.headers),
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    return handler ? handler(call) : apiError(404, "not_found", `No stub for ${method} ${url.pathname}.`);
  });
  return calls;
}

export function account(overrides: Partial<Account> = {}): Account {
  return {
    userId: "usr_01jd0000000000000000000001",
    name: "Amira Haddad",
    email: "amira@example.org",
    role: "volunteer",
    status: "approved",
    locale: "de",
    emailVerified: true,
    twoFactorEnabled: false,
    twoFactorSetupRequired: false,
    recoveryCodesLeft: 0,
    mayWriteNews: false,
    createdAt: "2026-11-01T09:00:00.000Z",
    ...overrides,
  };
}

/** The whole app (header, routes, session) at `path`, in a memory router. */
export function renderApp(path: string) {
  const history = createMemoryHistory();
  history.set({ value: path });
  const result = render(() => (
    <SessionProvider>
      <MemoryRouter root={Layout} history={history}>
        {appRoutes()}
      </MemoryRouter>
    </SessionProvider>
  ));
  return { ...result, history };
}

/** Waits until an alert (a form's error summary or a page error) says something, and returns that. */
export async function alertText(): Promise<string> {
  let text = "";
  await waitFor(() => {
    text = screen
      .getAllByRole("alert")
      .map((el) => el.textContent ?? "")
      .join(" ")
      .trim();
    if (!text) throw new Error("No alert has text yet.");
  });
  return text;
}
