// Test helper: an in-process S3 look-alike on 127.0.0.1 that checks every request's SigV4
// signature and body hash the way S3 does, and keeps objects in memory.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { canonicalRequest, sha256Hex, signature, type SigV4Credentials } from "./sigv4.ts";

export interface FakeS3Object {
  body: Buffer;
  contentType: string;
}

export interface FakeS3 {
  /** The endpoint, e.g. `http://127.0.0.1:49152`. */
  endpoint: string;
  objects: Map<string, FakeS3Object>;
  /** Every request as `METHOD /path status`, for assertions. */
  log: string[];
  /** Signed header names of the last request of each method. */
  signedHeaders: Map<string, string[]>;
  close(): Promise<void>;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Why a request's signature is not valid for these credentials, or null when it is. */
export function verifySigV4(
  request: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer },
  expected: { credentials: SigV4Credentials; region: string; now: Date },
): string | null {
  const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ""));
  if (!match) return "malformed Authorization";
  const [, accessKeyId, day, region, names, given] = match as unknown as string[];
  if (accessKeyId !== expected.credentials.accessKeyId) return "unknown access key";
  if (region !== expected.region) return "wrong region";
  const date = String(request.headers["x-amz-date"] ?? "");
  if (!/^\d{8}T\d{6}Z$/.test(date) || date.slice(0, 8) !== day) return "x-amz-date does not match the scope";
  const sent = Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  if (Math.abs(sent - expected.now.getTime()) > MAX_SKEW_MS) return "request time too skewed";
  const signed = names!.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) if (!signed.includes(required)) return `${required} is not signed`;
  const payloadHash = String(request.headers["x-amz-content-sha256"]);
  if (payloadHash !== sha256Hex(request.body)) return "x-amz-content-sha256 does not match the body";
  if (signed.includes("content-length") && Number(request.headers["content-length"]) !== request.body.length) return "content-length does not match the body";
  const headers = Object.fromEntries(signed.map((name) => [name, String(request.headers[name] ?? "")]));
  const [path, query = ""] = request.url.split("?") as [string, string?];
  const canonical = canonicalRequest({ method: request.method, path, query, headers, payloadHash });
  const wanted = Buffer.from(signature(canonical, date, { region: expected.region, service: "s3" }, expected.credentials.secretAccessKey));
  return timingSafeEqual(wanted, Buffer.from(given!)) ? null : "SignatureDoesNotMatch";
}

const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;

/** Starts the fake bucket `bucket` on an ephemeral port. */
export async function startFakeS3(options: { bucket: string; region: string; credentials: SigV4Credentials }): Promise<FakeS3> {
  const objects = new Map<string, FakeS3Object>();
  const log: string[] = [];
  const signedHeaders = new Map<string, string[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const url = req.url ?? "/";
      const reply = (status: number, code?: string, headers: Record<string, string> = {}, body?: Buffer) => {
        log.push(`${method} ${url} ${status}`);
        const payload = body ?? (code && method !== "HEAD" ? Buffer.from(xmlError(code)) : undefined);
        res.writeHead(status, { ...(code ? { "content-type": "application/xml" } : {}), ...headers });
        res.end(method === "HEAD" ? undefined : payload);
      };
      const problem = verifySigV4({ method, url, headers: req.headers, body: Buffer.concat(chunks) }, { ...options, now: new Date() });
      if (problem) return reply(403, problem === "SignatureDoesNotMatch" ? problem : "AccessDenied");
      signedHeaders.set(method, /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))![1]!.split(";"));
      const [, bucket, ...segments] = url.split("?")[0]!.split("/");
      if (bucket !== options.bucket) return reply(404, "NoSuchBucket");
      const key = segments.map(decodeURIComponent).join("/");
      const stored = objects.get(key);
      if (method === "PUT") {
        if (req.headers["if-none-match"] === "*" && stored) return reply(412, "PreconditionFailed");
        objects.set(key, { body: Buffer.concat(chunks), contentType: String(req.headers["content-type"] ?? "binary/octet-stream") });
        return reply(200, undefined, { etag: `"${sha256Hex(Buffer.concat(chunks)).slice(0, 32)}"` });
      }
      if (method === "DELETE") {
        objects.delete(key);
        return reply(204);
      }
      if (method !== "GET" && method !== "HEAD") return reply(405, "MethodNotAllowed");
      if (!stored) return reply(404, "NoSuchKey");
      return reply(200, undefined, { "content-type": stored.contentType, "content-length": String(stored.body.length) }, stored.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    signedHeaders,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

