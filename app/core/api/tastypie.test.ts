// The shared tastypie conventions, on a bare Hono app: paging and the `meta` envelope,
// the error shapes, API-key-only staff writes, body parsing and the schema document.
import type { Context, Handler } from "hono";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { AppEnv, AuthMethod, CurrentUser } from "../http/env.ts";
import { bareApiApp, testStaff } from "./test-app.ts";
import { readTastypieBody, requireApiKeyStaff, resourceUri, tastypieErrors, tastypieList, tastypiePaging, tastypieRoot, tastypieSchema, withResourceErrors } from "./tastypie.ts";

const staff = testStaff;
const appWith = (handler: Handler<AppEnv>, auth?: { user: CurrentUser; method: AuthMethod }) => bareApiApp(tastypieErrors, handler, auth);

describe("tastypie paging", () => {
  const app = appWith((c) => {
    const page = tastypiePaging(c);
    return tastypieList(c, "/api/v1/things/", page, 45, []);
  });

  it("defaults to 20 and links next/previous with the request's parameters", async () => {
    const response = await app.request("/x/?name=a&offset=20");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      meta: { limit: 20, next: "/api/v1/things/?name=a&offset=40&limit=20", offset: 20, previous: "/api/v1/things/?name=a&offset=0&limit=20", total_count: 45 },
      objects: [],
    });
  });

  it("treats limit=0 and limits over 1000 as the maximum", async () => {
    expect((await (await app.request("/x/?limit=0")).json()).meta.limit).toBe(1000);
    expect((await (await app.request("/x/?limit=5000")).json()).meta.limit).toBe(1000);
  });

  it("refuses limits and offsets that are not integers >= 0 with a 400 `error`", async () => {
    const bad = await app.request("/x/?limit=abc");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "Invalid limit 'abc' provided. Please provide a positive integer." });
    expect(await (await app.request("/x/?offset=-1")).json()).toEqual({ error: "Invalid offset '-1' provided. Please provide a positive integer >= 0." });
  });
});

describe("tastypie errors and writes", () => {
  it("answers 401 with an empty body unless staff authenticated by API key", async () => {
    const handler = (c: Context<AppEnv>) => (requireApiKeyStaff(c), c.body(null, 204));
    expect((await appWith(handler).request("/x/")).status).toBe(401);
    expect((await appWith(handler, { user: staff, method: "token" }).request("/x/")).status).toBe(401);
    expect((await appWith(handler, { user: { ...staff, isStaff: false }, method: "api-key" }).request("/x/")).status).toBe(401);
    expect((await appWith(handler, { user: staff, method: "api-key" }).request("/x/")).status).toBe(204);
  });

  it("keys service validation errors by resource, with API field names", async () => {
    const app = appWith(async () =>
      withResourceErrors(
        "things/thing",
        async () => {
          throw new AppError("VALIDATION", "bad", { fields: { isLatest: ["Required."] } });
        },
        { fieldName: (name) => (name === "isLatest" ? "is_latest" : name) },
      ),
    );
    const response = await app.request("/x/");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ "things/thing": { is_latest: ["Required."] } });
  });

  it("answers NOT_FOUND with an empty 404 and unknown errors with a canned error_message", async () => {
    expect(await (await appWith(() => Promise.reject(new AppError("NOT_FOUND", "x"))).request("/x/")).text()).toBe("");
    const crash = await appWith(() => Promise.reject(new Error("secret"))).request("/x/");
    expect(crash.status).toBe(500);
    expect(await crash.json()).toEqual({ error_message: "Sorry, this request could not be processed. Please try again later." });
  });

  it("reads only JSON objects", async () => {
    const app = appWith(async (c) => tastypieList(c, "/", { limit: 1, offset: 0 }, 1, [await readTastypieBody(c)]));
    const post = (body: string, type = "application/json") => app.request("/x/", { method: "POST", body, headers: { "Content-Type": type } });
    expect((await (await post('{"a":1}')).json()).objects).toEqual([{ a: 1 }]);
    expect(await (await post("[1]")).json()).toEqual({ error: "The request body must be a JSON object." });
    expect((await post("a=1", "application/x-www-form-urlencoded")).status).toBe(400);
  });
});

describe("tastypie documents", () => {
  it("builds relative resource URIs, the sorted API root and the schema", () => {
    expect(resourceUri("/api/v1/things/", 7)).toBe("/api/v1/things/7/");
    expect(Object.keys(tastypieRoot("/api/v1/", ["pages/page", "downloads/os"]))).toEqual(["downloads/os", "pages/page"]);
    expect(tastypieRoot("/api/v1/", ["pages/page"])).toEqual({ "pages/page": { list_endpoint: "/api/v1/pages/page/", schema: "/api/v1/pages/page/schema/" } });
    const schema = tastypieSchema(
      { fields: { slug: "text", os: { relation: "x/os" } }, filtering: { slug: ["exact"], os: "ALL_WITH_RELATIONS" }, unique: ["slug"] },
      { list: ["GET", "POST"], detail: ["GET"] },
    );
    expect(schema).toMatchObject({
      allowed_list_http_methods: ["get", "post"],
      allowed_detail_http_methods: ["get"],
      default_limit: 20,
      fields: { slug: { type: "string", unique: true, nullable: false }, os: { type: "related", related_type: "to_one" } },
      filtering: { slug: ["exact"], os: 2 },
    });
  });
});
