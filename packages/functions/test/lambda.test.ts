import { describe, expect, it } from "vitest";
import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { handler } from "../src/lambda";

function urlEvent(method: string, path: string, headers: Record<string, string> = {}, body: string | null = null): LambdaEvent {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "example.lambda-url.eu-central-1.on.aws", ...headers },
    requestContext: {
      accountId: "123456789012",
      authentication: null,
      authorizer: {},
      apiId: "example",
      domainName: "example.lambda-url.eu-central-1.on.aws",
      domainPrefix: "example",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "test" },
      requestId: "req-1",
      routeKey: "$default",
      stage: "$default",
      time: "22/Nov/2026:12:00:00 +0000",
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

describe("Lambda entry point", () => {
  it("serves the Hono app to a Function URL event", async () => {
    const result = await handler(urlEvent("GET", "/api/health"), {} as LambdaContext);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "")).toMatchObject({ status: "ok" });
  });

  it("applies the same guards as locally", async () => {
    const result = await handler(
      urlEvent("POST", "/api/auth/signin", { "content-type": "application/json", origin: "https://evil.example" }, "{}"),
      {} as LambdaContext,
    );
    expect(result.statusCode).toBe(403);
  });
});
