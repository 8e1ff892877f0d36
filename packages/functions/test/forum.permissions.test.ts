import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, inviteMember, requestMembership } from "@vernetzt/core/forum/groups";
import { reportPost } from "@vernetzt/core/forum/moderation";
import { sendReplyDigests } from "@vernetzt/core/forum/notify";
import { reply } from "@vernetzt/core/forum/posts";
import { category, group, member, storedMember, thread } from "../../core/test/forum-fixtures";
import { lastMailTo, tokenFrom } from "../../core/test/mail";
import { BrowserSession } from "./browser-session";
import { signedIn } from "./fixtures";

type Who = "guest" | "pending" | "volunteer" | "coordinator";
const WHO: Who[] = ["guest", "pending", "volunteer", "coordinator"];
type World = Awaited<ReturnType<typeof buildWorld>>;

interface Row {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: (w: World, who: Who) => string;
  body?: (w: World, who: Who) => unknown;
  expect: Record<Who, number>;
}

/** Approved members only; `volunteer` and `coordinator` are the statuses they get. */
const members = (volunteer: number, coordinator = volunteer) => ({ guest: 401, pending: 403, volunteer, coordinator });
/** Coordinators only. */
const staff = (coordinator: number) => ({ guest: 401, pending: 403, volunteer: 403, coordinator });
const everyone = (status: number) => ({ guest: status, pending: status, volunteer: status, coordinator: status });
/** A signed-in role's own item, else the volunteer's (guests and pending members are refused before it matters). */
const own = <T>(byRole: { volunteer: T; coordinator: T }, who: Who) => (who === "coordinator" ? byRole.coordinator : byRole.volunteer);

async function buildWorld() {
  const [coord, volunteer, pending] = await Promise.all([signedIn("coordinator"), signedIn("volunteer"), signedIn("volunteer", "pending")]);
  const browsers: Record<Who, BrowserSession> = { guest: new BrowserSession(), pending: pending.browser, volunteer: volunteer.browser, coordinator: coord.browser };
  const [starter, requester, roleTarget, removeTarget, inviteTarget] = await Promise.all([storedMember(), storedMember(), storedMember(), storedMember(), storedMember()]);
  const [cat, otherCat, emptyCat] = await Promise.all([category(coord.user), category(coord.user), category(coord.user)]);
  const { thread: t } = await thread(starter, cat.categoryId, "Wohnungssuche");
  const foreign = await reply(starter, t.threadId, { body: "Ein fremder Beitrag" });
  const victim = await reply(starter, t.threadId, { body: "Wird versteckt" });
  const ownPost = { volunteer: await reply(volunteer.user, t.threadId, { body: "Meiner" }), coordinator: await reply(coord.user, t.threadId, { body: "Meiner" }) };
  const report = await reportPost(member(), t.threadId, foreign.postId, "Bitte prüfen");
  const [g, invitingGroup] = await Promise.all([group(coord.user), group(coord.user)]);
  await requestMembership(requester, g.groupId);
  for (const m of [roleTarget, removeTarget]) {
    await inviteMember(coord.user, g.groupId, m.userId);
    await acceptInvitation(m, g.groupId);
  }
  for (const u of [volunteer.user, coord.user]) await inviteMember(coord.user, invitingGroup.groupId, u.userId);
  await sendReplyDigests();
  const token = tokenFrom(await lastMailTo(starter.email, /Neue Beiträge/), "/forum/unsubscribe");
  return { browsers, cat, otherCat, emptyCat, t, foreign, victim, ownPost, report, g, invitingGroup, requester, roleTarget, removeTarget, inviteTarget, token };
}

