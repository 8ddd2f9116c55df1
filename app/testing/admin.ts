// Test helpers for the editors' admin: signed-in staff with chosen permissions, form
// posts with repeated fields and a CSRF token, and following a redirect with its
// flash cookie.
import { adminResourcesOf } from "../app.ts";
import { syncPermissions } from "../core/admin/index.ts";
import { createAdminRegistry } from "../core/admin/registry.ts";
import { createTestUser, csrfPair, signIn } from "./auth.ts";
import type { TestContext } from "./deps.ts";

export interface SignedIn {
  id: number;
  username: string;
  cookie: string;
}

/** Creates the Permission rows of every registered model, as app start does. */
export async function syncAdminPermissions(ctx: TestContext): Promise<void> {
  await syncPermissions(ctx.deps.db, createAdminRegistry(adminResourcesOf(ctx.deps, ctx.registry)));
}

/** A signed-in user (staff unless told otherwise) holding the given permissions. */
export async function signInAs(
  ctx: TestContext,
  options: { permissions?: string[]; isStaff?: boolean; isSuperuser?: boolean; groups?: string[]; username?: string } = {},
): Promise<SignedIn> {
  const user = await createTestUser(ctx, {
    isStaff: options.isStaff ?? true,
    isSuperuser: options.isSuperuser ?? false,
    permissions: options.permissions ?? [],
    groups: options.groups ?? [],
    ...(options.username ? { username: options.username } : {}),
  });
  return { id: user.id, username: user.username, cookie: await signIn(ctx, user.id) };
}

export type FormFields = Record<string, string | string[]> | Array<[string, string]>;

/** A urlencoded POST with the CSRF token (unless `csrf: false`); arrays become repeated fields. */
export function adminPost(ctx: TestContext, cookie: string, fields: FormFields, options: { csrf?: boolean } = {}): RequestInit {
  const body = new URLSearchParams();
  if (options.csrf !== false) body.append("csrf_token", csrfPair(ctx).token);
  const entries = Array.isArray(fields)
    ? fields
    : Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v] as [string, string]) : [[name, value] as [string, string]]));
  for (const [name, value] of entries) body.append(name, value);
  return { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: body.toString() };
}

/** The cookie header after applying a response's Set-Cookie headers. */
export function withResponseCookies(cookie: string, response: Response): string {
  const jar = new Map(
    cookie
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0] ?? "";
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    if (value === "" || /max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** GETs the redirect target with the cookies the redirect set (the flash message). */
export async function followRedirect(ctx: TestContext, cookie: string, response: Response): Promise<Response> {
  const location = response.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return ctx.app.request(location, { headers: { cookie: withResponseCookies(cookie, response) } });
}

/** Audit rows of one model, oldest first. */
export async function auditRows(ctx: TestContext, model: string) {
  return ctx.deps.db.auditLogEntry.findMany({ where: { model }, orderBy: { id: "asc" } });
}
