// /api/openapi.json documents all three API versions and passes the structural OpenAPI 3.1
// check; /api/v3/ lists what the modules document; /api/docs/ renders every operation.
import { describe, expect, it } from "vitest";
import { useTestContext } from "../testing/deps.ts";
import { checkOpenApiDocument } from "../testing/openapi-check.ts";

const ctx = useTestContext();

interface Document {
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; security?: unknown }>>;
}
const documentOf = async () => (await (await ctx.app.request("/api/openapi.json")).json()) as Document;
const operations = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
/** The app's routes as `get /api/v1/x/{id}/` (Hono's `:id{[0-9]+}` written as `{id}`). */
const served = () =>
  new Set(ctx.app.routes.filter((route) => route.method !== "ALL").map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)(\{[^}]*\}+)?/g, "{$1}")}`));

describe("the OpenAPI document", () => {
  it("passes the structural OpenAPI 3.1 check", async () => {
    expect(checkOpenApiDocument(await documentOf())).toEqual([]);
  });

  it("covers v1, v2 and v3, and documents only routes the app serves", async () => {
    const document = await documentOf();
    const paths = Object.keys(document.paths);
    for (const version of ["v1", "v2", "v3"]) expect(paths, version).toContain(`/api/${version}/`);
    expect(paths).toEqual(expect.arrayContaining(["/api/v1/downloads/release_file/", "/api/v1/pages/page/{id}/", "/api/v2/downloads/release/{id}/", "/api/v2/pages/page/"]));
    const routes = served();
    for (const { path, method } of operations(document)) expect(routes.has(`${method} ${path}`), `${method} ${path}`).toBe(true);
  });

  it("documents every v1 route, and every v2 read (routes that only answer 405 aside)", async () => {
    const document = await documentOf();
    const documented = new Set(operations(document).map(({ path, method }) => `${method} ${path}`));
    const legacy = [...served()].filter((route) => /^(get|post|delete) \/api\/v1\//.test(route) || (/^get \/api\/v2\//.test(route) && !route.endsWith(".json")));
    expect(legacy.length).toBeGreaterThan(20);
    const undocumented = legacy.filter((route) => !documented.has(route));
    for (const route of undocumented) {
      const [method, path] = route.split(" ") as [string, string];
      expect((await ctx.app.request(path.replace("{id}", "1"), { method: method.toUpperCase() })).status, route).toBe(405);
    }
  });

  it("documents the v1 write flow of release tooling with ApiKey credentials", async () => {
    const document = await documentOf();
    const { paths } = document;
    for (const [path, method] of [
      ["/api/v1/downloads/release/", "post"],
      ["/api/v1/downloads/release_file/", "post"],
      ["/api/v1/downloads/release_file/", "delete"],
      ["/api/v1/downloads/release_file/{id}/", "delete"],
    ] as const) {
      expect(paths[path]?.[method]?.security, `${method} ${path}`).toEqual([{ apiKey: [] }]);
    }
    expect(paths["/api/v1/downloads/release_file/"]!.post!.requestBody).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/V1ReleaseFileBody" } } },
    });
    // Bodies are described as input: fields the service defaults are optional.
    const schemas = (document as unknown as { components: { schemas: Record<string, { required?: string[] }> } }).components.schemas;
    expect(schemas.V1ReleaseFileBody!.required).toEqual(["name", "slug", "os", "release", "url"]);
    expect(schemas.V1ReleaseBody!.required).toEqual(["name"]);
  });
});

describe("the v3 root", () => {
  it("lists every v3 collection the modules document, and links the document", async () => {
    const response = await ctx.app.request("/api/v3/");
    expect(response.status).toBe(200);
    const root = (await response.json()) as { resources: Record<string, { list_endpoint: string }>; openapi: string; docs: string; legacy: unknown };
    expect(Object.keys(root.resources)).toEqual(["banners", "boxes", "downloads/os", "downloads/release-cycles", "downloads/releases", "jobs", "jobs/categories", "jobs/types"]);
    expect(root.resources["downloads/releases"]).toMatchObject({ list_endpoint: "http://testserver/api/v3/downloads/releases/", docs: "http://testserver/api/docs/#listReleases" });
    expect(root).toMatchObject({
      openapi: "http://testserver/api/openapi.json",
      docs: "http://testserver/api/docs/",
      legacy: { v1: "http://testserver/api/v1/", v2: "http://testserver/api/v2/" },
    });
    // Each listed collection answers.
    for (const resource of Object.values(root.resources)) expect((await ctx.app.request(new URL(resource.list_endpoint).pathname)).status, resource.list_endpoint).toBe(200);
  });
});

describe("the API reference page", () => {
  it("renders every operation of the document", async () => {
    const document = await documentOf();
    const html = await (await ctx.app.request("/api/docs/")).text();
    for (const { operation } of operations(document)) expect(html, operation.operationId).toContain(`id="${operation.operationId}"`);
    expect(html).toContain('id="schema-V1ReleaseFileBody"');
    const upload = html.slice(html.indexOf('id="createV1DownloadsReleaseFile"'), html.indexOf('id="deleteV1DownloadsReleaseFileList"'));
    expect(upload).toContain("Requires ApiKey &lt;username&gt;:&lt;key&gt; of a staff account.");
    expect(upload).toContain('<a href="#schema-V1ReleaseFileBody">V1ReleaseFileBody</a>');
    expect(html).toContain('<a href="#schema-V1Release">objects: array of V1Release</a>');
  });
});