const ROUTES: Record<string, Row> = {
  "GET categories": { method: "GET", path: () => "/api/forum/categories", expect: members(200) },
  "POST categories": { method: "POST", path: () => "/api/forum/categories", body: () => ({ name: "Neue Kategorie" }), expect: staff(201) },
  "GET category": { method: "GET", path: (w) => `/api/forum/categories/${w.cat.categoryId}`, expect: members(200) },
  "PATCH category": { method: "PATCH", path: (w) => `/api/forum/categories/${w.cat.categoryId}`, body: () => ({ description: "Neu" }), expect: staff(200) },
  "DELETE category": { method: "DELETE", path: (w) => `/api/forum/categories/${w.emptyCat.categoryId}`, body: () => ({}), expect: staff(200) },
  "GET threads": { method: "GET", path: (w) => `/api/forum/categories/${w.cat.categoryId}/threads`, expect: members(200) },
  "POST thread": { method: "POST", path: (w) => `/api/forum/categories/${w.cat.categoryId}/threads`, body: () => ({ title: "Eine Frage", body: "Text" }), expect: members(201) },
  "GET thread": { method: "GET", path: (w) => `/api/forum/threads/${w.t.threadId}`, expect: members(200) },
  "PATCH thread (not the author)": { method: "PATCH", path: (w) => `/api/forum/threads/${w.t.threadId}`, body: () => ({ title: "Wohnungssuche im Landkreis" }), expect: members(403, 200) },
  "GET posts": { method: "GET", path: (w) => `/api/forum/threads/${w.t.threadId}/posts`, expect: members(200) },
  "POST reply": { method: "POST", path: (w) => `/api/forum/threads/${w.t.threadId}/posts`, body: (w) => ({ body: "Antwort", quotedPostId: w.foreign.postId }), expect: members(201) },
  "PATCH own post": { method: "PATCH", path: (w, who) => `/api/forum/threads/${w.t.threadId}/posts/${own(w.ownPost, who).postId}`, body: () => ({ body: "Geändert" }), expect: members(200) },
  "PATCH someone else's post": { method: "PATCH", path: (w) => `/api/forum/threads/${w.t.threadId}/posts/${w.foreign.postId}`, body: () => ({ body: "Fremd" }), expect: members(403) },
  "DELETE own post": { method: "DELETE", path: (w, who) => `/api/forum/threads/${w.t.threadId}/posts/${own(w.ownPost, who).postId}`, body: () => ({}), expect: members(200) },
  "DELETE someone else's post": { method: "DELETE", path: (w) => `/api/forum/threads/${w.t.threadId}/posts/${w.foreign.postId}`, body: () => ({}), expect: members(403) },
  "POST read": { method: "POST", path: (w) => `/api/forum/threads/${w.t.threadId}/read`, body: (w) => ({ postId: w.foreign.postId }), expect: members(200) },
  "PUT follow": { method: "PUT", path: (w) => `/api/forum/threads/${w.t.threadId}/follow`, body: () => ({ following: true }), expect: members(200) },
  "POST report": { method: "POST", path: (w) => `/api/forum/threads/${w.t.threadId}/posts/${w.foreign.postId}/report`, body: () => ({ reason: "Unpassend" }), expect: members(201) },
  "POST moderate thread": { method: "POST", path: (w) => `/api/forum/threads/${w.t.threadId}/moderate`, body: () => ({ action: "pin", reason: "Wichtig" }), expect: staff(200) },
  "POST move thread": { method: "POST", path: (w) => `/api/forum/threads/${w.t.threadId}/move`, body: (w) => ({ categoryId: w.otherCat.categoryId }), expect: staff(200) },
  "POST moderate post": { method: "POST", path: (w) => `/api/forum/threads/${w.t.threadId}/posts/${w.victim.postId}/moderate`, body: () => ({ action: "hide" }), expect: staff(200) },
  "GET reports": { method: "GET", path: () => "/api/forum/reports?status=open", expect: staff(200) },
  "POST resolve report": { method: "POST", path: (w) => `/api/forum/reports/${w.report.reportId}/resolve`, body: () => ({ outcome: "dismissed" }), expect: staff(200) },
  "GET moderation log": { method: "GET", path: () => "/api/forum/moderation-log", expect: staff(200) },
  "GET search": { method: "GET", path: () => "/api/forum/search?q=wohnung", expect: members(200) },
  "GET mentions": { method: "GET", path: () => "/api/forum/mentions?q=Mit", expect: members(200) },
  "GET notifications": { method: "GET", path: () => "/api/forum/notifications", expect: members(200) },
  "GET unread count": { method: "GET", path: () => "/api/forum/notifications/unread-count", expect: members(200) },
  "POST notifications read": { method: "POST", path: () => "/api/forum/notifications/read", body: () => ({}), expect: members(200) },
  "GET settings": { method: "GET", path: () => "/api/forum/settings", expect: members(200) },
  "PUT settings": { method: "PUT", path: () => "/api/forum/settings", body: () => ({ emailNotifications: true }), expect: members(200) },
  "GET groups": { method: "GET", path: () => "/api/forum/groups", expect: members(200) },
  "POST group": { method: "POST", path: () => "/api/forum/groups", body: () => ({ name: "Neue Gruppe" }), expect: staff(201) },
  "GET group": { method: "GET", path: (w) => `/api/forum/groups/${w.g.groupId}`, expect: members(200) },
  "PATCH group": { method: "PATCH", path: (w) => `/api/forum/groups/${w.g.groupId}`, body: () => ({ description: "Neu" }), expect: staff(200) },
  "GET group members (not a member)": { method: "GET", path: (w) => `/api/forum/groups/${w.g.groupId}/members`, expect: members(404, 200) },
  "POST group invitation": { method: "POST", path: (w) => `/api/forum/groups/${w.g.groupId}/invitations`, body: (w) => ({ userId: w.inviteTarget.userId }), expect: members(403, 201) },
  "POST approve request": { method: "POST", path: (w) => `/api/forum/groups/${w.g.groupId}/members/${w.requester.userId}/approve`, body: () => ({}), expect: members(403, 200) },
  "PUT group role": { method: "PUT", path: (w) => `/api/forum/groups/${w.g.groupId}/members/${w.roleTarget.userId}/role`, body: () => ({ role: "moderator" }), expect: staff(200) },
  "DELETE group member": { method: "DELETE", path: (w) => `/api/forum/groups/${w.g.groupId}/members/${w.removeTarget.userId}`, body: () => ({}), expect: members(403, 200) },
  "POST request membership": { method: "POST", path: (w) => `/api/forum/groups/${w.g.groupId}/request`, body: () => ({}), expect: members(200) },
  "POST accept invitation": { method: "POST", path: (w) => `/api/forum/groups/${w.invitingGroup.groupId}/accept`, body: () => ({}), expect: members(200) },
  "POST leave group": { method: "POST", path: (w) => `/api/forum/groups/${w.invitingGroup.groupId}/leave`, body: () => ({}), expect: members(200) },
  "GET unsubscribe (no sign-in)": { method: "GET", path: (w) => `/api/forum/unsubscribe?token=${w.token}`, expect: everyone(200) },
  "POST unsubscribe (no sign-in)": { method: "POST", path: () => "/api/forum/unsubscribe", body: (w) => ({ token: w.token }), expect: everyone(200) },
};

