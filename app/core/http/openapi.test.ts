// Assembling the document refuses parts that disagree, and shares identical schemas.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument, OpenApiConflictError, type OpenApiPart } from "./openapi.ts";

const operation = (operationId: string) => ({ operationId, summary: "s", tags: [], responses: { "200": { description: "ok" } } });
const part = (paths: OpenApiPart["paths"], schemas: OpenApiPart["schemas"] = {}): OpenApiPart => ({ tags: [], paths, schemas });

describe("buildOpenApiDocument", () => {
  it("merges parts: one path item may gather methods from several parts, and equal schemas are shared", () => {
    const document = buildOpenApiDocument({
      siteUrl: "http://testserver",
      parts: [
        part({ "/a/": { get: operation("getA") } }, { Same: z.object({ a: z.string() }) }),
        part({ "/a/": { post: operation("postA") } }, { Same: z.object({ a: z.string() }) }),
      ],
    });
    expect(Object.keys(document.paths["/a/"]!)).toEqual(["get", "post"]);
    expect(Object.keys(document.components.schemas)).toEqual(["Same"]);
  });

  it("refuses the same operation twice and one schema name with two shapes", () => {
    expect(() => buildOpenApiDocument({ siteUrl: "http://testserver", parts: [part({ "/a/": { get: operation("x") } }), part({ "/a/": { get: operation("y") } })] })).toThrow(
      OpenApiConflictError,
    );
    expect(() => buildOpenApiDocument({ siteUrl: "http://testserver", parts: [part({}, { S: z.string() }), part({}, { S: z.number() })] })).toThrow(/schema "S"/);
  });
});
