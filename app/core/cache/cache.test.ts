import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCache } from "./cache.ts";
import { createMemoryKeyValue } from "./memory.ts";
import { createRedisKeyValue, isRedisKeyValue } from "./redis.ts";
import type { KeyValue } from "./types.ts";

const backends: Array<[string, () => KeyValue]> = [["memory", () => createMemoryKeyValue()]];
if (process.env.REDIS_URL) {
  const prefix = `pydotorg-test:cache:${process.pid}:${Date.now()}:`;
  backends.push(["redis", () => createRedisKeyValue({ url: process.env.REDIS_URL!, keyPrefix: prefix })]);
}
const opened: KeyValue[] = [];
afterAll(async () => {
  await Promise.all(opened.map((kv) => kv.close()));
});

describe.each(backends)("%s key-value store", (_name, make) => {
  const kv = make();
  opened.push(kv);
  // Redis commands are not queued before the connection is up (they fail fast instead).
  beforeAll(async () => {
    if (isRedisKeyValue(kv)) expect(await kv.waitUntilReady(5000)).toBe(true);
  });

  it("gets, sets, deletes and expires keys", async () => {
    await kv.set("a", "1");
    await kv.set("b", "2", { ttlSeconds: 60 });
    expect(await kv.getMany(["a", "b", "missing"])).toEqual(["1", "2", null]);
    await kv.delete("a", "b");
    expect(await kv.get("a")).toBeNull();
    expect(await kv.ping()).toBe(true);
  });

  it("sets only absent keys and counts atomically", async () => {
    expect(await kv.setIfAbsent("lock", "x", { ttlSeconds: 5 })).toBe(true);
    expect(await kv.setIfAbsent("lock", "y", { ttlSeconds: 5 })).toBe(false);
    expect(await kv.get("lock")).toBe("x");
    const counts = await Promise.all(Array.from({ length: 20 }, () => kv.increment("counter", { ttlSeconds: 60 })));
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    await kv.delete("lock", "counter");
  });

  it("caches values under tags and invalidates only the tagged entries", async () => {
    const cache = createCache(kv);
    let computed = 0;
    const load = () => cache.wrap("greeting", { ttlSeconds: 60, tags: ["box:intro"] }, async () => `hello ${++computed}`);
    expect(await load()).toBe("hello 1");
    expect(await load()).toBe("hello 1");
    await cache.set("other", { n: 1 }, { ttlSeconds: 60, tags: ["box:other"] });
    await cache.invalidateTags(["box:intro"]);
    expect(await load()).toBe("hello 2");
    expect(await cache.get("other", ["box:other"])).toEqual({ n: 1 });
  });

  it("computes once for concurrent misses", async () => {
    const cache = createCache(kv);
    let calls = 0;
    const slow = () =>
      cache.wrap("slow-key", { ttlSeconds: 60 }, async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return calls;
      });
    const results = await Promise.all([slow(), slow(), slow()]);
    expect(new Set(results).size).toBe(1);
    expect(calls).toBe(1);
  });

  it("stores null but not undefined", async () => {
    const cache = createCache(kv);
    await cache.set("nothing", null, { ttlSeconds: 60 });
    expect(await cache.get("nothing")).toBeNull();
    expect(await cache.get("never-set")).toBeUndefined();
  });
});

describe("memory key-value expiry", () => {
  it("forgets keys after their TTL", async () => {
    let now = 1_000_000;
    const kv = createMemoryKeyValue({ now: () => now });
    opened.push(kv);
    await kv.set("k", "v", { ttlSeconds: 10 });
    await kv.increment("n", { ttlSeconds: 10 });
    now += 9_999;
    expect(await kv.get("k")).toBe("v");
    now += 2;
    expect(await kv.get("k")).toBeNull();
    expect(await kv.increment("n", { ttlSeconds: 10 })).toBe(1);
  });
});
