import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import { VisibleError } from "@vernetzt/core/errors";
import { exportPersonalData } from "@vernetzt/core/privacy/export";
import { eraseAccount, eraseAccountByAdmin } from "@vernetzt/core/privacy/erase";
import { AdminDeleteInput, DeleteAccountInput } from "@vernetzt/core/privacy/schema";
import { hit } from "@vernetzt/core/auth/rate-limit";
import { MINUTE } from "@vernetzt/core/time";
import { verifyPassword } from "@vernetzt/core/user/password";
import type { AppEnv } from "../env";
import { clearAuthCookie, currentUser, requireStaff, requireUser, sessionCookieName } from "../middleware";
import { invalidInput } from "../validate";

const MemberParam = v.object({ userId: v.pipe(v.string(), v.regex(/^usr_[0-9a-z]{26}$/, "invalid_id")) });

export const privacyRoutes = new Hono<AppEnv>()
  .get("/export", requireUser, async (c) => {
    const user = currentUser(c);
    const data = await exportPersonalData(user.userId);
    const day = new Date().toISOString().slice(0, 10);
    return c.body(JSON.stringify(data, null, 2), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="vernetzt-meine-daten-${day}.json"`,
    });
  })
  .post("/delete", requireUser, sValidator("json", DeleteAccountInput, invalidInput), async (c) => {
    const user = currentUser(c);
    const { password, removePosts } = c.req.valid("json");
    await hit({ key: `delete:acct:${user.userId}`, max: 5, windowMs: 15 * MINUTE });
    if (!(await verifyPassword(password, user.passwordHash))) {
      throw new VisibleError("invalid", "wrong_password", "The password is not correct.", { password: "wrong_password" });
    }
    await eraseAccount(user.userId, { removePosts });
    clearAuthCookie(c, sessionCookieName());
    return c.json({ status: "deleted" as const });
  })
  .post("/members/:userId/delete", requireStaff, sValidator("param", MemberParam, invalidInput), sValidator("json", AdminDeleteInput, invalidInput), async (c) => {
    await eraseAccountByAdmin(currentUser(c), c.req.valid("param").userId, c.req.valid("json"));
    return c.json({ status: "deleted" as const });
  });
