// The pages part of /api/openapi.json: v1 (tastypie) reads, create and delete for staff
// with `ApiKey`; v2 (DRF) reads.
import { drfResourcePaths } from "../../../core/api/drf-openapi.ts";
import { tastypieResourcePaths } from "../../../core/api/tastypie-openapi.ts";
import type { OpenApiPart } from "../../../core/http/openapi.ts";
import { PAGE_V1_SPEC } from "./filters.ts";
import { V1PageBodySchema, V1PageSchema, V2PageSchema } from "./schemas.ts";
import { V2_LIST } from "./serializers.ts";

const V1_TAG = "Pages v1 (legacy)";
const V2_TAG = "Pages v2 (legacy)";

export const pagesV1OpenApi: OpenApiPart = {
  tags: [{ name: V1_TAG, description: "The CMS pages as the legacy tastypie resource served them." }],
  schemas: { V1Page: V1PageSchema },
  requestSchemas: { V1PageBody: V1PageBodySchema },
  paths: tastypieResourcePaths({
    name: "pages/page",
    tag: V1_TAG,
    noun: "pages",
    schema: "V1Page",
    filtering: PAGE_V1_SPEC.filtering,
    create: { body: "V1PageBody", description: "The path must be free; the markup type defaults to reStructuredText." },
    deleteDetail: true,
  }),
};

export const pagesV2OpenApi: OpenApiPart = {
  tags: [{ name: V2_TAG, description: "The CMS pages as the legacy read-only DRF viewset served them; writes answer 405 to staff." }],
  schemas: { V2Page: V2PageSchema },
  paths: drfResourcePaths({
    path: V2_LIST,
    tag: V2_TAG,
    noun: "pages",
    schema: "V2Page",
    filters: [
      { name: "title" },
      { name: "path" },
      { name: "keywords" },
      { name: "keywords__icontains", description: "Case-insensitive substring of the keywords." },
      { name: "is_published", type: "boolean" },
    ],
    note: "Any other parameter is a 400.",
  }),
};
