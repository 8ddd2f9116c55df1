// The downloads part of /api/openapi.json for v2 (DRF): the read shapes, from the same zod
// schemas the v2 tests hold every answer to. Staff writes (Token) are kept but not listed.
import { drfResourcePaths } from "../../../../core/api/drf-openapi.ts";
import type { OpenApiPart } from "../../../../core/http/openapi.ts";
import { V2OsSchema, V2ReleaseFileSchema, V2ReleaseSchema } from "./schemas.ts";
import { V2_PATHS } from "./serializers.ts";

const TAG = "Downloads v2 (legacy)";
const WRITES = "Staff with `Token <key>` may also POST, PUT, PATCH and DELETE, as on the legacy site.";

export const downloadsV2OpenApi: OpenApiPart = {
  tags: [{ name: TAG, description: 'Django REST framework resources of the legacy site: absolute URLs, bare arrays, `{"detail": …}` errors.' }],
  schemas: { V2OperatingSystem: V2OsSchema.meta({ title: "V2OperatingSystem" }), V2Release: V2ReleaseSchema, V2ReleaseFile: V2ReleaseFileSchema },
  paths: {
    ...drfResourcePaths({ path: V2_PATHS.os, tag: TAG, noun: "operating systems", schema: "V2OperatingSystem", filters: [{ name: "name" }, { name: "slug" }], note: WRITES }),
    ...drfResourcePaths({
      path: V2_PATHS.release,
      tag: TAG,
      noun: "releases",
      schema: "V2Release",
      filters: [
        { name: "name" },
        { name: "slug" },
        { name: "version", type: "integer", description: "The version line (3, 2, 1, 100)." },
        { name: "is_published", type: "boolean" },
        { name: "pre_release", type: "boolean" },
        { name: "release_date", description: "An exact date-time." },
      ],
      note: WRITES,
    }),
    ...drfResourcePaths({
      path: V2_PATHS.file,
      tag: TAG,
      noun: "release files",
      schema: "V2ReleaseFile",
      filters: [
        { name: "name" },
        { name: "slug" },
        { name: "description__contains", description: "Substring of the description." },
        { name: "os", type: "integer", description: "Operating system id." },
        { name: "release", type: "integer", description: "Release id." },
      ],
      note: `Any other parameter is a 400. ${WRITES}`,
    }),
  },
};
