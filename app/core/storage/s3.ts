// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Cloudflare R2), spoken to
// with fetch and hand-made SigV4 signatures. Path-style addresses
// (`<endpoint>/<bucket>/<key>`) because MinIO and Ceph do not do virtual-host buckets by
// default. The credentials live only in this closure: never logged, never in errors.
import { mediaTypeOf } from "./sniff.ts";
import { EMPTY_SHA256, sha256Hex, signRequest, type SigV4Credentials, uriEncode } from "./sigv4.ts";
import { isSafeStorageKey, type FileStorage } from "./storage.ts";

export interface S3StorageOptions {
  /** e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`; a path prefix is kept. */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: SigV4Credentials;
  /** Public URL prefix of stored files (this app's `/media/`). */
  baseUrl: string;
  /** How long to wait for the bucket to start answering (default 30 s). */
  timeoutMs?: number;
  now?: () => Date;
}

/** Raised when the bucket answers with an unexpected status; says which call and key, never the credentials. */
export class S3Error extends Error {
  override name = "S3Error";
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The `<Code>` of an S3 XML error body, or "" when there is none. */
async function errorCode(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? "";
}

export function createS3Storage(options: S3StorageOptions): FileStorage {
  const endpoint = options.endpoint.replace(/\/+$/, "");
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const scope = { region: options.region, service: "s3" };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => new Date());

  function objectUrl(key: string): URL {
    if (!isSafeStorageKey(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    // Encoded once here and signed as sent: S3 canonical paths are not encoded twice.
    return new URL(`${endpoint}/${uriEncode(options.bucket)}/${key.split("/").map(uriEncode).join("/")}`);
  }

  /** One signed call; the timer covers sending the body and waiting for the status line, not reading a streamed answer. */
  async function call(method: string, key: string, body?: Uint8Array, extra: Record<string, string> = {}): Promise<Response> {
    const url = objectUrl(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const headers = signRequest({ method, url, headers: { ...extra, "x-amz-content-sha256": payloadHash }, payloadHash }, options.credentials, scope, now());
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`S3 ${method} ${key}: no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      // Upload bytes come from File.arrayBuffer(): a plain ArrayBuffer, never a SharedArrayBuffer.
      return await fetch(url, { method, headers, body: body as Uint8Array<ArrayBuffer> | undefined, signal: controller.signal, redirect: "error" });
    } finally {
      clearTimeout(timer);
    }
  }

  async function fail(method: string, key: string, response: Response): Promise<never> {
    const code = await errorCode(response);
    throw new S3Error(`S3 ${method} ${key} in bucket ${options.bucket}: HTTP ${response.status}${code ? ` ${code}` : ""}`, response.status, code);
  }

  return {
    kind: "s3",
    async put(key, bytes) {
      const response = await call("PUT", key, bytes, {
        "content-type": mediaTypeOf(key),
        "content-length": String(bytes.length),
        // Like the disk backend's "wx": never replace an object another upload stored meanwhile
        // (AWS, MinIO and R2 honour conditional writes; older gateways ignore the header).
        "if-none-match": "*",
      });
      if (!response.ok) await fail("PUT", key, response);
      await response.body?.cancel();
    },
    async exists(key) {
      const response = await call("HEAD", key);
      if (response.ok) return true;
      // Without s3:ListBucket, AWS answers 403 rather than 404 for a missing key: grant it.
      if (response.status === 404) return false;
      return fail("HEAD", key, response);
    },
    async open(key) {
      if (!isSafeStorageKey(key)) return null;
      const response = await call("GET", key);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) return fail("GET", key, response);
      const length = response.headers.get("content-length");
      return { body: response.body, size: length && /^\d+$/.test(length) ? Number(length) : null };
    },
    async delete(key) {
      // Migrated rows may name keys this backend never wrote; there is nothing to remove then.
      if (!isSafeStorageKey(key)) return;
      const response = await call("DELETE", key);
      if (!response.ok && response.status !== 404) await fail("DELETE", key, response);
      await response.body?.cancel();
    },
    url(key) {
      return base + key.split("/").map(encodeURIComponent).join("/");
    },
  };
}
