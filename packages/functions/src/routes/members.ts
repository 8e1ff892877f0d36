import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Members from "@vernetzt/core/member/members";
import { EmptyInput, MemberListQuery, RoleInput } from "@vernetzt/core/user/schema";
import { NewsPermissionInput } from "@vernetzt/core/newsletter/schema";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { currentUser, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const MemberParam = v.object({ userId: v.pipe(v.string(), v.regex(/^usr_[0-9a-z]{26}$/, "invalid_id")) });
const StatusAction = v.object({
  userId: MemberParam.entries.userId,
  action: v.picklist(["approve", "block", "unblock"], "invalid_choice"),
});
const STATUS_FOR = { approve: "approved", block: "blocked", unblock: "approved" } as const;

const actor = (c: Context<AppEnv>): Members.Actor => {
  const { userId, role } = currentUser(c);
  return { userId, role };
};

export const memberRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/counts", async (c) => c.json({ counts: await Members.memberCounts(actor(c)) }))
  .get("/", sValidator("query", MemberListQuery, invalidInput), async (c) => {
    return c.json(await Members.listMembers(actor(c), c.req.valid("query")));
  })
  .post("/:userId/:action{approve|block|unblock}", sValidator("param", StatusAction, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { userId, action } = c.req.valid("param");
    return c.json({ member: await Members.setStatus(actor(c), userId, STATUS_FOR[action]) });
  })
  .post("/:userId/role", sValidator("param", MemberParam, invalidInput), sValidator("json", RoleInput, invalidInput), async (c) => {
    return c.json({ member: await Members.setRole(actor(c), c.req.valid("param").userId, c.req.valid("json").role) });
  })
  .post("/:userId/news-permission", sValidator("param", MemberParam, invalidInput), sValidator("json", NewsPermissionInput, invalidInput), async (c) => {
    return c.json({ member: await Members.setNewsPermission(actor(c), c.req.valid("param").userId, c.req.valid("json").allowed) });
  });
