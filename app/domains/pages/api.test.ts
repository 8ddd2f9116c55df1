// The legacy pages APIs (urls.md §16): v1 tastypie and v2 DRF shapes, filters and their
// errors, drafts for staff only, writes for staff with the right credential kind.
import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import type { PageInput } from "./schemas.ts";
import { V1PageBodySchema, V1PageSchema, V2PageSchema } from "./api/schemas.ts";

const ctx = useTestContext();
let staffKey: string;
let staffToken: string;
let staffCookie: string;
let memberKey: string;
let memberToken: string;
let draftId: number;
let aboutId: number;

const page = (path: string, extra: Partial<PageInput> = {}): PageInput => ({
  title: `Title ${path}`,
  keywords: "",
  description: "",
  path,
  content: `Body <script>x()</script> of *${path}*`,
  contentMarkupType: "markdown",
  isPublished: true,
  contentType: "text/html",
  templateName: "",
  ...extra,
});

beforeEach(async () => {
  aboutId = (await ctx.services.pages.savePage({ input: page("about", { title: "About", keywords: "python, about" }) })).id;
  await ctx.services.pages.savePage({ input: page("about/help", { title: "Help", keywords: "support" }) });
  draftId = (await ctx.services.pages.savePage({ input: page("psf/draft", { title: "Draft", isPublished: false }) })).id;
  const staff = await createTestUser(ctx, { username: "staff", isStaff: true });
  staffKey = `ApiKey staff:${await ctx.services.users.issueApiKey({ userId: staff.id })}`;
  staffToken = `Token ${await ctx.services.users.issueAuthToken({ userId: staff.id })}`;
  staffCookie = await signIn(ctx, staff.id);
  const member = await createTestUser(ctx, { username: "member" });
  memberKey = `ApiKey member:${await ctx.services.users.issueApiKey({ userId: member.id })}`;
  memberToken = `Token ${await ctx.services.users.issueAuthToken({ userId: member.id })}`;
});

function call(method: string, path: string, options: { body?: unknown; authorization?: string; cookie?: string } = {}) {
  return ctx.app.request(path, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(options.authorization ? { Authorization: options.authorization } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

describe("v1 /api/v1/pages/page/", () => {
  it("lists published pages in the tastypie envelope, keys sorted, content sanitised", async () => {
    const response = await call("GET", "/api/v1/pages/page/?limit=1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meta: Record<string, unknown>; objects: Array<Record<string, unknown>> };
    expect(body.meta).toEqual({ limit: 1, next: "/api/v1/pages/page/?limit=1&offset=1", offset: 0, previous: null, total_count: 2 });
    expect(Object.keys(body.objects[0]!)).toEqual(["content", "description", "is_published", "keywords", "path", "resource_uri", "template_name", "title"]);
    expect(body.objects[0]).toMatchObject({ title: "About", path: "about", resource_uri: `/api/v1/pages/page/${aboutId}/`, is_published: true });
    expect(body.objects[0]!.content).toContain("<em>about</em>");
    expect(body.objects[0]!.content).not.toContain("<script");
  });

  it("filters like tastypie: allowed lookups, refused lookups, ignored unknown names", async () => {
    const titles = async (query: string, authorization?: string) =>
      ((await (await call("GET", `/api/v1/pages/page/?${query}`, { authorization })).json()) as { objects: Array<{ title: string }> }).objects.map((o) => o.title);
    expect(await titles("keywords__icontains=SUPP")).toEqual(["Help"]);
    expect(await titles("path=about")).toEqual(["About"]);
    expect(await titles("unknown=1&format=json")).toEqual(["About", "Help"]);
    expect(await titles("is_published=false")).toEqual([]);
    expect(await titles("is_published=false", staffKey)).toEqual(["Draft"]);
    const refused = await call("GET", "/api/v1/pages/page/?title__icontains=a");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "'icontains' is not an allowed filter on the 'title' field." });
    expect(await (await call("GET", "/api/v1/pages/page/?description=x")).json()).toEqual({ error: "The 'description' field does not allow filtering." });
  });

  it("shows drafts to staff with an API key only; a draft's detail is 401 for others, as tastypie answered", async () => {
    expect((await call("GET", `/api/v1/pages/page/${draftId}/`)).status).toBe(401);
    expect((await call("GET", `/api/v1/pages/page/${draftId}/`, { authorization: memberKey })).status).toBe(401);
    expect((await call("GET", `/api/v1/pages/page/${draftId}/`, { cookie: staffCookie })).status).toBe(401);
    expect(await (await call("GET", `/api/v1/pages/page/${draftId}/`, { authorization: staffKey })).json()).toMatchObject({ title: "Draft", is_published: false });
    expect((await call("GET", "/api/v1/pages/page/99999/")).status).toBe(404);
  });

  it("creates and deletes for staff with an API key; others get 401; validation errors are keyed by resource", async () => {
    const body = { title: "New", path: "/about/new/", content: "Hello *there*", content_markup_type: "markdown", is_published: true };
    expect((await call("POST", "/api/v1/pages/page/", { body, authorization: memberKey })).status).toBe(401);
    expect((await call("POST", "/api/v1/pages/page/", { body, authorization: staffToken })).status).toBe(401);
    const created = await call("POST", "/api/v1/pages/page/", { body, authorization: staffKey });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^http:\/\/localhost\/api\/v1\/pages\/page\/\d+\/$/);
    expect(await (await ctx.app.request("/about/new/")).text()).toContain("Hello <em>there</em>");
    const invalid = await call("POST", "/api/v1/pages/page/", { body: { ...body, path: "Not Valid!" }, authorization: staffKey });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ "pages/page": { path: expect.any(Array) } });
    expect((await call("DELETE", new URL(location).pathname, { authorization: staffKey })).status).toBe(204);
    expect((await ctx.app.request("/about/new/")).status).toBe(404);
    expect((await call("PUT", `/api/v1/pages/page/${aboutId}/`, { authorization: staffKey })).headers.get("allow")).toBe("GET,DELETE");
  });
});

