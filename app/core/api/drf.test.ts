// The shared DRF conventions, on a bare Hono app: token-only staff writes (401, then 403),
// `{"detail": …}` and field errors, unknown-filter refusals and the API root.
import type { Context, Handler } from "hono";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { AppEnv, AuthMethod, CurrentUser } from "../http/env.ts";
import { bareApiApp, testStaff } from "./test-app.ts";
import { checkKnownFilters, drfErrors, drfJson, drfMethodNotAllowed, drfRoot, drfUrl, readDrfBody, requireTokenStaff } from "./drf.ts";

const staff = testStaff;
const appWith = (handler: Handler<AppEnv>, auth?: { user: CurrentUser; method: AuthMethod }) => bareApiApp(drfErrors({ fieldName: (name) => name.toLowerCase() }), handler, auth);

describe("DRF permissions", () => {
  const handler = (c: Context<AppEnv>) => (requireTokenStaff(c), drfMethodNotAllowed(c, "GET, HEAD, OPTIONS"));

  it("answers 401 with WWW-Authenticate without a token, 403 for non-staff, then the method check", async () => {
    const anonymous = await appWith(handler).request("/x/", { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe("Token");
    expect(await anonymous.json()).toEqual({ detail: "Authentication credentials were not provided." });
    expect((await appWith(handler, { user: staff, method: "api-key" }).request("/x/", { method: "POST" })).status).toBe(401);
    const member = await appWith(handler, { user: { ...staff, isStaff: false }, method: "token" }).request("/x/", { method: "POST" });
    expect([member.status, await member.json()]).toEqual([403, { detail: "You do not have permission to perform this action." }]);
    const allowed = await appWith(handler, { user: staff, method: "token" }).request("/x/", { method: "POST" });
    expect([allowed.status, allowed.headers.get("allow"), await allowed.json()]).toEqual([405, "GET, HEAD, OPTIONS", { detail: 'Method "POST" not allowed.' }]);
  });
});

describe("DRF errors", () => {
  it("lists every unknown filter, sorted, in one 400", async () => {
    const app = appWith((c) => (checkKnownFilters(Object.keys(c.req.query()), new Set(["name"])), drfJson(c, [])));
    expect((await app.request("/x/?name=a")).status).toBe(200);
    const refused = await app.request("/x/?slug__icontains=a&name=b&format=json");
    expect([refused.status, await refused.json()]).toEqual([
      400,
      { error: ["'exact' is not an allowed filter on the 'format' field.", "'icontains' is not an allowed filter on the 'slug' field."] },
    ]);
  });

  it("answers field errors keyed by API name, not found as detail, and crashes without internals", async () => {
    const fail = (error: Error) => appWith(() => Promise.reject(error)).request("/x/");
    const invalid = await fail(new AppError("VALIDATION", "bad", { fields: { Name: ["Required."] } }));
    expect([invalid.status, await invalid.json()]).toEqual([400, { name: ["Required."] }]);
    expect(await (await fail(new AppError("NOT_FOUND", "no such thing"))).json()).toEqual({ detail: "Not found." });
    const crash = await fail(new Error("secret"));
    expect([crash.status, await crash.json()]).toEqual([500, { detail: "A server error occurred." }]);
  });

  it("reads only JSON objects", async () => {
    const app = appWith(async (c) => drfJson(c, await readDrfBody(c)));
    expect(await (await app.request("/x/", { method: "POST", body: '{"a":1}' })).json()).toEqual({ a: 1 });
    const bad = await app.request("/x/", { method: "POST", body: "nope" });
    expect([bad.status, await bad.json()]).toEqual([400, { detail: "JSON parse error - the body must be a JSON object." }]);
  });
});

describe("DRF documents", () => {
  it("builds absolute resource URLs and the API root", () => {
    expect(drfUrl("http://testserver", "/api/v2/things/", 3)).toBe("http://testserver/api/v2/things/3/");
    expect(drfRoot("http://testserver", { "pages/page": "/api/v2/pages/page/" })).toEqual({ "pages/page": "http://testserver/api/v2/pages/page/" });
  });
});
