// The legacy pages APIs, mounted inside the /api sub-app (after apiAuth).
import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.ts";
import { pagesApiV1 } from "./api/v1.ts";
import type { LegacyApiResources } from "../../core/api/roots.ts";
import { PAGES_V2_RESOURCES, pagesApiV2 } from "./api/v2.ts";
import type { PagesService } from "./service.ts";
import { pagesV1OpenApi, pagesV2OpenApi } from "./api/openapi.ts";
import type { VersionedOpenApi } from "../../core/http/openapi.ts";
import { cacheable } from "../../core/http/cacheable.ts";
import { PAGES_CACHE_TAG } from "./service/pages.ts";

/** The pages operations of v1 and v2, for /api/openapi.json. */
export const pagesOpenApi: VersionedOpenApi = { v1: pagesV1OpenApi, v2: pagesV2OpenApi };

/** The pages resources the legacy API roots list. */
export const pagesLegacyApi: LegacyApiResources = { v1: ["pages/page"], v2: PAGES_V2_RESOURCES };

export function pagesApi(pages: PagesService, options: { siteUrl: string }) {
  const app = new Hono<AppEnv>({ strict: true });
  // Anonymous reads are stored whole until the next pages write.
  for (const version of ["v1", "v2"]) app.use(`/${version}/pages/*`, cacheable({ tags: [PAGES_CACHE_TAG] }));
  app.route("/", pagesApiV1(pages));
  app.route("/", pagesApiV2(pages, options));
  return app;
}
