// CSRF protection for every form POST, in two layers:
// 1. a cross-origin Origin header is refused outright;
// 2. the form must carry `csrf_token`, an HMAC of a random per-browser cookie
//    (signed double submit), so a forged form cannot know it. Without the cookie the
//    request is refused on its headers; a body over 64 KiB must send the token first
//    (ours all do), so a forged upload is refused after its first part (form-prefix.ts).
// JSON APIs under /api are not covered: they accept only header credentials, never cookies.
// The cookie is only sent with a page that embeds the token (a page with a form), so
// pages without forms stay free of Set-Cookie and a CDN can cache them.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./env.ts";
import { readFormPrefix } from "./form-prefix.ts";
import type { RouteMatcher } from "./route-match.ts";
import { randomToken, sign, verify } from "./signing.ts";

export const CSRF_COOKIE = "csrftoken";
export const CSRF_FIELD = "csrf_token";
const PURPOSE = "csrf";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function csrfProtection(options: { secret: string; siteOrigin: string; secureCookies: boolean; routeExists?: RouteMatcher }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const existing = getCookie(c, CSRF_COOKIE);
    const seed = existing && existing.length >= 32 ? existing : randomToken();
    c.set("csrfToken", csrfTokenFor(options.secret, seed));
    if (seed !== existing) {
      c.set("csrfCommit", () => setCookie(c, CSRF_COOKIE, seed, { httpOnly: true, sameSite: "Lax", secure: options.secureCookies, path: "/", maxAge: 60 * 60 * 24 * 365 }));
    }

    // As Django checks in process_view, only paths that resolve to a view (for any method)
    // are checked: a POST to a path with no route ends in a redirect or a 404 (APPEND_SLASH
    // answers 301 to the slashed URL). Without `routeExists`, every POST is checked.
    if (UNSAFE.has(c.req.method) && (options.routeExists?.(c.req.path) ?? true)) {
      const origin = c.req.header("origin");
      if (origin && origin !== "null" && origin !== options.siteOrigin && origin !== new URL(c.req.url).origin) {
        throw new AppError("FORBIDDEN", "Cross-site form submissions are not accepted.");
      }
      // A browser without the cookie cannot hold a matching token: refuse before reading the body.
      if (seed !== existing) throw new AppError("FORBIDDEN", EXPIRED);
      const submitted = await submittedToken(c);
      if (!submitted || !verify(options.secret, PURPOSE, seed, submitted)) throw new AppError("FORBIDDEN", EXPIRED);
    }
    await next();
  };
}

/** Sends the CSRF cookie when `html` carries this request's token, i.e. the page has a form. */
export function commitCsrfCookieIfUsed(c: Context<AppEnv>, html: string): void {
  const commit = c.get("csrfCommit");
  if (commit && html.includes(c.get("csrfToken"))) {
    commit();
    c.set("csrfCommit", undefined);
  }
}

/** The form token that matches a browser's CSRF cookie. */
export function csrfTokenFor(secret: string, cookieValue: string): string {
  return sign(secret, PURPOSE, cookieValue);
}

const EXPIRED = "The form has expired or was not sent from this site. Reload the page and try again.";

async function submittedToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<string | undefined> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  // Our forms send the token first: a body longer than the prefix must start with it, so a
  // forged upload is refused before the rest of it is read.
  const prefix = await readFormPrefix(c);
  if (prefix.first?.name === CSRF_FIELD) return prefix.first.value;
  if (!prefix.complete) return undefined;
  // parseBody caches the parsed body, so the route handler can read it again.
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === "string" ? value : undefined;
}
