import { db } from "../src/db";
import { fold } from "../src/text";
import type { Role, UserItem } from "../src/user/user.entity";
import { fakeMember } from "./events-fixtures";

export const suffix = () => Math.random().toString(36).slice(2, 8);

/** A member stored in the table (no usable password), with a name unique to the test. */
export async function person(name = `Person ${suffix()}`, role: Role = "volunteer", status: UserItem["status"] = "approved"): Promise<UserItem> {
  const user = { ...fakeMember("person"), role, status, name, nameKey: fold(name), searchText: fold(name) };
  await db().entities.user.put(user).go();
  return user;
}

/** A town nobody else in the shared test table lives in. */
export const uniqueTown = () => `Testdorf ${suffix()}`;
