// Serves static/ under /static/: fingerprinted names are immutable for a year; plain
// names are cached briefly, since their content can change under the same name.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../core/http/env.ts";
import type { AssetManifest } from "../core/render/assets.ts";

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export function staticRoutes(assets: AssetManifest) {
  const app = new Hono<AppEnv>();
  const serve = async (c: Context<AppEnv>, requestPath: string) => {
    const resolved = assets.resolve(requestPath);
    if (!resolved) return c.notFound();
    const info = await stat(resolved.file).catch(() => undefined);
    if (!info?.isFile()) return c.notFound();
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      "Content-Type": TYPES[path.extname(resolved.file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": resolved.fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    headers["Content-Length"] = String(info.size);
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    return c.body(Readable.toWeb(createReadStream(resolved.file)) as ReadableStream, 200, headers);
  };
  app.get("/static/*", (c) => serve(c, c.req.path.slice("/static/".length)));
  app.get("/favicon.ico", (c) => serve(c, "favicon.ico"));
  return app;
}
