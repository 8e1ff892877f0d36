import { describe, expect, it } from "vitest";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

describe("member administration routes", () => {
  it("guests, pending members and volunteers are kept out", async () => {
    const guest = await new BrowserSession().api.members.$get({ query: {} });
    expect(guest.status).toBe(401);
    const { browser: pending } = await signedIn("volunteer", "pending");
    expect((await pending.api.members.$get({ query: {} })).status).toBe(403);
    const { browser: volunteer, user: self } = await signedIn("volunteer");
    expect((await volunteer.api.members.$get({ query: {} })).status).toBe(403);
    const approve = await volunteer.api.members[":userId"][":action{approve|block|unblock}"].$post({ param: { userId: self.userId, action: "approve" }, json: {} });
    expect(approve.status).toBe(403);
  });

  it("a coordinator approves a pending member, who can then use member routes", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const { user, browser: member } = await signedIn("volunteer", "pending");
    const list = await coordinator.api.members.$get({ query: { status: "pending", q: user.email } });
    expect((await list.json()).members.map((m) => m.userId)).toEqual([user.userId]);
    const res = await coordinator.api.members[":userId"][":action{approve|block|unblock}"].$post({ param: { userId: user.userId, action: "approve" }, json: {} });
    expect(await res.json()).toMatchObject({ member: { status: "approved" } });
    expect((await (await member.api.auth.session.$get()).json()).account?.status).toBe("approved");
  });

  it("blocking a member signs them out at once", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const { user, browser: member } = await signedIn("volunteer");
    expect((await member.api.account.$get()).status).toBe(200);
    await coordinator.api.members[":userId"][":action{approve|block|unblock}"].$post({ param: { userId: user.userId, action: "block" }, json: {} });
    expect((await member.api.account.$get()).status).toBe(401);
  });

  it("counts members per status for the tabs", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const before = (await (await coordinator.api.members.counts.$get()).json()).counts;
    await signedIn("volunteer", "pending");
    const after = (await (await coordinator.api.members.counts.$get()).json()).counts;
    expect(after.pending).toBe(before.pending + 1);
    expect((await (await signedIn("volunteer")).browser.api.members.counts.$get()).status).toBe(403);
  });

  it("only admins change roles", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const { browser: admin } = await signedIn("admin");
    const { user } = await signedIn("volunteer");
    const denied = await coordinator.api.members[":userId"].role.$post({ param: { userId: user.userId }, json: { role: "coordinator" } });
    expect(denied.status).toBe(403);
    const granted = await admin.api.members[":userId"].role.$post({ param: { userId: user.userId }, json: { role: "coordinator" } });
    expect(await granted.json()).toMatchObject({ member: { role: "coordinator" } });
  });

  it("rejects bad ids, statuses and roles with 400", async () => {
    const { browser: admin } = await signedIn("admin");
    expect((await admin.raw("/api/members?status=sleeping")).status).toBe(400);
    expect((await admin.raw("/api/members?status=pending&limit=5")).status).toBe(400);
    expect((await admin.raw("/api/members/usr_nope/approve", { json: {} })).status).toBe(400);
    const { user } = await signedIn("volunteer");
    const res = await admin.raw(`/api/members/${user.userId}/role`, { json: { role: "king" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { role: "invalid_choice" } } });
    expect((await admin.raw(`/api/members?status=pending&cursor=garbage`)).status).toBe(400);
  });
});
