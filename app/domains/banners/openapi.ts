// The banners part of /api/openapi.json (api.ts, serializers.ts).
import { z } from "zod";
import { jsonResponse, type OpenApiPart, problemResponse, queryParameters } from "../../core/http/openapi.ts";
import { BannerListQuerySchema } from "./schemas.ts";

const TAG = "Banners";

export const BannerSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    message: z.string(),
    link: z.string(),
    active: z.boolean(),
    psf_pages_only: z.boolean(),
    resource_uri: z.url(),
  })
  .meta({ title: "Banner" });

export const bannersOpenApi: OpenApiPart = {
  tags: [{ name: TAG, description: "Site-wide notices shown above the content." }],
  schemas: { Banner: BannerSchema },
  paths: {
    "/api/v3/banners/": {
      get: {
        operationId: "listBanners",
        summary: "List banners",
        tags: [TAG],
        parameters: queryParameters(BannerListQuerySchema),
        responses: {
          "200": jsonResponse("Every banner.", { type: "array", items: { $ref: "#/components/schemas/Banner" } }),
          "400": problemResponse("`active` is not true or false."),
        },
      },
    },
    "/api/v3/banners/{id}/": {
      get: {
        operationId: "getBanner",
        summary: "One banner",
        tags: [TAG],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: { "200": jsonResponse("The banner.", "Banner"), "404": problemResponse("No banner has this id.") },
      },
    },
  },
};
