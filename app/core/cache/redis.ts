// KeyValue on Redis through ioredis. `keyPrefix` namespaces every key, which lets
// several apps (or test workers) share one server.
import { Redis } from "ioredis";
import type { KeyValue } from "./types.ts";

export function createRedisKeyValue(options: { url: string; keyPrefix?: string }): KeyValue & { client: Redis } {
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
    lazyConnect: false,
  });

  return {
    kind: "redis",
    client,
    get: (key) => client.get(key),
    async getMany(keys) {
      return keys.length === 0 ? [] : client.mget(...keys);
    },
    async set(key, value, setOptions) {
      if (setOptions?.ttlSeconds !== undefined) await client.set(key, value, "EX", Math.max(1, Math.ceil(setOptions.ttlSeconds)));
      else await client.set(key, value);
    },
    async setIfAbsent(key, value, setOptions) {
      const result = await client.set(key, value, "EX", Math.max(1, Math.ceil(setOptions.ttlSeconds)), "NX");
      return result === "OK";
    },
    async delete(...keys) {
      if (keys.length > 0) await client.unlink(...keys);
    },
    async increment(key, incrementOptions) {
      const ttl = incrementOptions?.ttlSeconds;
      if (ttl === undefined) return client.incr(key);
      // INCR then set the expiry only if the key has none, atomically.
      const [[, value]] = (await client
        .multi()
        .incr(key)
        .expire(key, Math.max(1, Math.ceil(ttl)), "NX")
        .exec()) as [[Error | null, number]];
      return value;
    },
    async ping() {
      try {
        return (await client.ping()) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
