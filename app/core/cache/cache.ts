// Cache-aside over any KeyValue, with tag invalidation by version numbers: an entry's
// real key includes the current version of each of its tags, so bumping a tag's
// version (one INCR) makes every entry under it unreachable; they then expire by TTL.
import type { Cache, CacheOptions, KeyValue } from "./types.ts";

const TAG_PREFIX = "cache:tagver:";
const ENTRY_PREFIX = "cache:entry:";

export function createCache(kv: KeyValue): Cache {
  const inFlight = new Map<string, Promise<unknown>>();

  async function entryKey(key: string, tags: string[] = []): Promise<string> {
    if (tags.length === 0) return ENTRY_PREFIX + key;
    const versions = await kv.getMany(tags.map((tag) => TAG_PREFIX + tag));
    return `${ENTRY_PREFIX}${key}|${versions.map((version) => version ?? "0").join(".")}`;
  }

  async function get<T>(key: string, tags?: string[]): Promise<T | undefined> {
    const raw = await kv.get(await entryKey(key, tags));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async function set<T>(key: string, value: T, options: CacheOptions): Promise<void> {
    // Small jitter spreads the expiry of entries written together.
    const ttlSeconds = Math.max(1, Math.round(options.ttlSeconds * (0.9 + Math.random() * 0.2)));
    await kv.set(await entryKey(key, options.tags), JSON.stringify(value), { ttlSeconds });
  }

  return {
    get,
    set,
    async wrap<T>(key: string, options: CacheOptions, compute: () => Promise<T>): Promise<T> {
      const cached = await get<T>(key, options.tags);
      if (cached !== undefined) return cached;
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<T>;
      const computing = (async () => {
        const value = await compute();
        if (value !== undefined) await set(key, value, options);
        return value;
      })().finally(() => inFlight.delete(key));
      inFlight.set(key, computing);
      return computing;
    },
    async invalidateTags(tags) {
      await Promise.all(tags.map((tag) => kv.increment(TAG_PREFIX + tag)));
    },
  };
}
