// The API reference: /api/openapi.json (OpenAPI 3.1) and /api/docs/, a page rendered on
// the server from that document with the site's own templates and styles (no CDN).
import { Hono } from "hono";
import type { AppEnv } from "../core/http/env.ts";
import type { OpenApiDocument, OpenApiOperation } from "../core/http/openapi.ts";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Record<string, unknown>;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function schemaSummary(schema: Record<string, unknown> = {}): string {
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "string");
  if (Array.isArray(schema.enum)) return `${type}: ${schema.enum.join(", ")}`;
  return typeof schema.pattern === "string" ? `${type} (${schema.pattern})` : type;
}

type SchemaNode = { $ref?: string; items?: SchemaNode; oneOf?: SchemaNode[]; properties?: Record<string, SchemaNode> };

const refName = (reference: string) => reference.split("/").pop()!;

/** What a body holds, for the reference's tables: a component name, and the one to link. */
function schemaLabel(schema: SchemaNode | undefined): { label: string; link: string } | null {
  if (!schema) return null;
  if (schema.$ref) return { label: refName(schema.$ref), link: refName(schema.$ref) };
  if (schema.items?.$ref) return { label: `array of ${refName(schema.items.$ref)}`, link: refName(schema.items.$ref) };
  // tastypie lists: `{meta, objects: [...]}`.
  const objects = schema.properties?.objects?.items?.$ref;
  if (objects) return { label: `objects: array of ${refName(objects)}`, link: refName(objects) };
  const choices = (schema.oneOf ?? []).flatMap((choice) => (choice.$ref ? [refName(choice.$ref)] : []));
  return choices.length > 0 ? { label: choices.join(" or "), link: choices[0]! } : null;
}

function bodySchema(holder: unknown) {
  const content = (holder as { content?: Record<string, { schema?: SchemaNode }> } | undefined)?.content;
  return schemaLabel(content ? Object.values(content)[0]?.schema : undefined);
}

const SECURITY_NAMES: Record<string, string> = { token: "Token <key>", apiKey: "ApiKey <username>:<key>" };

/** The credentials an operation asks for, where it overrides the document's default. */
function credentials(operation: OpenApiOperation): string {
  if (!operation.security) return "";
  return operation.security.flatMap((requirement) => Object.keys(requirement).map((name) => SECURITY_NAMES[name] ?? name)).join(" or ");
}

/** The reference page's data: operations grouped by tag, and every schema as formatted JSON. */
export function describeApi(document: OpenApiDocument) {
  const tags = document.tags.map((tag) => ({
    ...tag,
    operations: Object.entries(document.paths as Record<string, Record<string, OpenApiOperation>>).flatMap(([path, operations]) =>
      METHODS.filter((method) => operations[method]?.tags.includes(tag.name)).map((method) => {
        const operation = operations[method]!;
        return {
          id: operation.operationId,
          method: method.toUpperCase(),
          path,
          summary: operation.summary,
          description: operation.description ?? "",
          parameters: ((operation.parameters ?? []) as Parameter[]).map((parameter) => ({ ...parameter, type: schemaSummary(parameter.schema) })),
          requestBody: operation.requestBody ? { description: operation.requestBody.description ?? "", schema: bodySchema(operation.requestBody) } : null,
          credentials: credentials(operation),
          responses: Object.entries(operation.responses).map(([status, response]) => ({
            status,
            description: (response as { description: string }).description,
            schema: bodySchema(response),
          })),
        };
      }),
    ),
  }));
  const schemas = Object.entries(document.components.schemas).map(([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) }));
  return { tags, schemas };
}

export function apiDocsRoutes(options: { document: OpenApiDocument }) {
  const app = new Hono<AppEnv>({ strict: true });
  const body = JSON.stringify(options.document, null, 2);
  const reference = describeApi(options.document);
  app.get("/api/openapi.json", (c) =>
    c.body(body, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" }),
  );
  app.get("/api/docs", (c) => c.redirect("/api/docs/", 301));
  app.get("/api/docs/", (c) => c.render("api/docs.njk", { title: "API reference", body_class: "python default-page", info: options.document.info, ...reference }));
  return app;
}
