// In-process KeyValue for machines without Redis, and the cache's fallback while Redis
// is down. Expired keys are dropped lazily on read and by a periodic sweep, so memory
// does not grow with dead entries; with `maxEntries` the oldest-written expiring entry
// makes room for a new one, so it does not grow with live ones either. Keys without an
// expiry (the cache's tag versions) are never evicted: losing one would bring back the
// entries its invalidation retired.
import type { KeyValue } from "./types.ts";

interface Entry {
  value: string;
  expiresAt: number | undefined;
}

export interface MemoryKeyValue extends KeyValue {
  kind: "memory";
  /** Drops every key. */
  clear(): Promise<void>;
  /** How many keys are held (expired ones not yet swept included). */
  size(): number;
}

export function createMemoryKeyValue(options: { now?: () => number; sweepMs?: number; maxEntries?: number } = {}): MemoryKeyValue {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
  const entries = new Map<string, Entry>();
  const sweep = setInterval(() => {
    const at = now();
    for (const [key, entry] of entries) if (entry.expiresAt !== undefined && entry.expiresAt <= at) entries.delete(key);
  }, options.sweepMs ?? 60_000);
  sweep.unref();

  function read(key: string): string | null {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return null;
    }
    return entry.value;
  }

  function write(key: string, entry: Entry): void {
    // Re-inserting moves the key to the end, so eviction takes the least recently written.
    entries.delete(key);
    if (entries.size >= maxEntries) {
      for (const [candidate, held] of entries) {
        if (held.expiresAt !== undefined) {
          entries.delete(candidate);
          break;
        }
      }
    }
    entries.set(key, entry);
  }

  function expiry(ttlSeconds: number | undefined): number | undefined {
    return ttlSeconds === undefined ? undefined : now() + ttlSeconds * 1000;
  }

  return {
    kind: "memory",
    async get(key) {
      return read(key);
    },
    async getMany(keys) {
      return keys.map(read);
    },
    async set(key, value, setOptions) {
      write(key, { value, expiresAt: expiry(setOptions?.ttlSeconds) });
    },
    async setIfAbsent(key, value, setOptions) {
      if (read(key) !== null) return false;
      write(key, { value, expiresAt: expiry(setOptions.ttlSeconds) });
      return true;
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async increment(key, incrementOptions) {
      const current = read(key);
      const next = (current === null ? 0 : Number(current)) + 1;
      const expiresAt = current === null ? expiry(incrementOptions?.ttlSeconds) : entries.get(key)?.expiresAt;
      // In place: counting neither moves the key nor evicts another.
      if (current !== null) entries.get(key)!.value = String(next);
      else write(key, { value: String(next), expiresAt });
      return next;
    },
    async ping() {
      return true;
    },
    async clear() {
      entries.clear();
    },
    size: () => entries.size,
    async close() {
      clearInterval(sweep);
      entries.clear();
    },
  };
}
