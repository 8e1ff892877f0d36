import { describe, expect, it } from "vitest";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

describe("usage route", () => {
  it("is for admins only: guests, volunteers and coordinators are kept out", async () => {
    expect((await new BrowserSession().api.usage.$get()).status).toBe(401);
    const { browser: volunteer } = await signedIn("volunteer");
    expect((await volunteer.api.usage.$get()).status).toBe(403);
    const { browser: coordinator } = await signedIn("coordinator");
    expect((await coordinator.api.usage.$get()).status).toBe(403);
  });

  it("shows an admin this month's requests, active members, stored data and the estimated bill", async () => {
    const { browser: admin } = await signedIn("admin");
    const first = await (await admin.api.usage.$get()).json();
    await admin.api.account.$get();
    const second = await (await admin.api.usage.$get()).json();
    // The account request and the second usage request itself, counted before it answered.
    expect(second.apiRequests - first.apiRequests).toBeGreaterThanOrEqual(2);
    expect(second.activeMembers).toBeGreaterThanOrEqual(1);
    expect(second.storedItems).toBeGreaterThan(0);
    expect(second.cost.totalUsd).toBeGreaterThanOrEqual(0);
    expect(second.cost.lines).toHaveLength(6);
  });
});
