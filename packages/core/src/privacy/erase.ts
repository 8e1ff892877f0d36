import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { sendMail } from "../mail/send";
import { renderMail } from "../mail/templates";
import { nowIso } from "../time";
import { endAllSessions } from "../auth/session";
import { auditRecord } from "../audit/audit";
import { getUser } from "../user/account";
import type { Role } from "../user/user.entity";
import { FORMER_MEMBER_ID } from "./former";
import { contributors } from "./registry";

export interface EraseOptions {
  /** Also remove the member's forum posts instead of showing them as "former member". */
  removePosts: boolean;
}

/**
 * Erases a member everywhere. Crash-safe: the account is first marked "deleting" (unusable from
 * that moment, sessions ended), then every contributor erases idempotently, and only then the user
 * and its e-mail owner go. A run that dies half way is finished by running it again.
 */
export async function eraseAccount(userId: string, options: EraseOptions, by: { actorId: string } = { actorId: userId }): Promise<void> {
  const user = await getUser(userId);
  if (!user) return;
  if (!user.deletingAt) await db().entities.user.patch({ userId }).set({ deletingAt: nowIso() }).go();
  await endAllSessions(userId);
  for (const contributor of contributors) await contributor.erase(userId, options);
  const actorId = by.actorId === userId ? FORMER_MEMBER_ID : by.actorId;
  await db()
    .transaction.write(({ user: users, emailOwner, audit }) => [
      users.delete({ userId }).commit(),
      emailOwner.delete({ emailKey: user.emailKey }).where((attr, op) => op.eq(attr.userId, userId)).commit(),
      audit.create(auditRecord(actorId, "account_deleted", FORMER_MEMBER_ID, by.actorId === userId ? "self" : "by_admin")).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      // The address was already released by an earlier run: only the user remains.
      if (conditionFailed(err)) return db().entities.user.delete({ userId }).go();
      throw err;
    });
  await sendMail({ to: user.email, ...renderMail("accountDeleted", user.locale, { name: user.name }) }).catch(() => {
    // The account is gone either way; a lost goodbye mail is not worth failing the request.
  });
}

/** Admins delete a member's account (e.g. on a request by letter); coordinators and admins are protected from each other. */
export async function eraseAccountByAdmin(actor: { userId: string; role: Role }, userId: string, options: EraseOptions): Promise<void> {
  if (actor.role !== "admin") throw new VisibleError("forbidden", "forbidden", "Only admins may delete accounts.");
  if (actor.userId === userId) throw new VisibleError("forbidden", "not_yourself", "Delete your own account on your account page.");
  const target = await getUser(userId);
  if (!target) throw new VisibleError("not_found", "member_not_found", "No such member.");
  if (target.role === "admin") throw new VisibleError("forbidden", "forbidden", "An admin account must first be made a volunteer account.");
  await eraseAccount(userId, options, { actorId: actor.userId });
}
