// The response cache: anonymous GETs of routes marked `cacheable()` are answered from a
// stored copy (this process's memory, else the shared store), built once per change of
// the tags they were built from. Every answer that passes here, stored or not, gets its
// validators (ETag, and Last-Modified for cacheable routes), a 304 when the client's copy
// is current, and brotli or gzip when the client accepts it.
//
// A response is stored only when it is the same for every anonymous visitor: no
// credentials or session on the request, no flash message, no cookie set, no CSRF token
// of this browser embedded in it, status 200 and not marked private.
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Cache } from "../cache/types.ts";
import type { ResponseStore, StoredResponse } from "../cache/response-store.ts";
import { captureTagVersions } from "../cache/tag-capture.ts";
import { compressBody, isCompressible, negotiateCoding, type ContentCoding } from "./compression.ts";
import type { AppEnv } from "./env.ts";
import { surrogateKeyOf } from "./security-headers.ts";

/** Larger bodies are neither stored nor compressed on the way out. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MAX_KEY_LENGTH = 1024;
/** Headers that belong to one response, never to a stored copy. */
const PER_RESPONSE_HEADERS = new Set([
  "set-cookie",
  "x-request-id",
  "content-length",
  "content-encoding",
  "etag",
  "last-modified",
  "date",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);
const PERSONAL_COOKIE = /(?:^|;\s*)(?:sessionid|flash)=/;

export interface ResponseCacheOptions {
  /** Null when the response cache is off (RESPONSE_CACHE=off): validators and compression still apply. */
  store: ResponseStore | null;
  cache: Cache;
  ttlSeconds: number;
  now?: () => number;
}

interface RequestFacts {
  method: string;
  /** Path and query as sent. */
  url: string;
  authorization: string | undefined;
  cookie: string | undefined;
  accept: string | undefined;
}

/** The key a request's response is stored under, or null when its answer may be personal. */
export function responseKeyOf(request: RequestFacts): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.url.length > MAX_KEY_LENGTH || request.authorization !== undefined) return null;
  if (request.cookie !== undefined && PERSONAL_COOKIE.test(request.cookie)) return null;
  if (request.url.startsWith("/admin")) return null;
  // API answers may be negotiated on Accept; pages are not.
  if (request.url.startsWith("/api/")) return `${request.url}\n${(request.accept ?? "").slice(0, 200)}`;
  return request.url;
}

export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The answer to one request from a stored (or just built) response: 304, encoded or plain. */
export function answerFrom(
  entry: StoredResponse,
  request: { method: string; ifNoneMatch?: string | null; ifModifiedSince?: string | null; acceptEncoding?: string | null },
  state: "hit" | "miss",
): CachedAnswer {
  const headers: Record<string, string> = {};
  for (const [name, value] of entry.headers) headers[name] = value;
  headers["last-modified"] = entry.lastModified;
  headers["x-response-cache"] = state;
  const coding = negotiateCoding(request.acceptEncoding);
  const encoded = coding ? entry.encoded[coding] : undefined;
  const etag = etagFor(entry.etag, encoded ? coding : null);
  headers.etag = etag;
  if (entry.encoded.br || entry.encoded.gzip) headers.vary = addVary(headers.vary, "Accept-Encoding");
  if (isNotModified(entry, request)) return { status: 304, headers, body: null };
  if (encoded) headers["content-encoding"] = coding!;
  const body = encoded ?? entry.body;
  headers["content-length"] = String(body.length);
  return { status: entry.status, headers, body: request.method === "HEAD" ? null : body };
}

