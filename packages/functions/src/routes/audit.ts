import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import { listAudit } from "@vernetzt/core/audit/audit";
import type { AppEnv } from "../env";
import { currentUser, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const AuditQuery = v.strictObject(
  {
    actorId: v.optional(v.pipe(v.string(), v.regex(/^usr_[0-9a-z]{26}$/, "invalid_id"))),
    targetId: v.optional(v.pipe(v.string(), v.maxLength(100, "too_long"))),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "too_long"))),
  },
  "unknown_field",
);

export const auditRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/", sValidator("query", AuditQuery, invalidInput), async (c) => c.json(await listAudit(currentUser(c), c.req.valid("query"))));
