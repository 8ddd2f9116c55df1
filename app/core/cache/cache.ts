// Cache-aside over any KeyValue, with tag invalidation by version numbers: an entry's
// real key includes the current version of each of its tags, so bumping a tag's
// version (one INCR) makes every entry under it unreachable; they then expire by TTL.
// The versions are read before the value is computed, so a write that commits while a
// value is being computed leaves that value under the old versions, unreachable.
// Reads made inside `captureTagVersions` report their tags, so the response cache can
// store a page under the tags of the data it was built from. Invalidations are published
// on the bus (every process drops its in-memory responses) and handed to local hooks
// (the CDN purge). With `localBytes`, values are also kept in this process (local-tier.ts,
// frozen: callers share them), so a warm read costs no round trip to Redis at all.
import { createLocalInvalidationBus, type InvalidationBus } from "./invalidation-bus.ts";
import { createLocalTier } from "./local-tier.ts";
import { recordTagVersions, type TagVersions } from "./tag-capture.ts";
import type { Cache, CacheOptions, KeyValue } from "./types.ts";

const TAG_PREFIX = "cache:tagver:";
const ENTRY_PREFIX = "cache:entry:";

interface LocalValue {
  value: unknown;
  /** The tag versions the value was read under; still current while the copy is held. */
  versions: (string | null)[];
}

export function createCache(kv: KeyValue, options: { bus?: InvalidationBus; localBytes?: number; now?: () => number; generation?: string } = {}): Cache {
  const entryPrefix = options.generation ? `${ENTRY_PREFIX}${options.generation}:` : ENTRY_PREFIX;
  const bus = options.bus ?? createLocalInvalidationBus();
  const now = options.now ?? Date.now;
  const local = options.localBytes ? createLocalTier<LocalValue>({ bus, maxBytes: options.localBytes, now }) : null;
  const inFlight = new Map<string, Promise<unknown>>();
  const invalidationHooks: Array<(tags: readonly string[]) => Promise<void>> = [];

  async function readVersions(tags: readonly string[]): Promise<(string | null)[]> {
    if (tags.length === 0) return [];
    const versions = await kv.getMany(tags.map((tag) => TAG_PREFIX + tag));
    recordTagVersions(tags, versions);
    return versions;
  }

  const keyOf = (key: string, tags: readonly string[], versions: readonly (string | null)[]) =>
    tags.length === 0 ? entryPrefix + key : `${entryPrefix}${key}|${versions.map((version) => version ?? "0").join(".")}`;
  const localKey = (key: string, tags: readonly string[]) => `${key}|${tags.join(",")}`;

  /** The value held in this process, its tags recorded as a read of Redis would have. */
  function readLocal<T>(key: string, tags: readonly string[]): T | undefined {
    const held = local?.get(localKey(key, tags));
    if (!held) return undefined;
    recordTagVersions(tags, held.versions);
    return held.value as T;
  }

  function keepLocal(key: string, tags: readonly string[], versions: (string | null)[], raw: string, ttlSeconds: number, mark: number): void {
    if (!local) return;
    const value = deepFreeze(JSON.parse(raw) as unknown);
    local.put(localKey(key, tags), { value, versions }, { tags, expiresAt: now() + ttlSeconds * 1000, bytes: raw.length * 2 + 256, mark });
  }

  async function read<T>(fullKey: string): Promise<{ raw: string; value: T } | undefined> {
    const raw = await kv.get(fullKey);
    return raw === null ? undefined : { raw, value: JSON.parse(raw) as T };
  }

  async function write(fullKey: string, raw: string, ttlSeconds: number): Promise<void> {
    // Small jitter spreads the expiry of entries written together.
    const jittered = Math.max(1, Math.round(ttlSeconds * (0.9 + Math.random() * 0.2)));
    await kv.set(fullKey, raw, { ttlSeconds: jittered });
  }

  return {
    async get<T>(key: string, tags: string[] = []) {
      const held = readLocal<T>(key, tags);
      if (held !== undefined) return held;
      const mark = local?.mark() ?? 0;
      const versions = await readVersions(tags);
      const found = await read<T>(keyOf(key, tags, versions));
      if (found) keepLocal(key, tags, versions, found.raw, DEFAULT_LOCAL_TTL_SECONDS, mark);
      return found?.value;
    },
    async set<T>(key: string, value: T, setOptions: CacheOptions) {
      const tags = setOptions.tags ?? [];
      const versions = await readVersions(tags);
      local?.delete(localKey(key, tags));
      await write(keyOf(key, tags, versions), JSON.stringify(value), setOptions.ttlSeconds);
    },
    async wrap<T>(key: string, wrapOptions: CacheOptions, compute: () => Promise<T>): Promise<T> {
      const tags = wrapOptions.tags ?? [];
      const held = readLocal<T>(key, tags);
      if (held !== undefined) return held;
      const mark = local?.mark() ?? 0;
      const versions = await readVersions(tags);
      const fullKey = keyOf(key, tags, versions);
      const cached = await read<T>(fullKey);
      if (cached !== undefined) {
        keepLocal(key, tags, versions, cached.raw, wrapOptions.ttlSeconds, mark);
        return cached.value;
      }
      const pending = inFlight.get(fullKey);
      if (pending) return pending as Promise<T>;
      const computing = (async () => {
        const value = await compute();
        if (value === undefined) return value;
        const raw = JSON.stringify(value);
        await write(fullKey, raw, wrapOptions.ttlSeconds);
        keepLocal(key, tags, versions, raw, wrapOptions.ttlSeconds, mark);
        // Every caller gets the value as a later read would: through JSON, frozen when shared.
        return (local ? readLocal<T>(key, tags) : undefined) ?? (JSON.parse(raw) as T);
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
    clearLocal() {
      local?.clear();
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

/** A `get` hit in memory is kept this long when the caller gave no TTL. */
const DEFAULT_LOCAL_TTL_SECONDS = 60;

/** Values shared between requests must not be changed by one of them. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
