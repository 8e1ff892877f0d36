import { afterEach, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { client } from "../src/api";

// fetch is stubbed: this pins what the browser sends, the real server is exercised elsewhere.
afterEach(() => vi.unstubAllGlobals());

describe("API client", () => {
  it("sends the body's SHA-256 with every write, as CloudFront's signed origin requests need", async () => {
    const seen: Headers[] = [];
    let body = "";
    vi.stubGlobal("fetch", async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers));
      body = String(init?.body);
      return new Response(JSON.stringify({ status: "check_email" }), { status: 202, headers: { "content-type": "application/json" } });
    });
    await client.api.auth["forgot-password"].$post({ json: { email: "a@example.org" } });
    expect(seen[0]?.get("x-amz-content-sha256")).toBe(createHash("sha256").update(body).digest("hex"));
    expect(seen[0]?.get("content-type")).toContain("application/json");
  });
});
