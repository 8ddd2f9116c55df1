// Test helpers for accounts: create users with permissions and groups, sign them in
// by creating a session directly (as the e2e tests do), and build CSRF-valid form posts.
import { createSessionStore, SESSION_COOKIE } from "../core/auth/sessions.ts";
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor } from "../core/http/csrf.ts";
import type { CreateUserInput } from "../domains/users/index.ts";
import type { TestContext } from "./deps.ts";

let sequence = 0;

export interface TestUser {
  id: number;
  username: string;
  password: string;
}

/** Creates an active user (password "test-password-1" unless given), with permissions (`app.codename`) and groups by name. */
export async function createTestUser(
  ctx: TestContext,
  input: Partial<CreateUserInput> & { permissions?: string[]; groups?: string[] } = {},
): Promise<TestUser> {
  sequence += 1;
  const { permissions = [], groups = [], ...fields } = input;
  const username = fields.username ?? `user${sequence}-${Date.now().toString(36)}`;
  const password = fields.password ?? "test-password-1";
  const user = await ctx.services.users.createUser({ input: { email: `${username}@example.com`, emailVerified: true, ...fields, username, password } });
  const db = ctx.deps.db;
  for (const permission of permissions) {
    const { id } = await ensurePermission(ctx, permission);
    await db.userPermission.create({ data: { userId: user.id, permissionId: id } });
  }
  for (const name of groups) {
    const group = await db.group.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    await db.userGroup.create({ data: { userId: user.id, groupId: group.id } });
  }
  return { id: user.id, username, password };
}

/** Finds or creates the permission row for `appLabel.codename`. */
export async function ensurePermission(ctx: TestContext, permission: string): Promise<{ id: number }> {
  const [appLabel, codename] = permission.split(".") as [string, string];
  const model = codename.split("_").slice(1).join("_") || codename;
  return ctx.deps.db.permission.upsert({
    where: { appLabel_codename: { appLabel, codename } },
    create: { appLabel, codename, model, name: `Can ${codename.replaceAll("_", " ")}` },
    update: {},
    select: { id: true },
  });
}

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
