// Test helpers for signing in: a session created directly (as the e2e tests do), and
// CSRF-valid form posts. Users themselves come from factories/users.ts.
import { createSessionStore, SESSION_COOKIE } from "../core/auth/sessions.ts";
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor } from "../core/http/csrf.ts";
import type { TestContext } from "./deps.ts";

export { createTestUser, ensurePermission, type TestUser } from "./factories/users.ts";

const CSRF_SEED = "test-csrf-seed-0123456789abcdefghijklmnopqrstu";

/** The CSRF cookie and matching form token every test form post can use. */
export function csrfPair(ctx: TestContext): { cookie: string; token: string } {
  return { cookie: `${CSRF_COOKIE}=${CSRF_SEED}`, token: csrfTokenFor(ctx.deps.config.SECRET_KEY, CSRF_SEED) };
}

/** Signs the user in without the login form; returns the Cookie header (session + CSRF). */
export async function signIn(ctx: TestContext, userId: number): Promise<string> {
  const { securityStamp } = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { securityStamp: true } });
  const sessions = createSessionStore({ db: ctx.deps.db, kv: ctx.deps.kv, now: () => ctx.deps.clock.now() });
  const { token } = await sessions.createSession({ userId, securityStamp });
  return `${SESSION_COOKIE}=${token}; ${csrfPair(ctx).cookie}`;
}

/** A urlencoded POST carrying a valid CSRF token; `cookie` adds to the CSRF cookie. */
export function formPost(ctx: TestContext, fields: Record<string, string>, options: { cookie?: string; headers?: Record<string, string> } = {}): RequestInit {
  const csrf = csrfPair(ctx);
  const cookie = options.cookie?.includes(`${CSRF_COOKIE}=`) ? options.cookie : [options.cookie, csrf.cookie].filter(Boolean).join("; ");
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...options.headers },
    body: new URLSearchParams({ [CSRF_FIELD]: csrf.token, ...fields }).toString(),
  };
}

/** The value of a Set-Cookie for `name` in a response ("" when cleared), or undefined when not set. */
export function responseCookie(response: Response, name: string): { value: string; attributes: string } | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair = "", ...rest] = header.split(";");
    const index = pair.indexOf("=");
    if (pair.slice(0, index).trim() === name) return { value: pair.slice(index + 1), attributes: rest.join(";").trim() };
  }
  return undefined;
}
