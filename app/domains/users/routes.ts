// Sign in and out (legacy django-allauth /accounts/login/ and /accounts/logout/), plus
// "log out everywhere". Login accepts a username or a verified email address, honours a
// same-site `next`, and is throttled per account name and IP.
import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import { requireUser } from "../../core/auth/guards.ts";
import { clearSessionCookie, SESSION_COOKIE, type SessionStore } from "../../core/auth/sessions.ts";
import type { LoginThrottle } from "../../core/auth/throttle.ts";
import type { FieldErrors } from "../../core/errors.ts";
import type { AppEnv } from "../../core/http/env.ts";
import { addFlash } from "../../core/http/flash.ts";
import { fieldErrors } from "../../core/http/validate.ts";
import { LoginFormSchema, safeNextPath } from "./schemas.ts";
import { adminLoginRoutes } from "./admin-login.ts";
import type { UsersService } from "./service.ts";
import { signInWithPassword } from "./sign-in.ts";

export interface UsersRoutesDeps {
  users: UsersService;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Signs flash messages. */
  secret: string;
  secureCookies: boolean;
  trustedProxies: number;
}

/** allauth's wording; the same for unknown accounts, wrong passwords and inactive users. */
export const LOGIN_FAILED = "Please enter a correct username and password.";

type FormValues = Record<string, string>;

async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === "string") values[name] = value;
  return values;
}

function renderLogin(c: Context<AppEnv>, values: { username?: string; next: string }, errors: FieldErrors = {}) {
  // The password is never echoed back.
  c.status(Object.keys(errors).length > 0 ? 422 : 200);
  c.header("Cache-Control", "private, no-store");
  return c.render("users/login.njk", { title: "Sign in", values, errors });
}

export function usersRoutes(deps: UsersRoutesDeps) {
  const app = new Hono<AppEnv>();
  const cookieOptions = { secure: deps.secureCookies };
  const flashOptions = { secret: deps.secret, secureCookies: deps.secureCookies };

  app.get("/accounts/login/", async (c) => {
    const next = safeNextPath(c.req.query("next"));
    if (c.get("user")) return c.redirect(next, 302);
    return renderLogin(c, { next });
  });

  app.post("/accounts/login/", async (c) => {
    const form = await readForm(c);
    const next = safeNextPath(form.next);
    const parsed = LoginFormSchema.safeParse(form);
    if (!parsed.success) return renderLogin(c, { username: form.username?.slice(0, 254), next }, fieldErrors(parsed.error));

    const result = await signInWithPassword(c, deps, { login: parsed.data.username, password: parsed.data.password });
    if (!result.ok) return renderLogin(c, { username: parsed.data.username, next }, { _form: [LOGIN_FAILED] });
    addFlash(c, { level: "success", text: `Successfully signed in as ${result.user.username}.` }, flashOptions);
    return c.redirect(next, 303);
  });

  app.get("/accounts/logout/", async (c) => {
    if (!c.get("user")) return c.redirect("/", 302);
    c.header("Cache-Control", "private, no-store");
    return c.render("users/logout.njk", { title: "Sign out" });
  });

  app.post("/accounts/logout/", async (c) => {
    await deps.sessions.destroySession(getCookie(c, SESSION_COOKIE));
    clearSessionCookie(c, cookieOptions);
    addFlash(c, { level: "success", text: "You have signed out." }, flashOptions);
    return c.redirect("/", 303);
  });

  app.post("/accounts/logout-everywhere/", requireUser(), async (c) => {
    await deps.sessions.destroyUserSessions(c.get("user")!.id);
    clearSessionCookie(c, cookieOptions);
    addFlash(c, { level: "success", text: "You have signed out on every device." }, flashOptions);
    return c.redirect("/", 303);
  });

  app.route("/", adminLoginRoutes(deps));
  return app;
}