export function responseCache(options: ResponseCacheOptions): MiddlewareHandler<AppEnv> {
  const { store, cache } = options;
  const now = options.now ?? Date.now;
  const readCacheTags = (tags: readonly string[]) => cache.tagVersions(tags);
  // Misses being built, by key: requests for the same key wait for the first one's copy
  // instead of building it again (64 visitors arriving after a release build it once).
  const building = new Map<string, Promise<StoredResponse | null>>();

  return async (c, next) => {
    const key = store
      ? responseKeyOf({
          method: c.req.method,
          url: pathAndQuery(c.req.url),
          authorization: c.req.header("authorization"),
          cookie: c.req.header("cookie"),
          accept: c.req.header("accept"),
        })
      : null;
    const conditions = {
      method: c.req.method,
      ifNoneMatch: c.req.header("if-none-match"),
      ifModifiedSince: c.req.header("if-modified-since"),
      acceptEncoding: c.req.header("accept-encoding"),
    };
    // The first request for a key this process does not hold leads: it reads the shared
    // store, else builds the answer; requests for the same key meanwhile wait for its copy.
    let lead: ((entry: StoredResponse | null) => void) | undefined;
    if (key && store) {
      let hit = store.getLocal(key);
      if (!hit) {
        const pending = building.get(key);
        if (pending) hit = (await pending) ?? undefined;
        else {
          building.set(key, new Promise<StoredResponse | null>((resolve) => (lead = resolve)));
          hit = await store.get(key).catch(() => undefined);
          if (hit) finish(key, lead!, hit);
        }
      }
      if (hit) {
        c.res = toResponse(answerFrom(hit, conditions, "hit"));
        return;
      }
      // A build we waited for that could not be shared: this request builds its own.
    }
    try {
      await buildAnswer(c, next, key, conditions, (entry) => lead?.(entry));
    } finally {
      if (lead) finish(key!, lead, null);
    }
  };

  function finish(key: string, lead: (entry: StoredResponse | null) => void, entry: StoredResponse | null): void {
    lead(entry);
    building.delete(key);
  }

  async function buildAnswer(
    c: Context<AppEnv>,
    next: () => Promise<void>,
    key: string | null,
    conditions: Parameters<typeof answerFrom>[1],
    share: (entry: StoredResponse) => void,
  ): Promise<void> {
    const mark = store?.mark() ?? 0;
    c.set("readCacheTags", readCacheTags);
    const { versions } = await captureTagVersions(() => next());
    const route = c.get("cacheable");
    if (!bodyMayBeRead(c)) return;
    const read = await readUpTo(c.res, MAX_BODY_BYTES);
    if (read.rest) {
      // Too large to keep or compress here: passed on as it came.
      c.res = new Response(read.rest, c.res);
      return;
    }
    const body = read.body;
    const response = c.res;
    const ownEtag = response.headers.get("etag");
    const ownLastModified = response.headers.get("last-modified");
    const storable = key !== null && store !== null && route !== undefined && isSharedAnswer(c, body);
    if (route) addSurrogateKeys(response.headers, versions.keys());
    const entry: StoredResponse = {
      status: response.status,
      headers: headerList(response.headers).filter(([name]) => !PER_RESPONSE_HEADERS.has(name)),
      body,
      encoded: {},
      // Validators the handler chose (a feed's newest item) are kept.
      etag: ownEtag ? ownEtag.replace(/^W\//, "").replaceAll('"', "") : hashOf(body),
      lastModified: ownLastModified ?? new Date(now()).toUTCString(),
      expiresAt: now() + (route?.ttlSeconds ?? options.ttlSeconds) * 1000,
      versions,
    };
    const cookies = response.headers.getSetCookie();
    const requestId = response.headers.get("x-request-id");
    if (storable) {
      await store.put(key, entry, mark);
      // Requests waiting for this build take it only if nothing was invalidated meanwhile.
      if (store.mark() === mark) share(entry);
    } else {
      const coding = negotiateCoding(conditions.acceptEncoding);
      if (coding && isCompressible(response.headers.get("content-type"), body.length)) entry.encoded[coding] = await compressBody(body, coding, "live");
    }
    const answer = answerFrom(entry, conditions, "miss");
    if (!route && !ownLastModified) delete answer.headers["last-modified"];
    if (!storable) delete answer.headers["x-response-cache"];
    const built = toResponse(answer);
    for (const cookie of cookies) built.headers.append("set-cookie", cookie);
    if (requestId) built.headers.set("x-request-id", requestId);
    c.res = built;
  }
}

/** Compresses a stored response's body into the codings clients ask for. */
export async function encodeStoredResponse(entry: StoredResponse): Promise<void> {
  const type = entry.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  if (!isCompressible(type, entry.body.length)) return;
  const codings: ContentCoding[] = ["br", "gzip"];
  await Promise.all(
    codings.map(async (coding) => {
      entry.encoded[coding] ??= await compressBody(entry.body, coding, "stored");
    }),
  );
}

/** Only whole, plain, successful GET bodies are read here; everything else passes untouched. */
function bodyMayBeRead(c: Context<AppEnv>): boolean {
  const response = c.res;
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return false;
  if (response.status !== 200 || response.body === null) return false;
  if (response.headers.has("content-encoding")) return false;
  return Number(response.headers.get("content-length") ?? "0") <= MAX_BODY_BYTES;
}

/** The whole body when it is at most `max` bytes; otherwise a stream of what was read and the rest. */
async function readUpTo(response: Response, max: number): Promise<{ body: Buffer; rest?: undefined } | { body?: undefined; rest: ReadableStream<Uint8Array> }> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { body: Buffer.concat(chunks, size) };
    chunks.push(value);
    size += value.length;
    if (size > max) break;
  }
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { rest };
}

