// Route guards. Anonymous visitors of HTML pages go to the login page with `next`
// (legacy: /accounts/login/?next=<path>); signed-in users without the right get 403.
// The admin is Django's: anyone not staff goes to /admin/login/?next=<path>.
// Under /api, anonymous callers get 401 and the error handler answers problem details.
import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import type { AppEnv, CurrentUser } from "../http/env.ts";
import { hasPermission, isInGroup } from "./permissions.ts";

export const LOGIN_PATH = "/accounts/login/";
/** The admin's own sign-in page (Django's admin:login). */
export const ADMIN_LOGIN_PATH = "/admin/login/";

/** Django's redirect_to_login: `next` is the full path, query-encoded with `/` left as is. */
function loginRedirect(loginPath: string, path: string, search: string): string {
  return `${loginPath}?next=${encodeURIComponent(path + search).replaceAll("%2F", "/")}`;
}

const isAdminUser = (user: CurrentUser | null) => Boolean(user && (user.isStaff || user.isSuperuser));

function guard(allowed: (user: CurrentUser) => boolean, message: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get("user");
    if (!user) {
      if (c.req.path.startsWith("/api/")) throw new AppError("UNAUTHENTICATED", "Authentication credentials were not provided.");
      const url = new URL(c.req.url);
      return c.redirect(loginRedirect(LOGIN_PATH, url.pathname, url.search), 302);
    }
    if (!allowed(user)) throw new AppError("FORBIDDEN", message);
    await next();
  };
}

/** Any signed-in user. */
export const requireUser = (): MiddlewareHandler<AppEnv> => guard(() => true, "");

/** Staff members. */
export const requireStaff = (): MiddlewareHandler<AppEnv> => guard(isAdminUser, "Only staff members can use this page.");

/**
 * Every page under /admin/, as Django's AdminSite.admin_view: anyone who is not staff,
 * signed in or not, goes to the admin login page with `next` (302, never a 403); the
 * login page itself is open to all.
 */
export const requireAdminSite = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  // A bare /admin is no admin page: APPEND_SLASH sends it to /admin/ first, as in Django.
  if (!c.req.path.startsWith("/admin/") || c.req.path === ADMIN_LOGIN_PATH || isAdminUser(c.get("user"))) return next();
  const url = new URL(c.req.url);
  return c.redirect(loginRedirect(ADMIN_LOGIN_PATH, url.pathname, url.search), 302);
};

/** Holders of one permission, e.g. `requirePermission("downloads.change_release")`. */
export const requirePermission = (permission: string): MiddlewareHandler<AppEnv> => guard((user) => hasPermission(user, permission), "You do not have permission to do this.");

/** Members of a role group that is not full staff, e.g. "Job Board Admin". */
export const requireGroup = (group: string): MiddlewareHandler<AppEnv> => guard((user) => user.isSuperuser || isInGroup(user, group), "This page is for a different role.");
