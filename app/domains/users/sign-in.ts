// Signing in with a password, shared by /accounts/login/ and /admin/login/: the throttle
// per account name and IP, the credential check, and the new session with its cookie.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { clientIp } from "../../core/auth/client-ip.ts";
import { SESSION_COOKIE, setSessionCookie, type SessionStore } from "../../core/auth/sessions.ts";
import type { LoginThrottle } from "../../core/auth/throttle.ts";
import { AppError } from "../../core/errors.ts";
import type { AppEnv, CurrentUser } from "../../core/http/env.ts";
import type { UsersService } from "./service.ts";

export interface SignInDeps {
  users: UsersService;
  sessions: SessionStore;
  throttle: LoginThrottle;
  secureCookies: boolean;
  trustedProxies: number;
}

export type SignInResult = { ok: true; user: CurrentUser } | { ok: false; reason: "credentials" | "refused" };

/**
 * Checks `login` and `password` and, when `allow` accepts the user (everyone by default),
 * starts a session and sets its cookie; RATE_LIMITED after too many failures.
 */
export async function signInWithPassword(
  c: Context<AppEnv>,
  deps: SignInDeps,
  options: { login: string; password: string; allow?: (user: CurrentUser) => boolean },
): Promise<SignInResult> {
  const { login } = options;
  const ip = clientIp(c, deps.trustedProxies);
  const decision = await deps.throttle.checkLogin({ login, ip });
  if (!decision.allowed) {
    c.header("Retry-After", String(decision.retryAfterSeconds));
    throw new AppError("RATE_LIMITED", "Too many failed login attempts. Please wait a while before trying again.");
  }

  const result = await deps.users.authenticate({ login, password: options.password });
  if (!result.ok) {
    await deps.throttle.recordFailure({ login, ip });
    c.get("logger").info({ reason: result.reason, ip }, "login failed");
    return { ok: false, reason: "credentials" };
  }
  const user = await deps.users.loadCurrentUser({ userId: result.user.id });
  if (!user || (options.allow && !options.allow(user))) {
    c.get("logger").info({ userId: result.user.id, ip }, "login refused for this page");
    return { ok: false, reason: "refused" };
  }

  await deps.throttle.recordSuccess({ login, ip });
  const { token, expires } = await deps.sessions.createSession({
    userId: result.user.id,
    securityStamp: result.user.securityStamp,
    userAgent: c.req.header("user-agent"),
    ip,
    replacing: getCookie(c, SESSION_COOKIE),
  });
  setSessionCookie(c, token, { secure: deps.secureCookies, expires });
  return { ok: true, user };
}
