import { createMiddleware } from "hono/factory";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { config } from "@vernetzt/core/config";
import { VisibleError } from "@vernetzt/core/errors";
import { endSession, findSession, SESSION_LIFETIME_MS } from "@vernetzt/core/auth/session";
import { isStaff, twoFactorSetupRequired } from "@vernetzt/core/user/account";
import type { UserItem } from "@vernetzt/core/user/user.entity";
import { withReadAhead } from "@vernetzt/core/readahead";
import type { Context } from "hono";
import type { AppEnv } from "./env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Writes authorised by a secret in the URL instead of session and origin: RFC 8058 one-click
 * unsubscribe is a cookie-less form POST from the mail provider.
 */
const TOKEN_AUTHORISED_WRITES = ["/api/newsletter/unsubscribe"];

export function sessionCookieName(): string {
  return config().mode === "aws" ? "__Host-session" : "vernetzt_session";
}
export function challengeCookieName(): string {
  return config().mode === "aws" ? "__Host-signin_challenge" : "vernetzt_signin_challenge";
}

function cookieOptions(maxAgeSeconds: number) {
  const secure = config().mode === "aws";
  return {
    httpOnly: true,
    sameSite: "Lax" as const,
    path: "/",
    secure,
    maxAge: maxAgeSeconds,
    ...(secure ? { prefix: "host" as const } : {}),
  };
}

/** Cookie names already carry the `__Host-` prefix in AWS mode, so Hono is not asked to add it again. */
export function setAuthCookie(c: Context, name: string, value: string, maxAgeMs: number) {
  const { prefix: _prefix, ...options } = cookieOptions(Math.floor(maxAgeMs / 1000));
  setCookie(c, name, value, options);
}
export function clearAuthCookie(c: Context, name: string) {
  deleteCookie(c, name, { path: "/", secure: config().mode === "aws" });
}

export const SESSION_MAX_AGE_MS = SESSION_LIFETIME_MS;

/**
 * Cross-site request forgery guard for every state-changing request: it must come from the
 * platform's own origin and carry JSON (Hono's csrf middleware only looks at form posts).
 */
export const sameOriginJson = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || TOKEN_AUTHORISED_WRITES.includes(c.req.path)) return next();
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  const { appOrigin } = config();
  // Without a known origin (first AWS deploy) the browser's own Sec-Fetch-Site verdict decides.
  const sameOrigin = origin && appOrigin ? origin === appOrigin : fetchSite === "same-origin";
  if (!sameOrigin) throw new VisibleError("forbidden", "cross_origin", "Requests must come from the platform's own pages.");
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new VisibleError("invalid", "json_required", "Send the request body as JSON (Content-Type: application/json).");
  }
  await next();
});

/**
 * Resolves the session cookie to a member. A blocked member's session is ended on sight. Items
 * the route declared with `declareReadAhead` come in the same BatchGetItem and are handed to the
 * domain code once the session has proved valid.
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set("user", undefined);
  c.set("sessionToken", undefined);
  const token = getCookie(c, sessionCookieName());
  if (token) {
    const found = await findSession(token, c.get("readAhead"));
    const user = found?.user;
    if (user && user.status !== "blocked" && !user.deletingAt) {
      c.set("user", user);
      c.set("sessionToken", token);
      const { operations, items } = found.readAlong;
      return withReadAhead(operations, items, () => next());
    } else {
      if (found) await endSession(token);
      clearAuthCookie(c, sessionCookieName());
    }
  }
  await next();
});

export function currentUser(c: Context<AppEnv>): UserItem {
  const user = c.get("user");
  if (!user) throw new VisibleError("unauthorized", "not_signed_in", "Please sign in.");
  return user;
}

export function currentSession(c: Context<AppEnv>): string {
  currentUser(c);
  const token = c.get("sessionToken");
  if (!token) throw new VisibleError("unauthorized", "not_signed_in", "Please sign in.");
  return token;
}

/** Signed in; pending members may still use their own account pages. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  currentUser(c);
  await next();
});

/** An approved member of the network. */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  if (currentUser(c).status !== "approved") {
    throw new VisibleError("forbidden", "membership_pending", "Your membership has not been approved yet.");
  }
  await next();
});

/** A coordinator or admin, with two-factor sign-in on where the configuration requires it. */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  const user = currentUser(c);
  if (user.status !== "approved" || !isStaff(user.role)) {
    throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
  }
  if (twoFactorSetupRequired(user)) {
    throw new VisibleError("forbidden", "two_factor_setup_required", "Please turn on two-factor sign-in for your account first.");
  }
  await next();
});
