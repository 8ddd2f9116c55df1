// The downloads JSON APIs under /api: legacy v1 (tastypie) and v2 (DRF) with their
// contracts kept, and v3. Each version's OpenAPI part is exported for /api/openapi.json.
import { Hono } from "hono";
import { cacheable } from "../../core/http/cacheable.ts";
import type { AppEnv } from "../../core/http/env.ts";
import type { LegacyApiResources } from "../../core/api/roots.ts";
import { DOWNLOADS_V1_RESOURCES, downloadsApiV1 } from "./api/v1/routes.ts";
import { DOWNLOADS_V2_RESOURCES, downloadsApiV2 } from "./api/v2/routes.ts";
import { downloadsApiV3 } from "./api/v3/routes.ts";
import type { DownloadsService } from "./service.ts";
import { DOWNLOADS_CACHE_TAG } from "./service/context.ts";

import { downloadsV1OpenApi } from "./api/v1/openapi.ts";
import { downloadsV2OpenApi } from "./api/v2/openapi.ts";
import { downloadsV3OpenApi } from "./api/v3/openapi.ts";
import type { VersionedOpenApi } from "../../core/http/openapi.ts";

/** The downloads operations of every version, for /api/openapi.json. */
export const downloadsOpenApi: VersionedOpenApi = { v1: downloadsV1OpenApi, v2: downloadsV2OpenApi, v3: downloadsV3OpenApi };

/** The downloads resources the legacy API roots list. */
export const downloadsLegacyApi: LegacyApiResources = { v1: DOWNLOADS_V1_RESOURCES, v2: DOWNLOADS_V2_RESOURCES };

export function downloadsApi(downloads: DownloadsService, options: { siteUrl: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  // Every downloads response names its section for CDN purges (the global middleware adds the rest).
  for (const version of ["v1", "v2", "v3"]) {
    // Anonymous reads are stored whole until the next downloads write.
    app.use(`/${version}/downloads/*`, cacheable({ tags: [DOWNLOADS_CACHE_TAG] }));
    app.use(`/${version}/downloads/*`, async (c, next) => {
      await next();
      c.header("Surrogate-Key", [...new Set(["downloads", "api-downloads", ...(c.res.headers.get("Surrogate-Key") ?? "").split(" ").filter(Boolean)])].join(" "));
    });
  }
  app.route("/", downloadsApiV1(downloads));
  app.route("/", downloadsApiV2(downloads, options));
  app.route("/", downloadsApiV3(downloads, options));
  return app;
}
