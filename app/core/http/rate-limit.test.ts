import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import { createTestUser } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createMemoryKeyValue } from "../cache/memory.ts";
import { createRedisKeyValue } from "../cache/redis.ts";
import type { KeyValue } from "../cache/types.ts";
import type { ApiRateLimits } from "./rate-limit.ts";
import { skipUnless } from "../../testing/skip.ts";

const ctx = useTestContext();
const TINY: ApiRateLimits = { API_V1_LIMIT_PER_HOUR: 3, API_V2_ANON_PER_DAY: 2, API_V2_USER_PER_DAY: 3, API_V3_ANON_PER_HOUR: 3, API_V3_USER_PER_HOUR: 4 };
const opened: KeyValue[] = [];

afterAll(async () => {
  await Promise.all(opened.map((kv) => kv.close()));
});

/** A fresh app (fresh in-process counters) behind one trusted proxy, so X-Forwarded-For names the client. */
function appWith(kv: KeyValue = memoryKv(), limits: Partial<ApiRateLimits> = TINY) {
  return createApp({ ...ctx.deps, kv, config: { ...ctx.deps.config, TRUSTED_PROXIES: 1 }, apiRateLimits: { ...TINY, ...limits } }, ctx.registry);
}

function memoryKv(): KeyValue {
  const kv = createMemoryKeyValue();
  opened.push(kv);
  return kv;
}

type App = ReturnType<typeof appWith>;
const get = (app: App, path: string, ip = "203.0.113.7", authorization?: string) =>
  app.request(path, { headers: { "X-Forwarded-For": ip, ...(authorization ? { Authorization: authorization } : {}) } });

async function statuses(app: App, path: string, count: number, ip?: string, authorization?: string): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await get(app, path, ip, authorization)).status);
  return result;
}

