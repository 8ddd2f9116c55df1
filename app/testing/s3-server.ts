// Test helper: a real S3-compatible server (s3rver, files in a temporary directory) on
// 127.0.0.1, port 0, behind a gate that checks every request's SigV4 signature and payload
// hash. The gate is needed because s3rver 3.7 checks the access key id, the clock skew and
// the form of x-amz-content-sha256 but not V4 signatures ("Signature version 4 calculation
// is unimplemeneted", lib/middleware/authentication.js): alone it accepts any secret, and
// unsigned requests too. The gate recomputes the signature with aws4fetch's signer from the
// request as received, with the secret it expects; s3.signing.test.ts pins that signer to
// AWS's published examples, so the check does not rest on the code it checks.
import { createHash, timingSafeEqual } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { AwsClient, AwsV4Signer } from "aws4fetch";
import S3rver from "s3rver";
import { type S3Credentials, s3ObjectUrl } from "../core/storage/index.ts";

/** s3rver's built-in account; it refuses any other access key id with InvalidAccessKeyId. */
export const S3RVER_CREDENTIALS: S3Credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LocalS3 {
  /** e.g. `http://127.0.0.1:49152` (the gate). */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: S3Credentials;
  /** Every request as `METHOD /path status`, for assertions. */
  log: string[];
  /** Signed header names of the last request of each method. */
  signedHeaders: Map<string, string[]>;
  /** A signed GET of an object, straight from the bucket (logged like any request). */
  getObject(key: string): Promise<Response>;
  close(): Promise<void>;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const REQUIRED_SIGNED = ["host", "x-amz-content-sha256", "x-amz-date"];

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };

/** The S3 error code to refuse a request with, or null to let it through to s3rver. */
export async function checkSignature(received: Received, expected: { region: string; credentials: S3Credentials }): Promise<string | null> {
  const match = AUTHORIZATION.exec(String(received.headers.authorization ?? ""));
  // A private bucket: unsigned (or not SigV4-signed) requests are refused.
  if (!match) return "AccessDenied";
  const [, accessKeyId, day, region, names, given] = match as unknown as [string, string, string, string, string, string];
  // Other key ids go on to s3rver, which refuses them itself.
  if (accessKeyId !== expected.credentials.accessKeyId) return null;
  const date = String(received.headers["x-amz-date"] ?? "");
  if (region !== expected.region || date.slice(0, 8) !== day) return "AuthorizationHeaderMalformed";
  const signed = names.split(";");
  if (REQUIRED_SIGNED.some((name) => !signed.includes(name))) return "AccessDenied";
  const payloadHash = String(received.headers["x-amz-content-sha256"]);
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== createHash("sha256").update(received.body).digest("hex")) return "XAmzContentSHA256Mismatch";
  const signer = new AwsV4Signer({
    method: received.method,
    url: `http://${received.headers.host}${received.url}`,
    headers: signed.filter((name) => name !== "host").map((name): [string, string] => [name, String(received.headers[name] ?? "")]),
    ...expected.credentials,
    service: "s3",
    region,
    datetime: date,
    allHeaders: true,
  });
  if (signer.signedHeaders !== names) return "SignatureDoesNotMatch";
  const wanted = Buffer.from(await signer.signature());
  return wanted.length === given.length && timingSafeEqual(wanted, Buffer.from(given)) ? null : "SignatureDoesNotMatch";
}

const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} (test gate)</Message></Error>`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts s3rver and its gate, and creates `bucket` through the S3 API with signed requests. */
export async function startLocalS3(options: { bucket: string; region?: string }): Promise<LocalS3> {
  const region = options.region ?? "us-east-1";
  const credentials = S3RVER_CREDENTIALS;
  const directory = await mkdtemp(path.join(tmpdir(), "pydotorg-s3rver-"));
  const s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, vhostBuckets: false });
  const upstream = await s3rver.run();
  const log: string[] = [];
  const signedHeaders = new Map<string, string[]>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const received = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: await readBody(req) };
    const refusal = await checkSignature(received, { region, credentials });
    if (refusal) {
      log.push(`${received.method} ${received.url} 403`);
      res.writeHead(403, { "content-type": "application/xml" });
      res.end(received.method === "HEAD" ? undefined : xmlError(refusal));
      return;
    }
    const names = /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))?.[1];
    if (names) signedHeaders.set(received.method, names.split(";"));
    const forward = request({ host: upstream.address, port: upstream.port, method: received.method, path: received.url, headers: req.headers }, (answer) => {
      log.push(`${received.method} ${received.url} ${answer.statusCode}`);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", (error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`s3rver did not answer: ${error.message}`);
    });
    forward.end(received.body);
  }

  const gate = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
  const client = new AwsClient({ ...credentials, service: "s3", region, retries: 0 });
  const created = await client.fetch(`${endpoint}/${encodeURIComponent(options.bucket)}`, { method: "PUT" });
  if (!created.ok) throw new Error(`s3rver did not create bucket ${options.bucket}: HTTP ${created.status} ${await created.text()}`);
  log.length = 0;
  signedHeaders.clear();

  return {
    endpoint,
    bucket: options.bucket,
    region,
    credentials,
    log,
    signedHeaders,
    getObject: (key) => client.fetch(s3ObjectUrl(endpoint, options.bucket, key)),
    async close() {
      gate.closeAllConnections();
      await new Promise<void>((resolve, reject) => gate.close((error) => (error ? reject(error) : resolve())));
      await s3rver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
