// AWS Signature Version 4, by hand with node:crypto (the AWS SDK is not a dependency).
// Follows "Create a signed AWS API request": canonical request → string to sign → HMAC
// chain of date, region, service. Paths are used as sent (S3 style: encoded once, never
// normalised), which is also right for the "/"-only examples of other services.
import { createHash, createHmac } from "node:crypto";

export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
/** SHA-256 of the empty body, the payload hash of GET, HEAD and DELETE. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigV4Scope {
  region: string;
  service: string;
}

export interface CanonicalParts {
  method: string;
  /** The path exactly as it goes on the wire, already percent-encoded. */
  path: string;
  /** The raw query string without `?` ("" when none). */
  query: string;
  /** Lower-case header names to their values; only the signed headers. */
  headers: Record<string, string>;
  payloadHash: string;
}

/** Hex SHA-256 of a body. */
export const sha256Hex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ is escaped. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20150830T123600Z` from a date. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** The query sorted by encoded name then value, each pair encoded once (`+` read as a space, as browsers and AWS do). */
export function canonicalQuery(query: string): string {
  const pairs = [...new URLSearchParams(query)].map(([name, value]) => [uriEncode(name), uriEncode(value)] as const);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

/** The sorted, lower-cased names of the signed headers, `;`-separated. */
export function signedHeaderNames(headers: Record<string, string>): string {
  return Object.keys(headers).map((name) => name.toLowerCase()).sort().join(";");
}

/** The canonical request: method, path, query, `name:value` headers (trimmed, inner spaces collapsed), signed names, payload hash. */
export function canonicalRequest(parts: CanonicalParts): string {
  const headers = Object.entries(parts.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    parts.method.toUpperCase(),
    parts.path || "/",
    canonicalQuery(parts.query),
    headers.map(([name, value]) => `${name}:${value}\n`).join(""),
    signedHeaderNames(parts.headers),
    parts.payloadHash,
  ].join("\n");
}

/** `<yyyymmdd>/<region>/<service>/aws4_request`. */
export function credentialScope(date: string, scope: SigV4Scope): string {
  return `${date.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
}

/** The hex signature of a canonical request made at `date` (`amzDate` form). */
export function signature(canonical: string, date: string, scope: SigV4Scope, secretAccessKey: string): string {
  const toSign = [SIGV4_ALGORITHM, date, credentialScope(date, scope), sha256Hex(canonical)].join("\n");
  let key = hmac(`AWS4${secretAccessKey}`, date.slice(0, 8));
  for (const part of [scope.region, scope.service, "aws4_request"]) key = hmac(key, part);
  return createHmac("sha256", key).update(toSign, "utf8").digest("hex");
}

/**
 * Signs a request: adds `host` and `x-amz-date`, signs every header given, and returns
 * the headers to send with `authorization` set. The caller adds `x-amz-content-sha256`
 * when the service wants it (S3 does).
 */
export function signRequest(
  request: { method: string; url: URL; headers: Record<string, string>; payloadHash: string },
  credentials: SigV4Credentials,
  scope: SigV4Scope,
  now: Date = new Date(),
): Record<string, string> {
  const date = amzDate(now);
  const headers: Record<string, string> = { host: request.url.host };
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  headers["x-amz-date"] = date;
  const canonical = canonicalRequest({ method: request.method, path: request.url.pathname, query: request.url.search.slice(1), headers, payloadHash: request.payloadHash });
  const names = signedHeaderNames(headers);
  const signed = signature(canonical, date, scope, credentials.secretAccessKey);
  headers.authorization = `${SIGV4_ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope(date, scope)}, SignedHeaders=${names}, Signature=${signed}`;
  return headers;
}
