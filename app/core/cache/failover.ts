// The cache's store when Redis is configured: Redis while it answers, an in-process
// store while it does not, so pages keep their cache (per process) during an outage.
// After a failed command Redis is skipped for a moment, so a hung server costs one
// command timeout, not one per cache read. Increments made meanwhile (tag versions:
// invalidations) are replayed on Redis when it is back, so no entry cached there before
// the outage outlives an invalidation made during it; the in-process copies are then
// dropped.
import type { KeyValue } from "./types.ts";

/** How long Redis is skipped after a failed command, before it is tried again. */
export const FAILOVER_RETRY_MS = 1000;
/** At most this many distinct incremented keys are remembered for the replay. */
const MAX_PENDING_INCREMENTS = 10_000;

export interface FailoverOptions {
  primary: KeyValue & { isReady(): boolean };
  /** Bounded in-process store (memory.ts with `maxEntries`). */
  fallback: KeyValue & { clear(): Promise<void> };
  now?: () => number;
}

export function createFailoverKeyValue(options: FailoverOptions): KeyValue {
  const { primary, fallback } = options;
  const now = options.now ?? Date.now;
  let skipUntil = 0;
  let degraded = false;
  const pendingIncrements = new Set<string>();
  let recovering: Promise<void> | undefined;

  async function recover(): Promise<void> {
    for (const key of [...pendingIncrements]) {
      await primary.increment(key);
      pendingIncrements.delete(key);
    }
    degraded = false;
    // Drop what the outage left in memory; Redis is the cache again.
    await fallback.clear();
  }

  function usePrimary(): boolean {
    return primary.isReady() && now() >= skipUntil;
  }

  async function run<T>(onPrimary: () => Promise<T>, onFallback: () => Promise<T>): Promise<T> {
    if (usePrimary()) {
      try {
        if (degraded) {
          recovering ??= recover().finally(() => (recovering = undefined));
          await recovering;
        }
        return await onPrimary();
      } catch {
        degraded = true;
        skipUntil = now() + FAILOVER_RETRY_MS;
      }
    } else {
      degraded = true;
    }
    return onFallback();
  }

  return {
    kind: primary.kind,
    get: (key) =>
      run(
        () => primary.get(key),
        () => fallback.get(key),
      ),
    getMany: (keys) =>
      run(
        () => primary.getMany(keys),
        () => fallback.getMany(keys),
      ),
    set: (key, value, setOptions) =>
      run(
        () => primary.set(key, value, setOptions),
        () => fallback.set(key, value, setOptions),
      ),
    setIfAbsent: (key, value, setOptions) =>
      run(
        () => primary.setIfAbsent(key, value, setOptions),
        () => fallback.setIfAbsent(key, value, setOptions),
      ),
    delete: (...keys) =>
      run(
        () => primary.delete(...keys),
        () => fallback.delete(...keys),
      ),
    increment: (key, incrementOptions) =>
      run(
        () => primary.increment(key, incrementOptions),
        () => {
          // Tag versions are few; the bound only guards against a caller using increment for counters.
          if (pendingIncrements.size < MAX_PENDING_INCREMENTS) pendingIncrements.add(key);
          return fallback.increment(key, incrementOptions);
        },
      ),
    ping: () => primary.ping(),
    async close() {
      await fallback.close();
    },
  };
}

/** Entries the in-process fallback holds at most while Redis is down. */
export const FALLBACK_MAX_ENTRIES = 5000;