function isSharedAnswer(c: Context<AppEnv>, body: Buffer): boolean {
  const response = c.res;
  if (c.get("user")) return false;
  if (response.headers.has("set-cookie")) return false;
  if (/\b(private|no-store)\b/i.test(response.headers.get("cache-control") ?? "")) return false;
  // A page with a form embeds this browser's CSRF token.
  const token = c.get("csrfToken");
  return !token || !body.includes(token);
}

function addSurrogateKeys(headers: Headers, tags: Iterable<string>): void {
  const keys = new Set((headers.get("surrogate-key") ?? "").split(" ").filter(Boolean));
  for (const tag of tags) {
    const key = surrogateKeyOf(tag);
    if (key) keys.add(key);
  }
  if (keys.size > 0) headers.set("surrogate-key", [...keys].join(" "));
}

function isNotModified(entry: StoredResponse, request: { method: string; ifNoneMatch?: string | null; ifModifiedSince?: string | null }): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.ifNoneMatch) {
    return request.ifNoneMatch.split(",").some((candidate) => {
      const tag = candidate.trim().replace(/^W\//, "");
      return tag === "*" || tag.replace(/-(br|gz)"$/, '"') === `"${entry.etag}"`;
    });
  }
  if (request.ifModifiedSince) {
    const since = Date.parse(request.ifModifiedSince);
    return Number.isFinite(since) && Date.parse(entry.lastModified) <= since;
  }
  return false;
}

function etagFor(hash: string, coding: ContentCoding | null): string {
  return coding === "br" ? `"${hash}-br"` : coding === "gzip" ? `"${hash}-gz"` : `"${hash}"`;
}

function hashOf(body: Buffer): string {
  return createHash("sha1").update(body).digest("base64url").slice(0, 22);
}

function addVary(existing: string | undefined, header: string): string {
  if (!existing) return header;
  return existing
    .toLowerCase()
    .split(",")
    .some((part) => part.trim() === header.toLowerCase())
    ? existing
    : `${existing}, ${header}`;
}

function pathAndQuery(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  return start === -1 ? "/" : url.slice(start);
}

/** Every header but Set-Cookie, names in lower case. */
function headerList(headers: Headers): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    if (name !== "set-cookie") list.push([name, value]);
  });
  return list;
}

function toResponse(answer: CachedAnswer): Response {
  return new Response(answer.body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers });
}
