// Django's APPEND_SLASH (django.middleware.common.CommonMiddleware.process_response): a
// request that ends in 404, whose path has no route without a trailing slash but has one
// with it, is answered 301 to the slashed path with the query string kept. Whatever the
// method: in production Django redirects POSTs too (it only refuses them under DEBUG), so
// a client posting to a slash-less API URL is sent to the slashed one. Paths that have a
// route as they are (/robots.txt, /downloads/feed.rss, /static/…) are never redirected,
// even when their handler answers 404.
import type { Context } from "hono";
import type { RouteMatcher } from "../core/http/route-match.ts";

/** The Location for APPEND_SLASH, or null when it does not apply to this request. */
export function appendSlashLocation(c: Context, routeExists: RouteMatcher): string | null {
  const path = c.req.path;
  if (path.endsWith("/") || routeExists(path) || !routeExists(`${path}/`)) return null;
  const url = new URL(c.req.url);
  // django.utils.http.escape_leading_slashes: `//host/` would read as another origin.
  const pathname = url.pathname.replace(/^\/\//, "/%2F");
  return `${pathname}/${url.search}`;
}
