// The key-value store behind caching, sessions and rate limits: Redis when REDIS_URL
// is set, an in-process map otherwise. Both implementations keep the same semantics.
import type { InvalidationBus } from "./invalidation-bus.ts";
import type { TagVersions } from "./tag-capture.ts";

export interface KeyValue {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  getMany(keys: string[]): Promise<(string | null)[]>;
  set(key: string, value: string, options?: { ttlSeconds?: number }): Promise<void>;
  /** Sets the key only when it does not exist; true when this call set it. */
  setIfAbsent(key: string, value: string, options: { ttlSeconds: number }): Promise<boolean>;
  delete(...keys: string[]): Promise<void>;
  /** Atomically adds one; starts the expiry clock on the first increment when ttlSeconds is given. */
  increment(key: string, options?: { ttlSeconds?: number }): Promise<number>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CacheOptions {
  ttlSeconds: number;
  /** Invalidating any of these tags makes the entry stale (e.g. `box:homepage-intro`). */
  tags?: string[];
}

export interface Cache {
  /** Returns the cached value or computes, stores and returns it; concurrent misses compute once per process. */
  wrap<T>(key: string, options: CacheOptions, compute: () => Promise<T>): Promise<T>;
  get<T>(key: string, tags?: string[]): Promise<T | undefined>;
  set<T>(key: string, value: T, options: CacheOptions): Promise<void>;
  /** Drops this process's in-memory copies (tests that flush Redis under it). */
  clearLocal(): void;
  /** Makes every entry stored under any of these tags stale, in O(1) per tag, in every process. */
  invalidateTags(tags: string[]): Promise<void>;
  /** The current version of each tag (recorded for the response being built, see tag-capture.ts). */
  tagVersions(tags: readonly string[]): Promise<TagVersions>;
  /** True while no tag has been invalidated since these versions were read. */
  isCurrent(versions: TagVersions): Promise<boolean>;
  /** Where invalidations from every process arrive. */
  readonly bus: InvalidationBus;
  /** Runs after each invalidation made by this process (e.g. queueing the CDN purge). */
  afterInvalidate(hook: (tags: readonly string[]) => Promise<void>): void;
}
