import { hc } from "hono/client";
import { app, type AppType } from "../src/app";

export const ORIGIN = "http://localhost:3000";

/**
 * Plays the part of one browser: keeps its cookies and sends the headers a same-origin fetch sends.
 * Requests go straight into the Hono app (app.request), no server or mocks in between.
 */
export class BrowserSession {
  readonly cookies = new Map<string, string>();
  readonly ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has("origin")) headers.set("origin", ORIGIN);
    headers.set("x-forwarded-for", this.ip);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
    const response = await app.request(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, value = ""] = pair!.split("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return response;
  };

  /** The typed client the web uses, bound to this browser. */
  readonly api = hc<AppType>(ORIGIN, { fetch: this.fetch }).api;

  /** A raw request, for inputs the typed client would not let through. */
  raw(path: string, init: RequestInit & { json?: unknown } = {}) {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    return this.fetch(`${ORIGIN}${path}`, { method: json !== undefined ? "POST" : "GET", ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  }
}
