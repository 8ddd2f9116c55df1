// The OpenAPI 3.1 document of the JSON API, assembled from parts each domain contributes
// (paths, tags, and zod schemas turned into JSON Schema 2020-12 components).
import { z } from "zod";

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: unknown[];
  responses: Record<string, unknown>;
}

export interface OpenApiPart {
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  /** Component schemas by name, referenced as `#/components/schemas/<name>`. */
  schemas: Record<string, z.ZodType>;
}

/** JSON Schema of a zod schema without the `$schema` keyword (the document declares the dialect). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** Query parameters from the fields of a zod object schema (descriptions from `.meta()`). */
export function queryParameters(schema: z.ZodObject): unknown[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = jsonSchemaOf(field as z.ZodType, "input");
    const { description, ...fieldSchema } = json;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: fieldSchema };
  });
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A JSON response of a component schema. */
export function jsonResponse(description: string, schema: string | Record<string, unknown>, headers?: Record<string, unknown>) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: typeof schema === "string" ? ref(schema) : schema } },
  };
}

/** A problem-details error response. */
export function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: ref("Problem") } } };
}

export function buildOpenApiDocument(options: { siteUrl: string; parts: OpenApiPart[] }) {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (const part of options.parts) {
    for (const [name, schema] of Object.entries(part.schemas)) schemas[name] = jsonSchemaOf(schema);
    Object.assign(paths, part.paths);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Python.org API",
      version: "3",
      description:
        "The python.org JSON API. Version 3 is documented here; the legacy v1 (tastypie) and v2 (DRF) download APIs keep their old shapes for existing tools. Send `Authorization: Token <key>` or `ApiKey <username>:<key>`; anonymous reads see published content only.",
    },
    servers: [{ url: new URL("/", options.siteUrl).toString().replace(/\/$/, "") }],
    tags: options.parts.flatMap((part) => part.tags),
    paths,
    components: {
      schemas,
      securitySchemes: {
        token: { type: "apiKey", in: "header", name: "Authorization", description: "`Token <key>`" },
        apiKey: { type: "apiKey", in: "header", name: "Authorization", description: "`ApiKey <username>:<key>`" },
      },
    },
    security: [{}, { token: [] }, { apiKey: [] }],
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
