// The legacy pages API shapes as zod schemas (serializers.ts writes them): v1 tastypie
// objects with sorted keys and relative URIs, v2 DRF objects in PageSerializer order, and
// the v1 POST body, which is the service's PageInputSchema under its v1 field names.
import { z } from "zod";
import { MARKUP_TYPES } from "../../../core/markup/render.ts";
import { PageInputSchema } from "../schemas.ts";
import { V1_FIELD_NAMES } from "./serializers.ts";

const pageFields = {
  content: z.string().meta({ description: "The rendered body, sanitised HTML." }),
  description: z.string(),
  is_published: z.boolean(),
  keywords: z.string(),
  path: z.string().meta({ description: "Without leading or trailing slashes, e.g. `about/psf`." }),
  template_name: z.string(),
  title: z.string(),
};

export const V1PageSchema = z.strictObject({ ...pageFields, resource_uri: z.string().regex(/^\/api\/v1\/pages\/page\/[0-9]+\/$/) }).meta({ title: "V1Page" });

export const V2PageSchema = z.strictObject({ ...pageFields, resource_uri: z.url() }).meta({ title: "V2Page" });

export const V1PageBodySchema = z
  .object(
    Object.fromEntries(
      Object.entries(PageInputSchema.shape).map(([field, schema]) => [
        V1_FIELD_NAMES[field] ?? field,
        // fromV1Body defaults the markup type to legacy's restructuredtext.
        field === "contentMarkupType" ? z.enum(MARKUP_TYPES).default("restructuredtext") : schema,
      ]),
    ),
  )
  .meta({ title: "V1PageBody" });
