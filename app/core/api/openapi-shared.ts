// The parts of /api/openapi.json that belong to no domain: the three API roots and the
// error shapes every version shares (problem details for v3, tastypie's and DRF's bodies
// for the legacy versions).
import { z } from "zod";
import { jsonResponse, type OpenApiPart } from "../http/openapi.ts";

/** RFC 9457 problem details, as every /api/v3 error is answered (app/core/http/problem.ts). */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().optional(),
    code: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Messages per invalid parameter." }),
  })
  .meta({ title: "Problem" });

/** tastypie's `meta` of a list page (limit/offset paging). */
export const TastypieMetaSchema = z
  .strictObject({
    limit: z.number().int(),
    next: z.string().nullable().meta({ description: "The next page's relative URL, or null." }),
    offset: z.number().int(),
    previous: z.string().nullable(),
    total_count: z.number().int(),
  })
  .meta({ title: "TastypieMeta" });

/** tastypie's 400 for a bad filter, paging value or body. */
export const TastypieErrorSchema = z.strictObject({ error: z.string() }).meta({ title: "TastypieError" });

/** tastypie's 400 for a write that fails validation: messages per field, keyed by resource name. */
export const TastypieValidationErrorSchema = z
  .record(z.string(), z.record(z.string(), z.array(z.string())))
  .meta({ title: "TastypieValidationError", description: 'e.g. `{"downloads/release_file": {"url": ["This field is required."]}}`.' });

/** DRF's `{"detail": …}` errors and its field errors. */
export const DrfDetailSchema = z.strictObject({ detail: z.string() }).meta({ title: "DrfDetail" });
export const DrfFieldErrorsSchema = z.record(z.string(), z.array(z.string())).meta({ title: "DrfFieldErrors" });

export const V1RootSchema = z
  .record(z.string(), z.strictObject({ list_endpoint: z.string(), schema: z.string() }))
  .meta({ title: "V1Root", description: "tastypie's top level: each resource's list and `/schema/` paths." });
export const V2RootSchema = z.record(z.string(), z.url()).meta({ title: "V2Root", description: "DRF's router root: each resource's list URL." });

export const V3RootSchema = z
  .strictObject({
    version: z.literal("3"),
    resources: z.record(
      z.string(),
      z.strictObject({
        list_endpoint: z.url(),
        summary: z.string(),
        docs: z.url().meta({ description: "The operation in the API reference." }),
      }),
    ),
    openapi: z.url().meta({ description: "This OpenAPI 3.1 document." }),
    docs: z.url().meta({ description: "The API reference page." }),
    legacy: z.strictObject({ v1: z.url(), v2: z.url() }),
  })
  .meta({ title: "V3Root" });

const TAG = "API roots";

export const sharedOpenApi: OpenApiPart = {
  tags: [{ name: TAG, description: "Where each version starts: what it lists, and where this document is." }],
  schemas: {
    Problem: ProblemSchema,
    TastypieMeta: TastypieMetaSchema,
    TastypieError: TastypieErrorSchema,
    TastypieValidationError: TastypieValidationErrorSchema,
    DrfDetail: DrfDetailSchema,
    DrfFieldErrors: DrfFieldErrorsSchema,
    V1Root: V1RootSchema,
    V2Root: V2RootSchema,
    V3Root: V3RootSchema,
  },
  paths: {
    "/api/v1/": {
      get: { operationId: "getApiV1Root", summary: "The v1 (tastypie) resources", tags: [TAG], responses: { "200": jsonResponse("Every v1 resource.", "V1Root") } },
    },
    "/api/v2/": {
      get: { operationId: "getApiV2Root", summary: "The v2 (DRF) resources", tags: [TAG], responses: { "200": jsonResponse("Every v2 resource.", "V2Root") } },
    },
    "/api/v3/": {
      get: {
        operationId: "getApiV3Root",
        summary: "The v3 resources",
        description: "Every v3 collection the site's modules document, with links to this document and the reference page.",
        tags: [TAG],
        responses: { "200": jsonResponse("Every v3 collection.", "V3Root") },
      },
    },
  },
};
