// The boxes part of /api/openapi.json (api.ts, serializers.ts).
import { z } from "zod";
import { jsonResponse, type OpenApiPart, problemResponse, queryParameters } from "../../core/http/openapi.ts";
import { MARKUP_TYPES } from "../../core/markup/render.ts";

const TAG = "Boxes";

export const BoxSchema = z
  .object({
    label: z.string(),
    content: z.string().meta({ description: "The editor's source." }),
    content_markup_type: z.enum(MARKUP_TYPES),
    content_html: z.string().meta({ description: "Sanitised HTML, safe to embed." }),
    created: z.iso.datetime(),
    updated: z.iso.datetime(),
    resource_uri: z.url(),
    html_uri: z.url().meta({ description: "The box's HTML alone (`/box/<label>/`)." }),
  })
  .meta({ title: "Box" });

const BoxQuerySchema = z.object({
  label: z.string().max(100).optional().meta({ description: "Exact label." }),
  label__startswith: z.string().max(100).optional().meta({ description: "Label prefix, e.g. `homepage-`." }),
});

export const boxesOpenApi: OpenApiPart = {
  tags: [{ name: TAG, description: "Labelled snippets of editor content that pages embed." }],
  schemas: { Box: BoxSchema },
  paths: {
    "/api/v3/boxes/": {
      get: {
        operationId: "listBoxes",
        summary: "List boxes",
        tags: [TAG],
        parameters: queryParameters(BoxQuerySchema),
        responses: {
          "200": jsonResponse("Boxes by label.", { type: "array", items: { $ref: "#/components/schemas/Box" } }),
          "400": problemResponse("A filter value is too long."),
        },
      },
    },
    "/api/v3/boxes/{label}/": {
      get: {
        operationId: "getBox",
        summary: "One box",
        tags: [TAG],
        parameters: [{ name: "label", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9_-]+$" } }],
        responses: { "200": jsonResponse("The box.", "Box"), "404": problemResponse("No box has this label.") },
      },
    },
  },
};
