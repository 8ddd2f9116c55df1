// Route guards. Anonymous visitors of HTML pages go to the login page with `next`
// (legacy: /accounts/login/?next=<path>); signed-in users without the right get 403.
// Under /api, anonymous callers get 401 and the error handler answers problem details.
import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv, CurrentUser } from "../http/env.ts";
import { hasPermission, isInGroup } from "./permissions.ts";

export const LOGIN_PATH = "/accounts/login/";

function loginRedirect(path: string, search: string): string {
  return `${LOGIN_PATH}?next=${encodeURIComponent(path + search)}`;
}

function guard(allowed: (user: CurrentUser) => boolean, message: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get("user");
    if (!user) {
      if (c.req.path.startsWith("/api/")) throw new AppError("UNAUTHENTICATED", "Authentication credentials were not provided.");
      const url = new URL(c.req.url);
      return c.redirect(loginRedirect(url.pathname, url.search), 302);
    }
    if (!allowed(user)) throw new AppError("FORBIDDEN", message);
    await next();
  };
}

/** Any signed-in user. */
export const requireUser = (): MiddlewareHandler<AppEnv> => guard(() => true, "");

/** Staff members (the admin). */
export const requireStaff = (): MiddlewareHandler<AppEnv> =>
  guard((user) => user.isStaff || user.isSuperuser, "Only staff members can use this page.");

/** Holders of one permission, e.g. `requirePermission("downloads.change_release")`. */
export const requirePermission = (permission: string): MiddlewareHandler<AppEnv> =>
  guard((user) => hasPermission(user, permission), "You do not have permission to do this.");

/** Members of a role group that is not full staff, e.g. "Job Board Admin". */
export const requireGroup = (group: string): MiddlewareHandler<AppEnv> =>
  guard((user) => user.isSuperuser || isInGroup(user, group), "This page is for a different role.");
