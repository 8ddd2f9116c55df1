// The structural OpenAPI check catches each kind of mistake it is meant to.
import { describe, expect, it } from "vitest";
import { checkOpenApiDocument } from "./openapi-check.ts";

function documentWith(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    tags: [{ name: "T" }],
    paths,
    components: { schemas, securitySchemes: { token: { type: "apiKey", in: "header", name: "Authorization" } } },
  };
}
const ok = { description: "ok" };

describe("checkOpenApiDocument", () => {
  it("passes a small sound document", () => {
    const document = documentWith(
      {
        "/a/{id}/": {
          get: {
            operationId: "getA",
            tags: ["T"],
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
            responses: { "200": { ...ok, content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } } },
          },
        },
      },
      { A: { type: "object", properties: { name: { type: ["string", "null"], pattern: "^[a-z]+$" } }, required: ["name"] } },
    );
    expect(checkOpenApiDocument(document)).toEqual([]);
  });

  it("finds dangling refs, duplicate operationIds, undeclared path parameters and missing responses", () => {
    const problems = checkOpenApiDocument(
      documentWith({
        "/a/{id}/": { get: { operationId: "same", responses: { "200": { ...ok, content: { "application/json": { schema: { $ref: "#/components/schemas/Missing" } } } } } } },
        "/b/": {
          get: { operationId: "same", responses: {} },
          post: { operationId: "postB", parameters: [{ name: "x", in: "path", required: true, schema: {} }], responses: { "201": ok }, security: [{ nobody: [] }] },
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("$ref #/components/schemas/Missing does not resolve"),
        expect.stringContaining("operationId same is also used by GET /a/{id}/"),
        "GET /a/{id}/: path parameter {id} is not declared",
        "GET /b/: no responses",
        "POST /b/: path parameter x is not in the path",
        "POST /b/: security scheme nobody is not declared",
      ]),
    );
  });

  it("finds malformed JSON Schemas and OpenAPI 3.0 leftovers", () => {
    const problems = checkOpenApiDocument(
      documentWith({}, { A: { type: "text", required: "name", pattern: "(", nullable: true, properties: { b: { anyOf: [] } }, minLength: -1 } }),
    );
    expect(problems).toEqual([
      '#/components/schemas/A: type "text" is not a JSON Schema type',
      '#/components/schemas/A: "nullable" is OpenAPI 3.0; use a type array with "null"',
      "#/components/schemas/A: required must be an array of distinct strings",
      "#/components/schemas/A: pattern ( does not compile",
      "#/components/schemas/A: minLength must be a non-negative integer",
      "#/components/schemas/A/properties/b: anyOf must be a non-empty array of schemas",
    ]);
  });

  it("finds two paths that differ only in parameter names and undeclared tags", () => {
    const problems = checkOpenApiDocument(
      documentWith({
        "/a/{id}/": { get: { operationId: "a", tags: ["Nope"], parameters: [{ name: "id", in: "path", required: true, schema: {} }], responses: { "200": ok } } },
        "/a/{slug}/": { get: { operationId: "b", parameters: [{ name: "slug", in: "path", required: true, schema: {} }], responses: { "200": ok } } },
      }),
    );
    expect(problems).toEqual(["GET /a/{id}/: tag Nope is not declared", "/a/{slug}/: the same templated path as /a/{id}/"]);
  });
});
