// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Cloudflare R2), spoken to
// with fetch and SigV4 signatures from aws4fetch. Path-style addresses
// (`<endpoint>/<bucket>/<key>`) because MinIO and Ceph do not do virtual-host buckets by
// default. The credentials live only in this closure: never logged, never in errors.
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { mediaTypeOf } from "./sniff.ts";
import { isSafeStorageKey, type FileStorage } from "./storage.ts";

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3StorageOptions {
  /** e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`; a path prefix is kept. */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: S3Credentials;
  /** Public URL prefix of stored files (this app's `/media/`). */
  baseUrl: string;
  /** How long to wait for the bucket to start answering (default 30 s). */
  timeoutMs?: number;
}

/** Raised when the bucket answers with an unexpected status, or not at all (status 0); says which call and key, never the credentials. */
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

/** RFC 3986 percent-encoding of one path segment: everything but A–Z a–z 0–9 - _ . ~ is escaped. */
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The path-style URL of a key, `<endpoint>/<bucket>/<key>`, each segment encoded once: what
 * S3 wants in the canonical path, and what aws4fetch derives again when it signs (it decodes
 * S3 paths and re-encodes them this way), so the signed path and the sent path agree.
 */
export function s3ObjectUrl(endpoint: string, bucket: string, key: string): string {
  return `${endpoint.replace(/\/+$/, "")}/${encodeSegment(bucket)}/${key.split("/").map(encodeSegment).join("/")}`;
}

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Why fetch got no answer: the timeout, or the socket error code (ECONNREFUSED, ENOTFOUND…) rather than "fetch failed". */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === "string") return cause.code;
  return typeof cause?.message === "string" ? cause.message : error.message;
}

/** The `<Code>` of an S3 XML error body, or "" when there is none. */
async function errorCode(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? "";
}

export function createS3Storage(options: S3StorageOptions): FileStorage {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // retries: 0 — one call is one request; the caller sees the bucket's first answer.
  const client = new AwsClient({ ...options.credentials, service: "s3", region: options.region, retries: 0 });

  function objectUrl(key: string): string {
    if (!isSafeStorageKey(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    return s3ObjectUrl(options.endpoint, options.bucket, key);
  }

  /** One signed call; the timer covers sending the body and waiting for the status line, not reading a streamed answer. */
  async function call(method: string, key: string, body?: Uint8Array, extra: Record<string, string> = {}): Promise<Response> {
    const url = objectUrl(key);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      // The payload hash is signed (aws4fetch would send UNSIGNED-PAYLOAD), so the bucket rejects altered bodies.
      const headers = { ...extra, "x-amz-content-sha256": sha256Hex(body ?? new Uint8Array()) };
      // Upload bytes come from File.arrayBuffer(): a plain ArrayBuffer, never a SharedArrayBuffer.
      const request = await client.sign(url, { method, headers, body: body as Uint8Array<ArrayBuffer> | undefined, signal: controller.signal, redirect: "error" });
      return await fetch(request);
    } catch (error) {
      throw new S3Error(`S3 ${method} ${key} in bucket ${options.bucket}: no answer (${networkReason(error)})`, 0, "NoAnswer");
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
