import { randomBytes } from "node:crypto";
import { createUser } from "./user/account";

export interface SeedResult {
  email: string;
  password: string;
}

const DEMO_MEMBERS = [
  { name: "Amira Haddad", email: "amira.haddad@example.org", status: "approved" },
  { name: "Jonas Becker", email: "jonas.becker@example.org", status: "approved" },
  { name: "Fatma Yılmaz", email: "fatma.yilmaz@example.org", status: "pending" },
  { name: "Lena Schäfer", email: "lena.schaefer@example.org", status: "pending" },
] as const;

/**
 * First-start content for local mode: the coordination office's account (role admin, so it can also
 * assign roles) and a few demo volunteers, two of them waiting for approval.
 */
export async function seedDemo(): Promise<SeedResult> {
  const password = randomBytes(12).toString("base64url");
  const email = "koordination@vernetzt.local";
  await createUser({ name: "Koordination Vernetzt", email, password, role: "admin", status: "approved", emailVerified: true });
  await Promise.all(
    DEMO_MEMBERS.map((m) =>
      createUser({ ...m, password: randomBytes(12).toString("base64url"), emailVerified: true }),
    ),
  );
  return { email, password };
}