describe("v2 /api/v2/pages/page/", () => {
  it("answers bare arrays in PageSerializer order with absolute resource URIs", async () => {
    const body = (await (await call("GET", "/api/v2/pages/page/")).json()) as Array<Record<string, unknown>>;
    expect(body.map((row) => row.title)).toEqual(["About", "Help"]);
    expect(Object.keys(body[0]!)).toEqual(["title", "path", "keywords", "description", "content", "is_published", "template_name", "resource_uri"]);
    expect(body[0]!.resource_uri).toBe(`http://testserver/api/v2/pages/page/${aboutId}/`);
    expect(await (await call("GET", `/api/v2/pages/page/${aboutId}/`)).json()).toMatchObject({ title: "About" });
  });

  it("refuses any parameter that is not a filter, listing them all", async () => {
    const response = await call("GET", "/api/v2/pages/page/?format=json&description=x&keywords__icontains=py");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: ["'exact' is not an allowed filter on the 'description' field.", "'exact' is not an allowed filter on the 'format' field."] });
    expect(((await (await call("GET", "/api/v2/pages/page/?keywords__icontains=PY")).json()) as unknown[]).length).toBe(1);
  });

  it("hides drafts except from staff tokens, and is read-only: 401, 403, then 405", async () => {
    expect(await (await call("GET", `/api/v2/pages/page/${draftId}/`)).json()).toEqual({ detail: "Not found." });
    expect((await call("GET", `/api/v2/pages/page/${draftId}/`, { authorization: staffKey })).status).toBe(404);
    expect((await call("GET", `/api/v2/pages/page/${draftId}/`, { authorization: staffToken })).status).toBe(200);
    expect((await call("POST", "/api/v2/pages/page/", { body: {} })).status).toBe(401);
    expect((await call("POST", "/api/v2/pages/page/", { body: {}, authorization: memberToken })).status).toBe(403);
    expect((await call("DELETE", `/api/v2/pages/page/${aboutId}/`, { authorization: staffToken })).status).toBe(405);
  });
});

describe("the documented page shapes (api/schemas.ts, in /api/openapi.json)", () => {
  it("hold every v1 and v2 page, drafts included, and the v1 body accepts what the v1 POST takes", async () => {
    const v1 = (await (await ctx.app.request("/api/v1/pages/page/?limit=0", { headers: { Authorization: staffKey } })).json()) as { objects: unknown[] };
    const v2 = (await (await ctx.app.request("/api/v2/pages/page/", { headers: { Authorization: staffToken } })).json()) as unknown[];
    expect([v1.objects.length, v2.length]).toEqual([3, 3]);
    for (const object of v1.objects) V1PageSchema.parse(object);
    for (const object of v2) V2PageSchema.parse(object);
    V2PageSchema.parse(await (await ctx.app.request(`/api/v2/pages/page/${aboutId}/`)).json());
    expect(V1PageBodySchema.parse({ title: "New", path: "about/new" })).toMatchObject({ content_markup_type: "restructuredtext", is_published: true });
  });
});
