// `/admin/login/`, Django's AdminSite.login: the admin's own sign-in form, for staff
// accounts only. Staff who are signed in already go straight to /admin/; a signed-in user
// who is not staff sees the form with a note saying so (that is where core/auth/guards.ts
// requireAdminSite sends them from any admin page). After signing in: `next` when it is a
// path on this site, else /admin/.
import { Hono, type Context } from "hono";
import type { FieldErrors } from "../../core/errors.ts";
import type { AppEnv, CurrentUser } from "../../core/http/env.ts";
import { fieldErrors } from "../../core/http/validate.ts";
import { LoginFormSchema, safeNextPath } from "./schemas.ts";
import { signInWithPassword, type SignInDeps } from "./sign-in.ts";

/** django.contrib.admin.forms.AdminAuthenticationForm's message, for bad credentials and non-staff alike. */
export const ADMIN_LOGIN_FAILED = "Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive.";

const ADMIN_INDEX = "/admin/";

const isAdminUser = (user: CurrentUser | null | undefined) => Boolean(user && (user.isStaff || user.isSuperuser));

function renderAdminLogin(c: Context<AppEnv>, values: { username?: string; next: string }, errors: FieldErrors = {}) {
  c.status(Object.keys(errors).length > 0 ? 422 : 200);
  c.header("Cache-Control", "private, no-store");
  const user = c.get("user");
  return c.render("admin/login.njk", { title: "Log in | Python.org admin", values, errors, signed_in_as: user && !isAdminUser(user) ? user.username : null });
}

export function adminLoginRoutes(deps: SignInDeps) {
  const app = new Hono<AppEnv>({ strict: true });

  app.get("/admin/login/", (c) => {
    if (isAdminUser(c.get("user"))) return c.redirect(ADMIN_INDEX, 302);
    return renderAdminLogin(c, { next: safeNextPath(c.req.query("next"), ADMIN_INDEX) });
  });

  app.post("/admin/login/", async (c) => {
    const body = await c.req.parseBody();
    const form = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const next = safeNextPath(form.next, ADMIN_INDEX);
    const parsed = LoginFormSchema.safeParse(form);
    if (!parsed.success) return renderAdminLogin(c, { username: form.username?.slice(0, 254), next }, fieldErrors(parsed.error));
    const result = await signInWithPassword(c, deps, { login: parsed.data.username, password: parsed.data.password, allow: isAdminUser });
    if (!result.ok) return renderAdminLogin(c, { username: parsed.data.username, next }, { _form: [ADMIN_LOGIN_FAILED] });
    return c.redirect(next, 303);
  });

  return app;
}
