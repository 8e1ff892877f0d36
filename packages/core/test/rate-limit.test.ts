import { describe, expect, it } from "vitest";
import { hit } from "../src/auth/rate-limit";
import { requestPasswordReset } from "../src/user/account";
import { HOUR } from "../src/time";
import { uniqueEmail } from "./mail";

describe("rate limits", () => {
  it("let exactly `max` of many concurrent attempts through", async () => {
    const key = `test:${Math.random()}`;
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => hit({ key, max: 5, windowMs: HOUR })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason.code === "rate_limited")).toBe(true);
  });

  it("limit password-reset requests per address across different accounts", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    await Promise.all(Array.from({ length: 20 }, () => requestPasswordReset(uniqueEmail("reset"), { ip })));
    await expect(requestPasswordReset(uniqueEmail("reset"), { ip })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
