import { db } from "../src/db";
import { createCategory } from "../src/forum/categories";
import { createGroup } from "../src/forum/groups";
import type { CategoryInput } from "../src/forum/schema";
import { createThread } from "../src/forum/threads";
import { fold } from "../src/text";
import type { Role, UserItem } from "../src/user/user.entity";
import { fakeMember } from "./events-fixtures";

const suffix = () => Math.random().toString(36).slice(2, 8);

/** A member as core sees them; nothing stored, so no scrypt cost. */
export function member(role: Role = "volunteer", status: UserItem["status"] = "approved"): UserItem {
  return { ...fakeMember(role), role, status, name: `${role === "volunteer" ? "Helfer" : "Koordination"} ${suffix()}` };
}

/** A member stored in the table (without a usable password), for mentions and mail. */
export async function storedMember(name = `Mitglied ${suffix()}`, role: Role = "volunteer"): Promise<UserItem> {
  const user = { ...fakeMember("stored"), role, name, nameKey: fold(name), searchText: fold(name) };
  await db().entities.user.put(user).go();
  return user;
}

export const coordinator = () => member("coordinator");

export async function category(actor: UserItem, overrides: Partial<CategoryInput> = {}) {
  return createCategory(actor, { name: `Austausch ${suffix()}`, description: "Fragen und Antworten", position: 0, postingPolicy: "members", ...overrides });
}

export async function group(actor: UserItem) {
  return createGroup(actor, { name: `Supervision ${suffix()}`, description: "Gruppensupervision" });
}

export async function thread(author: UserItem, categoryId: string, title = `Thema ${suffix()}`, body = "Erster Beitrag") {
  return createThread(author, categoryId, { title, body });
}
