// The cache's Redis-or-process store: reads and writes go to the fallback while the
// primary is not ready or fails, invalidations made meanwhile reach the primary when it
// is back, and the outage's in-process copies are dropped then.
import { describe, expect, it } from "vitest";
import { createCache } from "./cache.ts";
import { createFailoverKeyValue, FAILOVER_RETRY_MS } from "./failover.ts";
import { createMemoryKeyValue } from "./memory.ts";

function setup() {
  let ready = true;
  let failing = false;
  let at = 0;
  const store = createMemoryKeyValue();
  // A primary that is "Redis": it can be not ready (disconnected) or fail its commands (hung).
  const primary = {
    ...store,
    isReady: () => ready,
    get: (key: string) => (failing ? Promise.reject(new Error("Command timed out")) : store.get(key)),
  };
  const fallback = createMemoryKeyValue({ maxEntries: 100 });
  const kv = createFailoverKeyValue({ primary, fallback, now: () => at });
  return {
    kv,
    store,
    fallback,
    cache: createCache(kv),
    down: () => (ready = false),
    up: () => (ready = true),
    hang: (value: boolean) => (failing = value),
    advance: (ms: number) => (at += ms),
  };
}

describe("failover key-value store", () => {
  it("uses the fallback while the primary is not ready, and the primary again when it is", async () => {
    const t = setup();
    await t.kv.set("a", "redis");
    t.down();
    expect(await t.kv.get("a")).toBeNull();
    await t.kv.set("a", "memory");
    expect(await t.kv.get("a")).toBe("memory");
    expect(await t.store.get("a")).toBe("redis");
    t.up();
    expect(await t.kv.get("a")).toBe("redis");
    // The outage's copies are gone from the process.
    expect(t.fallback.size()).toBe(0);
  });

  it("skips a failing primary for a moment instead of paying its timeout on every call", async () => {
    const t = setup();
    await t.store.set("a", "redis");
    t.hang(true);
    expect(await t.kv.get("a")).toBeNull();
    t.hang(false);
    // Still skipped: the primary is not tried again before the retry delay.
    expect(await t.kv.get("a")).toBeNull();
    t.advance(FAILOVER_RETRY_MS);
    expect(await t.kv.get("a")).toBe("redis");
  });

  it("replays tag invalidations made during the outage, so entries cached before it are not served after it", async () => {
    const t = setup();
    await t.cache.set("page", "old", { ttlSeconds: 600, tags: ["pages"] });
    expect(await t.cache.get("page", ["pages"])).toBe("old");
    t.down();
    await t.cache.invalidateTags(["pages"]);
    expect(await t.cache.get("page", ["pages"])).toBeUndefined();
    t.up();
    expect(await t.cache.get("page", ["pages"])).toBeUndefined();
    expect(await t.store.get("cache:tagver:pages")).toBe("1");
  });
});

describe("bounded memory key-value store", () => {
  it("evicts the oldest-written expiring entry beyond maxEntries, never a key without expiry", async () => {
    const kv = createMemoryKeyValue({ maxEntries: 3 });
    await kv.increment("tagver");
    await kv.set("a", "1", { ttlSeconds: 60 });
    await kv.set("b", "2", { ttlSeconds: 60 });
    await kv.set("a", "1again", { ttlSeconds: 60 });
    await kv.set("c", "3", { ttlSeconds: 60 });
    expect(kv.size()).toBe(3);
    expect(await kv.getMany(["tagver", "a", "b", "c"])).toEqual(["1", "1again", null, "3"]);
    await kv.close();
  });
});
