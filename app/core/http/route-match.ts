// "Does a route exist at this path?", asked the way Django's URL resolver answers it
// (django.urls.is_valid_path): by pattern only, whatever the method, without running
// anything. CommonMiddleware's APPEND_SLASH and the CSRF check both need that answer.
import type { Hono } from "hono";
import type { RouterRoute } from "hono/types";

/** Every method an endpoint in this app is registered for; `ALL` routes match each of them. */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * True for a route that answers requests, false for middleware. Hono records both the same
 * way; middleware is what `use()` registers: method ALL on a path ending in `*`.
 */
export function isEndpointRoute(route: Pick<RouterRoute, "method" | "path">): boolean {
  return !(route.method === "ALL" && route.path.endsWith("*"));
}

/** `(path) => boolean`: whether an endpoint of `app` is registered at `path`, for any method. */
export function createRouteMatcher(app: Pick<Hono, "router">): (path: string) => boolean {
  return (path) =>
    METHODS.some((method) => {
      const [matches] = app.router.match(method, path);
      return matches.some(([[, route]]) => isEndpointRoute(route as RouterRoute));
    });
}

export type RouteMatcher = ReturnType<typeof createRouteMatcher>;
