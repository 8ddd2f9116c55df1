// In-process KeyValue for machines without Redis. Expired keys are dropped lazily on
// read and by a periodic sweep, so memory does not grow with dead entries.
import type { KeyValue } from "./types.ts";

interface Entry {
  value: string;
  expiresAt: number | undefined;
}

export function createMemoryKeyValue(options: { now?: () => number; sweepMs?: number } = {}): KeyValue {
  const now = options.now ?? Date.now;
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
      entries.set(key, { value, expiresAt: expiry(setOptions?.ttlSeconds) });
    },
    async setIfAbsent(key, value, setOptions) {
      if (read(key) !== null) return false;
      entries.set(key, { value, expiresAt: expiry(setOptions.ttlSeconds) });
      return true;
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async increment(key, incrementOptions) {
      const current = read(key);
      const next = (current === null ? 0 : Number(current)) + 1;
      const expiresAt = current === null ? expiry(incrementOptions?.ttlSeconds) : entries.get(key)?.expiresAt;
      entries.set(key, { value: String(next), expiresAt });
      return next;
    },
    async ping() {
      return true;
    },
    async close() {
      clearInterval(sweep);
      entries.clear();
    },
  };
}
