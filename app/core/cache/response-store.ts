// Where the response cache keeps whole responses: in this process's memory (bounded by
// bytes, least recently used first out) and, for paths without a query string, in the
// shared key-value store so every web process can answer from what one of them built.
// A response is stored with the versions of the tags it was built from. The shared copy
// is checked against the current versions when read; the in-memory copy (local-tier.ts)
// is dropped when an invalidation of one of its tags arrives on the bus.
import { createHash } from "node:crypto";
import type { InvalidationBus } from "./invalidation-bus.ts";
import { createLocalTier } from "./local-tier.ts";
import type { TagVersions } from "./tag-capture.ts";
import type { Cache, KeyValue } from "./types.ts";

export interface StoredResponse {
  status: number;
  /** Response headers as built, without per-request ones (request id, cookies, length, validators). */
  headers: Array<[string, string]>;
  body: Buffer;
  /** Compressed copies of `body`, made once when the response is stored. */
  encoded: { br?: Buffer; gzip?: Buffer };
  etag: string;
  lastModified: string;
  expiresAt: number;
  versions: TagVersions;
}

export interface ResponseStore {
  /** An invalidation counter: pass it back to `put` so a response built across an invalidation is not kept. */
  mark(): number;
  /** The in-memory copy, without waiting: for the fast path in front of the app. */
  getLocal(key: string): StoredResponse | undefined;
  /** The in-memory copy, else the shared one if still current (then kept in memory too). */
  get(key: string): Promise<StoredResponse | undefined>;
  put(key: string, entry: StoredResponse, mark: number): Promise<void>;
  /** Drops this process's copies. */
  clear(): void;
  /** How many responses and bytes this process holds. */
  stats(): { entries: number; bytes: number };
}

export interface ResponseStoreOptions {
  cache: Cache;
  bus: InvalidationBus;
  /** The shared store; null when there is only one process to share with. */
  shared: KeyValue | null;
  maxBytes: number;
  /** Copies compressed variants into a stored response (done before it is kept). */
  encode(entry: StoredResponse): Promise<void>;
  now?: () => number;
  /** The code's release (code-generation.ts): copies another release stored are not read. */
  generation?: string;
}

const SHARED_PREFIX = "cache:response:";

export function createResponseStore(options: ResponseStoreOptions): ResponseStore {
  const { bus, shared, cache } = options;
  const now = options.now ?? Date.now;
  const local = createLocalTier<StoredResponse>({ bus, maxBytes: options.maxBytes, now });
  const keep = (key: string, entry: StoredResponse, mark: number) => local.put(key, entry, { tags: entry.versions.keys(), expiresAt: entry.expiresAt, bytes: sizeOf(entry), mark });
  const sharedPrefix = options.generation ? `${SHARED_PREFIX}${options.generation}:` : SHARED_PREFIX;
  const sharedKey = (key: string) => sharedPrefix + createHash("sha256").update(key).digest("base64url");
  const sharable = (key: string) => shared !== null && !key.includes("?");

  return {
    mark: local.mark,
    getLocal: local.get,
    async get(key) {
      const held = local.get(key);
      if (held || !sharable(key)) return held;
      const mark = local.mark();
      const raw = await shared!.get(sharedKey(key)).catch(() => null);
      const entry = raw === null ? undefined : deserialize(raw);
      if (!entry || entry.expiresAt <= now()) return undefined;
      if (!(await cache.isCurrent(entry.versions).catch(() => false))) return undefined;
      await options.encode(entry);
      keep(key, entry, mark);
      return entry;
    },
    async put(key, entry, mark) {
      await options.encode(entry);
      keep(key, entry, mark);
      if (!sharable(key)) return;
      const ttlSeconds = Math.max(1, Math.round((entry.expiresAt - now()) / 1000));
      // A shared store that is down costs only the sharing: this process still has its copy.
      await shared!.set(sharedKey(key), serialize(entry), { ttlSeconds }).catch(() => undefined);
    },
    clear: local.clear,
    stats: local.stats,
  };
}

function sizeOf(entry: StoredResponse): number {
  return entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0) + 512;
}

interface SerializedResponse {
  s: number;
  h: Array<[string, string]>;
  b: string;
  e: string;
  m: string;
  x: number;
  v: Array<[string, string]>;
  /** Compressed copies, so a process reading the copy does not compress it again. */
  br?: string;
  gz?: string;
}

function serialize(entry: StoredResponse): string {
  const data: SerializedResponse = {
    s: entry.status,
    h: entry.headers,
    b: entry.body.toString("base64"),
    e: entry.etag,
    m: entry.lastModified,
    x: entry.expiresAt,
    v: [...entry.versions],
    ...(entry.encoded.br ? { br: entry.encoded.br.toString("base64") } : {}),
    ...(entry.encoded.gzip ? { gz: entry.encoded.gzip.toString("base64") } : {}),
  };
  return JSON.stringify(data);
}

function deserialize(raw: string): StoredResponse | undefined {
  try {
    const data = JSON.parse(raw) as SerializedResponse;
    return {
      status: data.s,
      headers: data.h,
      body: Buffer.from(data.b, "base64"),
      encoded: {
        ...(typeof data.br === "string" ? { br: Buffer.from(data.br, "base64") } : {}),
        ...(typeof data.gz === "string" ? { gzip: Buffer.from(data.gz, "base64") } : {}),
      },
      etag: data.e,
      lastModified: data.m,
      expiresAt: data.x,
      versions: new Map(data.v),
    };
  } catch {
    return undefined;
  }
}