describe("forum routes: who may do what", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("answers every route as the table says for guests, pending members, volunteers and coordinators", async () => {
    const mismatches: string[] = [];
    for (const [name, row] of Object.entries(ROUTES)) {
      for (const who of WHO) {
        const res = await world.browsers[who].raw(row.path(world, who), { method: row.method, json: row.body?.(world, who) });
        if (res.status !== row.expect[who]) mismatches.push(`${name} as ${who}: ${res.status} (expected ${row.expect[who]}) ${await res.text()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("covers every forum route in the table", async () => {
    const { forumRoutes } = await import("../src/routes/forum");
    const registered = new Set(forumRoutes.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    const tested = new Set(
      Object.values(ROUTES).map((row) => {
        const path = row
          .path(world, "volunteer")
          .replace(/\?.*$/, "")
          .replace(/^\/api\/forum/, "")
          .replace(/fca_[0-9a-z]{26}/, ":categoryId")
          .replace(/thr_[0-9a-z]{26}/, ":threadId")
          .replace(/pst_[0-9a-z]{26}/, ":postId")
          .replace(/fgr_[0-9a-z]{26}/, ":groupId")
          .replace(/frp_[0-9a-z]{26}/, ":reportId")
          .replace(/usr_[0-9a-z]{26}/, ":userId");
        return `${row.method} ${path}`;
      }),
    );
    expect(registered.size).toBeGreaterThanOrEqual(40);
    expect([...registered].filter((r) => !tested.has(r))).toEqual([]);
  });
});
