import { createUser } from "@vernetzt/core/user/account";
import type { Role } from "@vernetzt/core/user/user.entity";
import { uniqueEmail } from "../../core/test/mail";
import { BrowserSession } from "./browser-session";

export const PASSWORD = "Sonnenblumen im Garten";

/** A member created directly in core, and a browser signed in as them. */
export async function signedIn(role: Role = "volunteer", status: "approved" | "pending" = "approved") {
  const email = uniqueEmail(role);
  const user = await createUser({ name: `Test ${role}`, email, password: PASSWORD, role, status, emailVerified: true });
  if (!user) throw new Error("fixture user not created");
  const browser = new BrowserSession();
  const res = await browser.api.auth.signin.$post({ json: { email, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`fixture sign-in failed: ${res.status} ${await res.text()}`);
  return { user, browser };
}
