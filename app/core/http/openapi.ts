// The OpenAPI 3.1 document of the JSON API, assembled from parts each domain contributes
// (paths, tags, and zod schemas turned into JSON Schema 2020-12 components).
import { z } from "zod";

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: unknown[];
  requestBody?: { description?: string; required?: boolean; content: Record<string, { schema: unknown }> };
  /** Overrides the document's default (anonymous or either credential). */
  security?: Array<Record<string, string[]>>;
  deprecated?: boolean;
  responses: Record<string, unknown>;
}

/** The API versions under /api; each module documents its operations per version. */
export const API_VERSIONS = ["v1", "v2", "v3"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** What one module documents: a part per API version it serves. */
export type VersionedOpenApi = Partial<Record<ApiVersion, OpenApiPart>>;

export interface OpenApiPart {
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  /** Component schemas by name, referenced as `#/components/schemas/<name>`. */
  schemas: Record<string, z.ZodType>;
  /** Components of request bodies, described as the schema accepts input (fields with defaults optional). */
  requestSchemas?: Record<string, z.ZodType>;
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

/** A required path parameter. */
export function pathParameter(name: string, schema: Record<string, unknown>, description?: string) {
  return { name, in: "path", required: true, ...(description ? { description } : {}), schema };
}

/** A JSON request body of a component schema. */
export function jsonBody(description: string, schema: string) {
  return { description, required: true, content: { "application/json": { schema: ref(schema) } } };
}

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

/** The document cannot be assembled: two parts disagree. */
export class OpenApiConflictError extends Error {
  override name = "OpenApiConflictError";
}

/** Merges the parts; the same path and method twice, or one schema name with two shapes, is refused. */
function mergeParts(parts: OpenApiPart[]) {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const tags = new Map<string, { name: string; description: string }>();
  for (const part of parts) {
    const components = [
      ...Object.entries(part.schemas).map(([name, schema]) => [name, jsonSchemaOf(schema)] as const),
      ...Object.entries(part.requestSchemas ?? {}).map(([name, schema]) => [name, jsonSchemaOf(schema, "input")] as const),
    ];
    for (const [name, json] of components) {
      if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(json)) throw new OpenApiConflictError(`schema "${name}" is defined twice, differently`);
      schemas[name] = json;
    }
    for (const [path, operations] of Object.entries(part.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (paths[path]?.[method]) throw new OpenApiConflictError(`${method.toUpperCase()} ${path} is documented twice`);
        (paths[path] ??= {})[method] = operation;
      }
    }
    for (const tag of part.tags) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }
  return { schemas, paths, tags: [...tags.values()] };
}

export function buildOpenApiDocument(options: { siteUrl: string; parts: OpenApiPart[] }) {
  const { schemas, paths, tags } = mergeParts(options.parts);
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Python.org API",
      version: "3",
      description:
        "The python.org JSON API in its three versions. Version 3 (`/api/v3/`) is the current one: problem-details errors, ETags, keyset pages. The legacy v1 (tastypie, `/api/v1/`) and v2 (Django REST framework, `/api/v2/`) keep their old shapes for existing tools such as python/release-tools, which adds release files through v1. Send `Authorization: Token <key>` (v2, v3) or `ApiKey <username>:<key>` (v1, v3); anonymous reads see published content only, and writes are for staff.",
    },
    servers: [{ url: new URL("/", options.siteUrl).toString().replace(/\/$/, "") }],
    tags,
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
