// KeyValue on Redis through ioredis. `keyPrefix` namespaces every key, which lets
// several apps (or test workers) share one server.
//
// The client fails fast when Redis is unreachable, so callers can degrade instead of
// hanging: no offline queue (a command while disconnected rejects at once), short
// connect and command timeouts, no per-command retries, and reconnection forever with a
// backoff capped at a couple of seconds. Connection errors are logged once per outage.
import { Redis } from "ioredis";
import type { Logger } from "../logging/logger.ts";
import type { KeyValue } from "./types.ts";

export const REDIS_CONNECT_TIMEOUT_MS = 1000;
// Generous enough that an event-loop stall under load is not mistaken for an outage.
export const REDIS_COMMAND_TIMEOUT_MS = 1000;
const RECONNECT_MAX_DELAY_MS = 2000;

export type RedisKeyValue = KeyValue & {
  kind: "redis";
  client: Redis;
  /** True while connected and ready; commands otherwise reject at once. */
  isReady(): boolean;
  /** Resolves when the first connection is ready, or after `timeoutMs` (whatever the outcome). */
  waitUntilReady(timeoutMs: number): Promise<boolean>;
};

/** Reconnect delay for the n-th attempt: doubling from 50 ms, capped; never gives up. */
export function reconnectDelay(attempt: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 10), RECONNECT_MAX_DELAY_MS);
}

export function createRedisKeyValue(options: { url: string; keyPrefix?: string; logger?: Pick<Logger, "warn" | "info"> }): RedisKeyValue {
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    retryStrategy: reconnectDelay,
    enableAutoPipelining: true,
    lazyConnect: false,
  });

  // Without an "error" listener ioredis prints every failed reconnect as an unhandled event.
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    options.logger?.warn({ err: error }, "Redis is unreachable: cache and rate limits run in this process, sign-in is unavailable");
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    options.logger?.info("Redis is reachable again");
  });

  const isReady = () => client.status === "ready";

  return {
    kind: "redis",
    client,
    isReady,
    async waitUntilReady(timeoutMs) {
      if (isReady()) return true;
      return new Promise((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          client.off("ready", onReady);
          resolve(value);
        };
        const onReady = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        client.once("ready", onReady);
      });
    },
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

export function isRedisKeyValue(kv: KeyValue): kv is RedisKeyValue {
  return kv.kind === "redis" && "isReady" in kv && "client" in kv;
}
