import { describe, expect, it } from "vitest";
import { signUp, verifyEmail, signIn } from "../src/user/account";
import { lastMailTo, tokenFrom, uniqueEmail } from "./mail";

describe("smoke", () => {
  it("signs up, verifies and signs in", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Test Person", email, password: "a good long passphrase" }, { ip: "1.1.1.1" });
    const mail = await lastMailTo(email);
    const account = await verifyEmail(tokenFrom(mail, "/verify"));
    expect(account.status).toBe("pending");
    const result = await signIn(email, "a good long passphrase", { ip: "1.1.1.1" });
    expect(result.kind).toBe("session");
  });
});
