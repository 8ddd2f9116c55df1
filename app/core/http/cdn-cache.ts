// CDN caching for public pages, feeds and API lists. Legacy nginx let browsers keep
// /downloads/ for a week (max-age=604800), so visitors saw stale pages after a release;
// now browsers keep five minutes and only the CDN keeps a week, purged by surrogate key
// on change.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";

export const PUBLIC_CACHE_CONTROL = "public, max-age=300";
/** API answers: not `public`, so a shared cache never hands one to a request with credentials. */
export const API_CACHE_CONTROL = "max-age=60";
/** Signed-in and admin responses: never stored by the browser or any shared cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";
export const PUBLIC_SURROGATE_CONTROL = "max-age=604800, stale-if-error=3600, stale-while-revalidate=300";

const PAGE_TYPE = /^(text\/html|application\/(rss|atom)\+xml|application\/xml|text\/xml|text\/calendar)\b/i;
const API_TYPE = /^application\/([a-z.+-]*\+)?json\b/i;

/** Marks an anonymous, successful GET/HEAD page, feed or API answer (`c.res` unless given) as cacheable by browsers and the CDN. */
export function markPublic(c: Context<AppEnv>, response: Response = c.res): void {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return;
  // Errors, redirects and 304s keep their own headers; a cached error would outlive the fix.
  if (response.status !== 200) return;
  // Signed-in pages name the user; sessionAuth marks them private and that must win.
  if (c.get("user")) return;
  const headers = response.headers;
  // A handler that chose private or no-store (drafts, previews) knows better.
  if (/\b(private|no-store)\b/i.test(headers.get("Cache-Control") ?? "")) return;
  const type = headers.get("Content-Type") ?? "";
  if (PAGE_TYPE.test(type)) headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  // JSON only from routes that declared themselves cacheable: others may answer per client.
  else if (API_TYPE.test(type) && c.get("cacheable")) headers.set("Cache-Control", API_CACHE_CONTROL);
  else return;
  headers.set("Surrogate-Control", PUBLIC_SURROGATE_CONTROL);
}

/** `markPublic` as middleware, for routes that are public but not stored by the response cache. */
export function publicCdnCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    markPublic(c);
  };
}
