// Cache-aside over any KeyValue, with tag invalidation by version numbers: an entry's
// real key includes the current version of each of its tags, so bumping a tag's
// version (one INCR) makes every entry under it unreachable; they then expire by TTL.
// The versions are read before the value is computed, so a write that commits while a
// value is being computed leaves that value under the old versions, unreachable.
// Reads made inside `captureTagVersions` report their tags, so the response cache can
// store a page under the tags of the data it was built from. Invalidations are published
// on the bus (every process drops its in-memory responses) and handed to local hooks
// (the CDN purge).
import { createLocalInvalidationBus, type InvalidationBus } from "./invalidation-bus.ts";
import { recordTagVersions, type TagVersions } from "./tag-capture.ts";
import type { Cache, CacheOptions, KeyValue } from "./types.ts";

const TAG_PREFIX = "cache:tagver:";
const ENTRY_PREFIX = "cache:entry:";

export function createCache(kv: KeyValue, options: { bus?: InvalidationBus } = {}): Cache {
  const bus = options.bus ?? createLocalInvalidationBus();
  const inFlight = new Map<string, Promise<unknown>>();
  const invalidationHooks: Array<(tags: readonly string[]) => Promise<void>> = [];

  async function readVersions(tags: readonly string[]): Promise<(string | null)[]> {
    if (tags.length === 0) return [];
    const versions = await kv.getMany(tags.map((tag) => TAG_PREFIX + tag));
    recordTagVersions(tags, versions);
    return versions;
  }

  async function entryKey(key: string, tags: readonly string[] = []): Promise<string> {
    if (tags.length === 0) return ENTRY_PREFIX + key;
    const versions = await readVersions(tags);
    return `${ENTRY_PREFIX}${key}|${versions.map((version) => version ?? "0").join(".")}`;
  }

  async function read<T>(fullKey: string): Promise<T | undefined> {
    const raw = await kv.get(fullKey);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async function write<T>(fullKey: string, value: T, ttlSeconds: number): Promise<void> {
    // Small jitter spreads the expiry of entries written together.
    const jittered = Math.max(1, Math.round(ttlSeconds * (0.9 + Math.random() * 0.2)));
    await kv.set(fullKey, JSON.stringify(value), { ttlSeconds: jittered });
  }

  return {
    get: async <T>(key: string, tags?: string[]) => read<T>(await entryKey(key, tags)),
    set: async <T>(key: string, value: T, setOptions: CacheOptions) => write(await entryKey(key, setOptions.tags), value, setOptions.ttlSeconds),
    async wrap<T>(key: string, wrapOptions: CacheOptions, compute: () => Promise<T>): Promise<T> {
      const fullKey = await entryKey(key, wrapOptions.tags);
      const cached = await read<T>(fullKey);
      if (cached !== undefined) return cached;
      const pending = inFlight.get(fullKey);
      if (pending) return pending as Promise<T>;
      const computing = (async () => {
        const value = await compute();
        if (value !== undefined) await write(fullKey, value, wrapOptions.ttlSeconds);
        return value;
      })().finally(() => inFlight.delete(fullKey));
      inFlight.set(fullKey, computing);
      return computing;
    },
    async invalidateTags(tags) {
      const unique = [...new Set(tags)];
      if (unique.length === 0) return;
      await Promise.all(unique.map((tag) => kv.increment(TAG_PREFIX + tag)));
      await bus.publish(unique);
      for (const hook of invalidationHooks) await hook(unique);
    },
    async tagVersions(tags) {
      const versions = await readVersions(tags);
      return new Map(tags.map((tag, index) => [tag, versions[index] ?? "0"]));
    },
    async isCurrent(versions: TagVersions) {
      const tags = [...versions.keys()];
      const current = await readVersions(tags);
      return tags.every((tag, index) => (current[index] ?? "0") === versions.get(tag));
    },
    bus,
    afterInvalidate(hook) {
      invalidationHooks.push(hook);
    },
  };
}
