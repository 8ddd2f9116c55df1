// Issue 15 item 2: a Redis outage under a running site. A private redis-server is
// started, killed and restarted by the test; the site keeps answering fast while it is
// down (cache and rate limits in the process, sessions fail closed, sign-in says it is
// unavailable), /healthz shows the degradation, and Redis is used again once it is back.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formPost, responseCookie, signIn, createTestUser } from "../testing/auth.ts";
import { createTestContext, type TestContext } from "../testing/deps.ts";
import { createTestRedisServer, pollUntil, type TestRedisServer } from "../testing/redis-server.ts";
import { SESSION_COOKIE } from "../core/auth/sessions.ts";

const BOUND_MS = 1500;
let redis: TestRedisServer;
let ctx: TestContext;
let probe: Redis;

async function timed(path: string, init?: RequestInit): Promise<{ response: Response; ms: number }> {
  const started = performance.now();
  const response = await ctx.app.request(path, init);
  await response.arrayBuffer().catch(() => undefined);
  return { response, ms: performance.now() - started };
}

/** Keys under this context's prefix, read by a client of our own. */
async function keys(pattern: string): Promise<string[]> {
  return probe.keys(`${ctx.deps.config.REDIS_PREFIX}${pattern}`);
}

async function healthz(): Promise<{ status: string; checks: Record<string, { ok: boolean }> }> {
  return (await ctx.app.request("/healthz")).json() as never;
}

beforeAll(async () => {
  redis = await createTestRedisServer();
  await redis.start();
  probe = new Redis(redis.url, { lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: null });
  probe.on("error", () => undefined);
  ctx = await createTestContext({ env: { REDIS_URL: redis.url } });
  await ctx.reset();
  await ctx.services.pages.savePage({
    input: {
      title: "About",
      keywords: "",
      description: "",
      path: "about",
      content: "About Python",
      contentMarkupType: "markdown",
      isPublished: true,
      contentType: "text/html",
      templateName: "",
    },
  });
}, 30_000);

afterAll(async () => {
  await ctx?.close();
  probe?.disconnect();
  await redis?.stop();
});

describe("a Redis outage under a running site", () => {
  it("serves pages, APIs and health fast while Redis is down, and uses Redis again when it is back", async () => {
    const user = await createTestUser(ctx, { isStaff: true, isSuperuser: true });
    const pages: Array<[string, number]> = [
      ["/", 200],
      ["/downloads/", 200],
      ["/about/", 200],
      ["/accounts/login/", 200],
      ["/search/?q=python", 200],
      ["/api/v2/downloads/release/", 200],
      ["/api/v1/downloads/release/", 200],
      ["/api/v3/downloads/releases/", 200],
    ];
    const cookie = await signIn(ctx, user.id);
    expect(await keys("session:*")).toHaveLength(1);
    expect((await timed("/admin/", { headers: { cookie } })).response.status).toBe(200);
    // Warm every page first (templates compiled, cache filled), so the bound measures the outage.
    for (const [path, status] of pages) expect({ path, status: (await timed(path)).response.status }).toEqual({ path, status });
    expect((await keys("cache:entry:*")).length).toBeGreaterThan(0);

    // ioredis reports errors nobody listens to on the console, once per reconnect attempt.
    const consoleErrors = vi.spyOn(console, "error");
    await redis.stop();

    // Twice: the first pass may see the drop, the second runs on the fallbacks.
    for (let pass = 0; pass < 2; pass += 1) {
      for (const [path, status] of pages) {
        const { response, ms } = await timed(path);
        expect({ path, status: response.status }).toEqual({ path, status });
        expect(ms, path).toBeLessThan(BOUND_MS);
        // Rate limits keep counting, in the process.
        if (path.startsWith("/api/")) expect(response.headers.get("RateLimit-Limit"), path).not.toBeNull();
      }
    }

    // The signed-in editor is anonymous while sessions cannot be read; the cookie is kept.
    const admin = await timed("/admin/", { headers: { cookie } });
    expect(admin.ms).toBeLessThan(BOUND_MS);
    expect(admin.response.status).toBe(302);
    expect(responseCookie(admin.response, SESSION_COOKIE)).toBeUndefined();

    // Signing in cannot start a session: a clear 503 page, not a hang or a 500.
    const login = await timed("/accounts/login/", formPost(ctx, { username: user.username, password: user.password, next: "/" }));
    expect(login.ms).toBeLessThan(BOUND_MS);
    expect(login.response.status).toBe(503);
    const loginPage = await (await ctx.app.request("/accounts/login/", formPost(ctx, { username: user.username, password: user.password, next: "/" }))).text();
    expect(loginPage).toContain("temporarily unavailable");

    const started = performance.now();
    const health = await healthz();
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(health.status).toBe("degraded");
    expect(health.checks.redis!.ok).toBe(false);
    expect(health.checks.database!.ok).toBe(true);

    expect(consoleErrors.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("ioredis"))).toEqual([]);
    consoleErrors.mockRestore();

    await redis.start();
    await pollUntil("the site to reconnect to Redis", async () => (await healthz()).checks.redis!.ok, 15_000);

    // The cache writes to Redis again (the restarted server started empty). The cache may still
    // skip Redis for its short back-off after a failure, so each probe asks for a page again.
    await pollUntil("cache entries in Redis", async () => {
      expect((await timed("/about/")).response.status).toBe(200);
      return (await keys("cache:entry:*")).length > 0;
    });

    // Sessions live in Redis again: sign in through the form and use the new session.
    const again = await ctx.app.request("/accounts/login/", formPost(ctx, { username: user.username, password: user.password, next: "/" }));
    expect(again.status).toBe(303);
    expect(await keys("session:*")).toHaveLength(1);
    const fresh = responseCookie(again, SESSION_COOKIE)!.value;
    expect((await ctx.app.request("/admin/", { headers: { cookie: `${SESSION_COOKIE}=${fresh}` } })).status).toBe(200);
  }, 60_000);
});
