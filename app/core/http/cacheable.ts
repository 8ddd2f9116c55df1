// The route-level contract of the response cache: a public GET route says it may be
// served from the cache, and names the tags of what built it. Tags must be known before
// the handler runs (their versions are read first, so a write racing the render can
// never leave a stale entry behind); the tags of every data-cache read made during the
// render are added to them automatically. Writes call `deps.cache.invalidateTags(tags)`
// after they commit: that drops the data and the responses in every process and queues
// a CDN purge by surrogate key. A cacheable route's anonymous answers are also marked
// public for browsers and the CDN (cdn-cache.ts).
import type { Context, MiddlewareHandler } from "hono";
import { markPublic } from "./cdn-cache.ts";
import type { AppEnv } from "./env.ts";

export interface CacheableOptions {
  /** Tags of the objects the response is built from, e.g. `["downloads"]` or `(c) => ["release:" + c.req.param("slug")]`. */
  tags: readonly string[] | ((c: Context<AppEnv>) => readonly string[]);
  /** How long an entry lives at most when no write invalidates it; defaults to the cache's own. */
  ttlSeconds?: number;
}

export interface CacheableRoute {
  tags: readonly string[];
  ttlSeconds?: number;
}

/** Marks a GET route cacheable for anonymous visitors (signed-in users, staff previews and non-200s are never stored). */
export function cacheable(options: CacheableOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await markCacheable(c, options);
    await next();
    markPublic(c);
  };
}

/** `cacheable()` for code that is not a route (a fallback): call it before reading the data, then mark the answer public. */
export async function markCacheable(c: Context<AppEnv>, options: CacheableOptions): Promise<void> {
  const tags = typeof options.tags === "function" ? options.tags(c) : options.tags;
  c.set("cacheable", { tags, ttlSeconds: options.ttlSeconds });
  // Read (and record) the tags' versions before any data they guard.
  await c.get("readCacheTags")?.(tags);
}
