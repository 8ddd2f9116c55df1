// The response cache middleware over a store double: how concurrent requests for one key
// are coalesced. Storage, validators and invalidation through the real app are in
// app/site/response-cache.test.ts.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createCache } from "../cache/cache.ts";
import { createLocalInvalidationBus } from "../cache/invalidation-bus.ts";
import { createMemoryKeyValue } from "../cache/memory.ts";
import { createResponseStore, type ResponseStore } from "../cache/response-store.ts";
import { cacheable } from "./cacheable.ts";
import type { AppEnv } from "./env.ts";
import { responseCache } from "./response-cache.ts";

function appOver(store: ResponseStore, cache: ReturnType<typeof createCache>) {
  let built = 0;
  const app = new Hono<AppEnv>();
  app.use(responseCache({ store, cache, ttlSeconds: 60 }));
  app.get("/page/", cacheable({ tags: ["pages"] }), async (c) => {
    built += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return c.html("<p>the page</p>");
  });
  return { app, builds: () => built };
}

describe("the response cache middleware", () => {
  it("reads the shared copy once for many requests arriving together, and builds nothing", async () => {
    const kv = createMemoryKeyValue();
    const bus = createLocalInvalidationBus();
    const cache = createCache(kv, { bus });
    const builder = createResponseStore({ cache, bus, shared: kv, maxBytes: 1_000_000, encode: async () => {} });
    const first = appOver(builder, cache);
    expect((await first.app.request("/page/")).headers.get("x-response-cache")).toBe("miss");

    // Another process: nothing in its memory, the copy in the shared store.
    const reader = createResponseStore({ cache, bus: createLocalInvalidationBus(), shared: kv, maxBytes: 1_000_000, encode: async () => {} });
    let sharedReads = 0;
    const counted: ResponseStore = {
      ...reader,
      get: (key) => {
        sharedReads += 1;
        return reader.get(key);
      },
    };
    const second = appOver(counted, cache);
    const answers = await Promise.all(Array.from({ length: 10 }, () => second.app.request("/page/")));
    expect(answers.map((answer) => answer.headers.get("x-response-cache"))).toEqual(Array(10).fill("hit"));
    expect(sharedReads).toBe(1);
    expect(second.builds()).toBe(0);
  });

  it("builds once for many requests arriving together when no copy exists", async () => {
    const kv = createMemoryKeyValue();
    const bus = createLocalInvalidationBus();
    const cache = createCache(kv, { bus });
    const { app, builds } = appOver(createResponseStore({ cache, bus, shared: null, maxBytes: 1_000_000, encode: async () => {} }), cache);
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.request("/page/")));
    expect(builds()).toBe(1);
    expect(new Set(await Promise.all(answers.map((answer) => answer.text())))).toEqual(new Set(["<p>the page</p>"]));
  });
});
