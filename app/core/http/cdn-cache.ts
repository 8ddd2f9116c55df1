// CDN caching for public pages and feeds. Legacy nginx let browsers keep /downloads/
// for a week (max-age=604800), so visitors saw stale pages after a release; now browsers
// keep five minutes and only the CDN keeps a week, purged by surrogate key on change.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";

export const PUBLIC_CACHE_CONTROL = "public, max-age=300";
/** Signed-in and admin responses: never stored by the browser or any shared cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";
export const PUBLIC_SURROGATE_CONTROL = "max-age=604800, stale-if-error=3600, stale-while-revalidate=300";

const CACHEABLE_TYPE = /^(text\/html|application\/(rss|atom)\+xml|application\/xml|text\/xml)\b/i;

/** Marks anonymous, successful GET/HEAD HTML and feed responses as CDN-cacheable. */
export function publicCdnCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return;
    // Errors, redirects and 304s keep their own headers; a cached error would outlive the fix.
    if (c.res.status !== 200) return;
    // Signed-in pages name the user; sessionAuth marks them private and that must win.
    if (c.get("user")) return;
    if (!CACHEABLE_TYPE.test(c.res.headers.get("Content-Type") ?? "")) return;
    // A handler that chose private or no-store (drafts, previews) knows better.
    if (/\b(private|no-store)\b/i.test(c.res.headers.get("Cache-Control") ?? "")) return;
    c.header("Cache-Control", PUBLIC_CACHE_CONTROL);
    c.header("Surrogate-Control", PUBLIC_SURROGATE_CONTROL);
  };
}
