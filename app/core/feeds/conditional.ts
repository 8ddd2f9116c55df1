// Conditional GET for generated documents (feeds, calendars): a strong ETag from the
// body's hash, Last-Modified from the newest item, and 304 when the client has it.
import { createHash } from "node:crypto";
import type { Context } from "hono";

export interface ConditionalBody {
  body: string;
  contentType: string;
  lastModified?: Date;
  cacheControl?: string;
}

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function notModified(c: Context, etag: string, lastModified?: Date): boolean {
  const ifNoneMatch = c.req.header("if-none-match");
  // If-None-Match wins over If-Modified-Since when both are present (RFC 9110 §13.2.2).
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(",").some((tag) => {
      const value = tag.trim();
      return value === "*" || value === etag || value === `W/${etag}`;
    });
  }
  const ifModifiedSince = c.req.header("if-modified-since");
  if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/** Answers 200 with the document, or 304 with no body when the client's copy is current. */
export function conditionalResponse(c: Context, document: ConditionalBody): Response {
  const etag = etagOf(document.body);
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": document.cacheControl ?? "public, max-age=300",
    Vary: "Accept-Encoding",
  };
  if (document.lastModified) headers["Last-Modified"] = document.lastModified.toUTCString();
  if (notModified(c, etag, document.lastModified)) return c.body(null, 304, headers);
  return c.body(document.body, 200, { ...headers, "Content-Type": document.contentType });
}
