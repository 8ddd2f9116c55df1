// `GET /api/v3/`: the v3 collections, read from the OpenAPI document the modules build
// (every v3 GET path without a path parameter), so a new domain's collections appear here
// as soon as it documents them; with links to the document, the reference and the legacy roots.
import { Hono } from "hono";
import type { AppEnv } from "../http/env.ts";
import type { OpenApiDocument, OpenApiOperation } from "../http/openapi.ts";

const PREFIX = "/api/v3/";

/** `{ "downloads/releases": { list_endpoint, summary, docs } }` for the document's v3 collections. */
export function v3Resources(document: OpenApiDocument, siteUrl: string) {
  const url = (path: string) => new URL(path, siteUrl).toString();
  const paths = document.paths as Record<string, Record<string, OpenApiOperation>>;
  const collections = Object.entries(paths)
    .filter(([path, operations]) => path.startsWith(PREFIX) && path !== PREFIX && !path.includes("{") && operations.get)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    collections.map(([path, operations]) => [
      path.slice(PREFIX.length, -1),
      { list_endpoint: url(path), summary: operations.get!.summary, docs: url(`/api/docs/#${operations.get!.operationId}`) },
    ]),
  );
}

export function apiV3Root(options: { document: OpenApiDocument; siteUrl: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  const url = (path: string) => new URL(path, options.siteUrl).toString();
  const body = JSON.stringify({
    version: "3",
    resources: v3Resources(options.document, options.siteUrl),
    openapi: url("/api/openapi.json"),
    docs: url("/api/docs/"),
    legacy: { v1: url("/api/v1/"), v2: url("/api/v2/") },
  });
  app.get(PREFIX.replace(/^\/api/, ""), (c) => c.body(body, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" }));
  return app;
}
