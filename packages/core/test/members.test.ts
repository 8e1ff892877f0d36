import { describe, expect, it } from "vitest";
import { createUser, getUser } from "../src/user/account";
import { createSession, findSession } from "../src/auth/session";
import { listMembers, promoteToAdmin, setRole, setStatus, type Actor } from "../src/member/members";
import { lastMailTo, uniqueEmail } from "./mail";
import { ulid } from "ulid";
import { db } from "../src/db";
import { fold } from "../src/text";

const PASSWORD = "Sonnenblumen im Garten";

async function member(role: "volunteer" | "coordinator" | "admin", status: "pending" | "approved" = "approved", name = `${role} ${Math.random().toString(36).slice(2, 8)}`) {
  const user = await createUser({ name, email: uniqueEmail(role), password: PASSWORD, role, status, emailVerified: true });
  return user!;
}
/** A member written straight to the table: pagination needs many, and hashing 60 passwords is slow. */
async function listedMember(name: string, status: "pending" | "approved") {
  const email = uniqueEmail("listed");
  const now = new Date().toISOString();
  const userId = `usr_${ulid().toLowerCase()}`;
  await db()
    .entities.user.create({ userId, email, emailKey: email, name, nameKey: fold(name), searchText: `${fold(name)} ${email}`, passwordHash: "unusable", passwordChangedAt: now, role: "volunteer", status, emailVerified: true, locale: "de", createdAt: now, totpEnabled: false })
    .go();
}

const actorOf = (u: { userId: string; role: Actor["role"] }): Actor => ({ userId: u.userId, role: u.role });

describe("member administration", () => {
  it("coordinators approve pending members, who are told by mail", async () => {
    const coordinator = await member("coordinator");
    const pending = await member("volunteer", "pending");
    const view = await setStatus(actorOf(coordinator), pending.userId, "approved");
    expect(view.status).toBe("approved");
    expect((await getUser(pending.userId))?.statusChangedBy).toBe(coordinator.userId);
    await lastMailTo(pending.email, /Willkommen/);
  });

  it("blocking ends every session of the member at once", async () => {
    const coordinator = await member("coordinator");
    const volunteer = await member("volunteer");
    const sessions = [await createSession(volunteer.userId), await createSession(volunteer.userId)];
    await setStatus(actorOf(coordinator), volunteer.userId, "blocked");
    for (const s of sessions) expect(await findSession(s)).toBeUndefined();
  });

  it("only admins change roles or touch staff; nobody changes themself", async () => {
    const coordinator = await member("coordinator");
    const admin = await member("admin");
    const volunteer = await member("volunteer");
    await expect(setRole(actorOf(coordinator), volunteer.userId, "coordinator")).rejects.toMatchObject({ code: "forbidden" });
    await expect(setStatus(actorOf(coordinator), admin.userId, "blocked")).rejects.toMatchObject({ code: "forbidden" });
    await expect(setStatus(actorOf(volunteer), coordinator.userId, "blocked")).rejects.toMatchObject({ code: "forbidden" });
    await expect(setRole(actorOf(admin), admin.userId, "volunteer")).rejects.toMatchObject({ code: "not_yourself" });
    expect((await setRole(actorOf(admin), volunteer.userId, "coordinator")).role).toBe("coordinator");
  });

  it("lists members by status in name order and finds them by name or address, umlauts and case folded", async () => {
    const admin = await member("admin");
    const tag = Math.random().toString(36).slice(2, 8);
    await member("volunteer", "pending", `Zoe Ärztin ${tag}`);
    await member("volunteer", "pending", `Anna Özdemir ${tag}`);
    const found = await listMembers(actorOf(admin), { status: "pending", q: tag });
    expect(found.members.map((m) => m.name)).toEqual([`Anna Özdemir ${tag}`, `Zoe Ärztin ${tag}`]);
    const byUmlaut = await listMembers(actorOf(admin), { status: "pending", q: `ÄRZTIN ${tag}` });
    expect(byUmlaut.members.map((m) => m.name)).toEqual([`Zoe Ärztin ${tag}`]);
    const approvedOnly = await listMembers(actorOf(admin), { status: "approved", q: tag });
    expect(approvedOnly.members).toHaveLength(0);
  });

  it("pages through members with a cursor, each exactly once", async () => {
    const admin = await member("admin");
    const tag = `page${Math.random().toString(36).slice(2, 8)}`;
    await Promise.all(Array.from({ length: 55 }, (_, i) => listedMember(`${tag} ${String(i).padStart(2, "0")}`, "pending")));
    // Other pending members share the index: search pages must still come full.
    await Promise.all(Array.from({ length: 10 }, (_, i) => listedMember(`other ${tag.slice(4)} ${i}`, "pending")));
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMembers(actorOf(admin), { status: "pending", q: tag, cursor });
      seen.push(...page.members.map((m) => m.name));
      sizes.push(page.members.length);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(sizes.slice(0, 2)).toEqual([50, 5]);
    expect(seen).toEqual(Array.from({ length: 55 }, (_, i) => `${tag} ${String(i).padStart(2, "0")}`));
  }, 120_000);

  it("refuses volunteers", async () => {
    const volunteer = await member("volunteer");
    await expect(listMembers(actorOf(volunteer), { status: "pending" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the maintenance promotion makes a verified account an approved admin, and only that", async () => {
    const pending = await member("volunteer", "pending");
    expect(await promoteToAdmin(pending.email.toUpperCase())).toMatchObject({ role: "admin", status: "approved" });
    const listed = await listMembers({ userId: pending.userId, role: "admin" }, { status: "approved", q: pending.email });
    expect(listed.members.map((m) => m.userId)).toEqual([pending.userId]);
    const unverified = await createUser({ name: "Unverified", email: uniqueEmail(), password: PASSWORD });
    await expect(promoteToAdmin(unverified!.email)).rejects.toMatchObject({ code: "email_not_verified" });
    await expect(promoteToAdmin(uniqueEmail())).rejects.toMatchObject({ code: "member_not_found" });
  });
});
