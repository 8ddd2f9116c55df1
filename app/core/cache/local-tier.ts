// A process's own copies of cached things, tagged: bounded by bytes (least recently used
// out first), dropped when an invalidation of one of their tags arrives on the bus, and
// trusted only while the bus is live (a process that may have missed an invalidation
// reads through to the shared store instead). `mark()` taken before building a value
// keeps `put` from keeping one built across an invalidation of its tags.
import type { InvalidationBus } from "./invalidation-bus.ts";

export interface LocalTier<V> {
  mark(): number;
  get(key: string): V | undefined;
  put(key: string, value: V, options: { tags: Iterable<string>; expiresAt: number; bytes: number; mark: number }): void;
  delete(key: string): void;
  clear(): void;
  stats(): { entries: number; bytes: number };
}

interface Held<V> {
  value: V;
  tags: string[];
  expiresAt: number;
  bytes: number;
}

/** Tags remembered individually before the tier falls back to "everything changed". */
const MAX_TRACKED_TAGS = 10_000;

export function createLocalTier<V>(options: { bus: InvalidationBus; maxBytes: number; now?: () => number }): LocalTier<V> {
  const { bus } = options;
  const now = options.now ?? Date.now;
  // Insertion order is recency order: a hit re-inserts its key.
  const entries = new Map<string, Held<V>>();
  const keysByTag = new Map<string, Set<string>>();
  let bytes = 0;
  let sequence = 0;
  let floor = 0;
  const invalidatedAt = new Map<string, number>();

  function drop(key: string): void {
    const held = entries.get(key);
    if (!held) return;
    entries.delete(key);
    bytes -= held.bytes;
    for (const tag of held.tags) {
      const keys = keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) keysByTag.delete(tag);
    }
  }

  function clear(): void {
    entries.clear();
    keysByTag.clear();
    bytes = 0;
  }

  bus.onInvalidate((tags) => {
    sequence += 1;
    for (const tag of tags) {
      invalidatedAt.set(tag, sequence);
      for (const key of [...(keysByTag.get(tag) ?? [])]) drop(key);
    }
    if (invalidatedAt.size > MAX_TRACKED_TAGS) {
      invalidatedAt.clear();
      floor = sequence;
    }
  });
  bus.onGap(() => {
    sequence += 1;
    floor = sequence;
    clear();
  });

  function unchangedSince(mark: number, tags: readonly string[]): boolean {
    if (floor > mark) return false;
    return tags.every((tag) => (invalidatedAt.get(tag) ?? 0) <= mark);
  }

  return {
    mark: () => sequence,
    get(key) {
      const held = entries.get(key);
      if (!held) return undefined;
      if (!bus.isLive() || held.expiresAt <= now()) {
        drop(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, held);
      return held.value;
    },
    put(key, value, put) {
      const tags = [...put.tags];
      if (put.bytes > options.maxBytes / 4 || !bus.isLive() || !unchangedSince(put.mark, tags)) return;
      drop(key);
      while (bytes + put.bytes > options.maxBytes && entries.size > 0) drop(entries.keys().next().value as string);
      entries.set(key, { value, tags, expiresAt: put.expiresAt, bytes: put.bytes });
      bytes += put.bytes;
      for (const tag of tags) {
        let keys = keysByTag.get(tag);
        if (!keys) keysByTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    },
    delete: drop,
    clear,
    stats: () => ({ entries: entries.size, bytes }),
  };
}