describe("API rate limits", () => {
  it("counts anonymous v1 requests per client IP and sends the RateLimit headers", async () => {
    const app = appWith();
    const first = await get(app, "/api/v1/downloads/os/");
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBe("3");
    expect(first.headers.get("RateLimit-Remaining")).toBe("2");
    expect(Number(first.headers.get("RateLimit-Reset"))).toBeGreaterThan(3500);
    expect(first.headers.get("Retry-After")).toBeNull();
    // The second answer is a stored copy; it counts all the same, with this client's numbers.
    const second = await get(app, "/api/v1/downloads/os/");
    expect(second.headers.get("X-Response-Cache")).toBe("hit");
    expect(second.headers.get("RateLimit-Remaining")).toBe("1");
    expect(await statuses(app, "/api/v1/downloads/os/", 2)).toEqual([200, 429]);
    expect(await statuses(app, "/api/v1/downloads/os/", 1, "198.51.100.9")).toEqual([200]);
  });

  it("answers v1 refusals in tastypie's error_message shape with Retry-After", async () => {
    const app = appWith();
    await statuses(app, "/api/v1/downloads/os/", 3);
    const refused = await get(app, "/api/v1/downloads/os/");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(await refused.json()).toEqual({ error_message: expect.stringMatching(/^Too many requests\. Please try again in \d+ seconds\.$/) });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(3500);
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect(refused.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("counts v2 Token users per user with their own limit, apart from their IP", async () => {
    const app = appWith();
    const alice = await createTestUser(ctx, { username: "alice" });
    const bob = await createTestUser(ctx, { username: "bob" });
    const aliceToken = `Token ${await ctx.services.users.issueAuthToken({ userId: alice.id })}`;
    const bobToken = `Token ${await ctx.services.users.issueAuthToken({ userId: bob.id })}`;
    expect(await statuses(app, "/api/v2/downloads/os/", 3)).toEqual([200, 200, 429]);
    // Same IP, but a user: counted as alice against the user limit.
    const first = await get(app, "/api/v2/downloads/os/", undefined, aliceToken);
    expect(first.headers.get("RateLimit-Limit")).toBe("3");
    expect(await statuses(app, "/api/v2/downloads/os/", 3, "198.51.100.1", aliceToken)).toEqual([200, 200, 429]);
    // Alice from another IP is still alice; bob has his own budget.
    expect(await statuses(app, "/api/v2/downloads/os/", 1, "198.51.100.2", aliceToken)).toEqual([429]);
    expect(await statuses(app, "/api/v2/downloads/os/", 1, "198.51.100.2", bobToken)).toEqual([200]);
  });

  it("counts users only by the credentials their version reads (v1 ApiKey, v2 Token)", async () => {
    const app = appWith();
    const carol = await createTestUser(ctx, { username: "carol" });
    const apiKey = `ApiKey carol:${await ctx.services.users.issueApiKey({ userId: carol.id })}`;
    // v2 ignores ApiKey credentials, so carol is an anonymous client at this IP.
    const response = await get(app, "/api/v2/downloads/os/", undefined, apiKey);
    expect(response.headers.get("RateLimit-Limit")).toBe("2");
    expect(await statuses(app, "/api/v1/downloads/os/", 4, undefined, apiKey)).toEqual([200, 200, 200, 429]);
    expect(await statuses(app, "/api/v1/downloads/os/", 1)).toEqual([200]);
  });

  it("answers v2 and v3 refusals as problem details carrying DRF's detail", async () => {
    const app = appWith();
    for (const [path, allowed] of [
      ["/api/v2/downloads/os/", 2],
      ["/api/v3/downloads/os/", 3],
    ] as const) {
      await statuses(app, path, allowed);
      const refused = await get(app, path);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      const body = (await refused.json()) as { status: number; title: string; detail: string; code: string };
      expect(body).toMatchObject({ status: 429, title: "Too Many Requests", code: "RATE_LIMITED" });
      expect(body.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
  });

  it("keeps each version's counters apart and leaves preflights and pages alone", async () => {
    const app = appWith();
    expect(await statuses(app, "/api/v1/downloads/os/", 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses(app, "/api/v3/downloads/os/", 1)).toEqual([200]);
    const preflight = await app.request("/api/v1/downloads/os/", { method: "OPTIONS", headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(preflight.status).not.toBe(429);
    expect((await get(app, "/downloads/")).headers.get("RateLimit-Limit")).toBeNull();
  });

  it("keeps counters in process memory without Redis", async () => {
    const kv = memoryKv();
    await statuses(appWith(kv), "/api/v1/downloads/os/", 3);
    // Another process (app) has its own counters.
    expect(await statuses(appWith(kv), "/api/v1/downloads/os/", 1)).toEqual([200]);
  });

  it.skipIf(skipUnless(Boolean(process.env.REDIS_URL), "Redis counters: set REDIS_URL to run it"))(
    "shares counters between processes through Redis, under this run's key prefix",
    async () => {
      const kv = ctx.deps.kv as KeyValue & { client: Redis };
      expect(kv.kind).toBe("redis");
      expect(await statuses(appWith(kv), "/api/v1/downloads/os/", 3)).toEqual([200, 200, 200]);
      expect(await statuses(appWith(kv), "/api/v1/downloads/os/", 1)).toEqual([429]);
      const prefix = kv.client.options.keyPrefix!;
      expect(prefix).toMatch(/^pydotorg-test:/);
      // ioredis adds the client's keyPrefix to command arguments, so this checks `${prefix}api-rl:…`.
      expect(await kv.client.exists("api-rl:v1-anon:ip:203.0.113.7")).toBe(1);
    },
  );

  it("falls back to in-process counting when Redis is unreachable", async () => {
    const kv = createRedisKeyValue({ url: "redis://127.0.0.1:1" });
    kv.client.on("error", () => {});
    try {
      const app = appWith(kv);
      expect(await statuses(app, "/api/v1/downloads/os/", 4)).toEqual([200, 200, 200, 429]);
    } finally {
      kv.client.disconnect();
    }
  });
});
