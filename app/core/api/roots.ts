// `GET /api/v1/` and `GET /api/v2/`: the legacy API roots, listing every domain's legacy
// resources (tastypie Api.top_level and DRF DefaultRouter's root view, legacy pydotorg/urls.py).
import { Hono } from "hono";
import type { AppEnv } from "../http/env.ts";
import { drfJson, drfRoot } from "./drf.ts";
import { tastypieJson, tastypieRoot } from "./tastypie.ts";

/** A domain's legacy resources: v1 names, and v2 names with their list paths. */
export interface LegacyApiResources {
  v1: readonly string[];
  v2: Record<string, string>;
}

export function legacyApiRoots(domains: LegacyApiResources[], options: { siteUrl: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  const v1 = tastypieRoot(
    "/api/v1/",
    domains.flatMap((domain) => domain.v1),
  );
  const v2 = drfRoot(options.siteUrl, Object.assign({}, ...domains.map((domain) => domain.v2)));
  app.get("/v1/", (c) => tastypieJson(c, v1));
  app.get("/v2/", (c) => drfJson(c, v2));
  return app;
}
