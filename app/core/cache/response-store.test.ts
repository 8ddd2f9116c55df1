import { describe, expect, it } from "vitest";
import { createCache } from "./cache.ts";
import { createLocalInvalidationBus, type InvalidationBus } from "./invalidation-bus.ts";
import { createMemoryKeyValue } from "./memory.ts";
import { createResponseStore, type StoredResponse } from "./response-store.ts";

function entry(body: string, versions: Record<string, string>, expiresAt = Date.now() + 60_000): StoredResponse {
  return {
    status: 200,
    headers: [["content-type", "text/html"]],
    body: Buffer.from(body),
    encoded: {},
    etag: "e",
    lastModified: new Date().toUTCString(),
    expiresAt,
    versions: new Map(Object.entries(versions)),
  };
}

function setup(options: { maxBytes?: number; bus?: InvalidationBus; shared?: boolean } = {}) {
  const kv = createMemoryKeyValue();
  const bus = options.bus ?? createLocalInvalidationBus();
  const cache = createCache(kv, { bus });
  const store = createResponseStore({ cache, bus, shared: options.shared ? kv : null, maxBytes: options.maxBytes ?? 1_000_000, encode: async () => {} });
  return { cache, store, kv };
}

describe("the response store", () => {
  it("drops exactly the copies built from an invalidated tag", async () => {
    const { cache, store } = setup();
    await store.put("/a/", entry("a", { downloads: "0" }), store.mark());
    await store.put("/b/", entry("b", { pages: "0", "box:x": "0" }), store.mark());
    await cache.invalidateTags(["box:x"]);
    expect(store.getLocal("/a/")?.body.toString()).toBe("a");
    expect(store.getLocal("/b/")).toBeUndefined();
  });

  it("does not keep a copy built across an invalidation of its tags", async () => {
    const { cache, store } = setup();
    const mark = store.mark();
    await cache.invalidateTags(["downloads"]);
    await store.put("/a/", entry("a", { downloads: "0" }), mark);
    await store.put("/b/", entry("b", { pages: "0" }), mark);
    expect(store.getLocal("/a/")).toBeUndefined();
    expect(store.getLocal("/b/")).toBeDefined();
  });

  it("evicts the least recently used copies to stay within its bytes", async () => {
    const { store } = setup({ maxBytes: 8 * 1024 });
    const body = "x".repeat(1500);
    for (const key of ["/1/", "/2/", "/3/", "/4/"]) await store.put(key, entry(body, {}), store.mark());
    store.getLocal("/1/");
    await store.put("/5/", entry(body, {}), store.mark());
    expect(store.stats().bytes).toBeLessThanOrEqual(8 * 1024);
    expect(store.getLocal("/1/")).toBeDefined();
    expect(store.getLocal("/2/")).toBeUndefined();
  });

  it("forgets expired copies and trusts none while the bus is not live", async () => {
    let live = true;
    const local = createLocalInvalidationBus();
    const bus: InvalidationBus = { ...local, isLive: () => live };
    const { store } = setup({ bus });
    await store.put("/old/", entry("old", {}, Date.now() - 1), store.mark());
    expect(store.getLocal("/old/")).toBeUndefined();
    await store.put("/a/", entry("a", {}), store.mark());
    live = false;
    expect(store.getLocal("/a/")).toBeUndefined();
  });

  it("shares copies of paths without a query string, checked against the current tag versions", async () => {
    const first = setup({ shared: true });
    const second = createResponseStore({ cache: first.cache, bus: createLocalInvalidationBus(), shared: first.kv, maxBytes: 1_000_000, encode: async () => {} });
    const versions = await first.cache.tagVersions(["downloads"]);
    await first.store.put("/a/", entry("a", Object.fromEntries(versions)), first.store.mark());
    await first.store.put("/a/?page=2", entry("a2", Object.fromEntries(versions)), first.store.mark());
    expect((await second.get("/a/"))?.body.toString()).toBe("a");
    expect(await second.get("/a/?page=2")).toBeUndefined();
    await first.cache.invalidateTags(["downloads"]);
    second.clear();
    expect(await second.get("/a/")).toBeUndefined();
  });

  it("shares the compressed copies too, so a reader does not compress again", async () => {
    const first = setup({ shared: true });
    const seen: Array<string[]> = [];
    const second = createResponseStore({
      cache: first.cache,
      bus: createLocalInvalidationBus(),
      shared: first.kv,
      maxBytes: 1_000_000,
      encode: async (read) => void seen.push(Object.keys(read.encoded)),
    });
    const stored = entry("plain", {});
    stored.encoded = { br: Buffer.from("brotli bytes"), gzip: Buffer.from("gzip bytes") };
    await first.store.put("/a/", stored, first.store.mark());
    const read = await second.get("/a/");
    expect(seen).toEqual([["br", "gzip"]]);
    expect([read?.encoded.br?.toString(), read?.encoded.gzip?.toString()]).toEqual(["brotli bytes", "gzip bytes"]);
  });

  it("reads no copy another release of the code stored", async () => {
    const first = setup({ shared: true });
    const release = (generation: string) =>
      createResponseStore({ cache: first.cache, bus: createLocalInvalidationBus(), shared: first.kv, maxBytes: 1_000_000, encode: async () => {}, generation });
    await release("one").put("/a/", entry("drawn by release one", {}), 0);
    expect((await release("one").get("/a/"))?.body.toString()).toBe("drawn by release one");
    expect(await release("two").get("/a/")).toBeUndefined();
  });
});
