// Pieces every admin page uses: resolving `/:app/:model/` to a registration, strict
// object ids, URLs, flash-and-redirect, and reading the posted body.
import type { Context } from "hono";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { AppEnv, CurrentUser } from "../../http/env.ts";
import { addFlash } from "../../http/flash.ts";
import { parseDbId } from "../../http/ids.ts";
import { assertCan } from "../access.ts";
import type { RawBody } from "../forms.ts";
import type { AdminRegistry } from "../registry.ts";
import type { AdminAction, AnyAdminResource } from "../types.ts";

export interface AdminDeps {
  db: Db;
  registry: AdminRegistry;
  /** The same options the app's flash middleware uses. */
  flash: { secret: string; secureCookies: boolean };
}

export type AdminContext = Context<AppEnv>;

/** The signed-in staff user (requireStaff ran before every admin route). */
export function currentUser(c: AdminContext): CurrentUser {
  const user = c.get("user");
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to use the admin.");
  return user;
}

/** The registration named by the path, after checking the user may do `action`; 404 when unknown. */
export function resourceFor(c: AdminContext, deps: AdminDeps, action: AdminAction): { resource: AnyAdminResource; user: CurrentUser } {
  const resource = deps.registry.get(c.req.param("app") ?? "", c.req.param("model") ?? "");
  if (!resource) throw new AppError("NOT_FOUND", "There is no such page in the admin.");
  const user = currentUser(c);
  assertCan(user, resource, action);
  return { resource, user };
}

/** A database id from the URL: digits only, within int4; anything else is a 404. */
export function parseObjectId(raw: string | undefined): number {
  const id = parseDbId(raw);
  if (id === undefined) throw new AppError("NOT_FOUND", "There is no such object.");
  return id;
}

/** Loads the object named by `:id` or throws NOT_FOUND. */
export async function loadObject(c: AdminContext, resource: AnyAdminResource, user: CurrentUser): Promise<{ id: number; row: unknown }> {
  const id = parseObjectId(c.req.param("id"));
  const row: unknown = await resource.load({ user, id });
  if (row === null || row === undefined) throw new AppError("NOT_FOUND", `There is no ${resource.verboseName} with id ${id}.`);
  return { id, row };
}

/** The admin URLs of one registration. */
export function adminUrls(resource: Pick<AnyAdminResource, "appLabel" | "model">) {
  const list = `/admin/${resource.appLabel}/${resource.model}/`;
  return {
    list,
    add: `${list}add/`,
    action: `${list}action/`,
    change: (id: number | string) => `${list}${id}/change/`,
    delete: (id: number | string) => `${list}${id}/delete/`,
    history: (id: number | string) => `${list}${id}/history/`,
  };
}

/** Queues a flash message and answers 303 See Other (POST → redirect → GET). */
export function flashRedirect(c: AdminContext, deps: AdminDeps, location: string, text: string, level: "success" | "warning" = "success"): Response {
  addFlash(c, { level, text: text.slice(0, 500) }, deps.flash);
  return c.redirect(location, 303);
}

/** The posted form, every repeated name as an array. */
export async function readBody(c: AdminContext): Promise<RawBody> {
  return (await c.req.parseBody({ all: true })) as RawBody;
}

/** First string value of a posted name. */
export function bodyString(body: RawBody, name: string): string | undefined {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** Capitalises the first letter, as Django's `capfirst`. */
export const capfirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
