import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "./env.ts";
import type { AppEnv } from "./env.ts";
import { PUBLIC_CACHE_CONTROL, PUBLIC_SURROGATE_CONTROL, publicCdnCache } from "./cdn-cache.ts";

function app(options: { user?: boolean } = {}) {
  const hono = new Hono<AppEnv>();
  hono.use(async (c, next) => {
    c.set("user", options.user ? ({ id: 1 } as CurrentUser) : null);
    await next();
  });
  hono.use(publicCdnCache());
  hono.get("/page", (c) => c.html("<p>hi</p>"));
  hono.get("/feed", (c) => c.body("<rss/>", 200, { "Content-Type": "application/rss+xml; charset=utf-8" }));
  hono.get("/json", (c) => c.json({}));
  hono.get("/draft", (c) => c.html("<p>draft</p>", 200, { "Cache-Control": "private, no-store" }));
  hono.get("/missing", (c) => c.html("<p>gone</p>", 404));
  hono.get("/moved", (c) => c.redirect("/page", 302));
  hono.post("/page", (c) => c.html("<p>posted</p>"));
  return hono;
}

describe("publicCdnCache", () => {
  it("lets browsers keep anonymous pages and feeds five minutes and the CDN a week", async () => {
    for (const request of [new Request("http://x/page"), new Request("http://x/feed"), new Request("http://x/page", { method: "HEAD" })]) {
      const response = await app().request(request);
      expect(response.headers.get("Cache-Control")).toBe(PUBLIC_CACHE_CONTROL);
      expect(response.headers.get("Surrogate-Control")).toBe(PUBLIC_SURROGATE_CONTROL);
    }
    expect(PUBLIC_CACHE_CONTROL).toBe("public, max-age=300");
    expect(PUBLIC_SURROGATE_CONTROL).toBe("max-age=604800, stale-if-error=3600, stale-while-revalidate=300");
  });

  it("leaves signed-in users, errors, redirects, writes, JSON and private responses alone", async () => {
    const signedIn = await app({ user: true }).request("/page");
    expect(signedIn.headers.get("Surrogate-Control")).toBeNull();
    for (const [path, method] of [
      ["/missing", "GET"],
      ["/moved", "GET"],
      ["/page", "POST"],
      ["/json", "GET"],
    ]) {
      const response = await app().request(path!, { method });
      expect([path, response.headers.get("Surrogate-Control"), response.headers.get("Cache-Control")]).toEqual([path, null, null]);
    }
    const draft = await app().request("/draft");
    expect(draft.headers.get("Cache-Control")).toBe("private, no-store");
    expect(draft.headers.get("Surrogate-Control")).toBeNull();
  });
});
