import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestUser, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { V2DetailSchema, V2FieldErrorsSchema, V2OsSchema, V2ReleaseFileSchema, V2ReleaseSchema } from "./api/v2/schemas.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();
let fx: DownloadsFixture;
let staffToken: string;
let staffKey: string;
let staffCookie: string;
let visitorToken: string;

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
  const staff = await createTestUser(ctx, { username: "staff", isStaff: true });
  staffToken = `Token ${await ctx.services.users.issueAuthToken({ userId: staff.id })}`;
  staffKey = `ApiKey staff:${await ctx.services.users.issueApiKey({ userId: staff.id })}`;
  staffCookie = await signIn(ctx, staff.id);
  const visitor = await createTestUser(ctx, { username: "visitor" });
  visitorToken = `Token ${await ctx.services.users.issueAuthToken({ userId: visitor.id })}`;
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

async function getJson<T extends z.ZodType>(path: string, schema: T, authorization?: string): Promise<z.infer<T>> {
  const response = await call("GET", path, { authorization });
  expect(response.status).toBe(200);
  return schema.parse(await response.json());
}

describe("API v2 reads", () => {
  it("answers bare arrays of every row with absolute URLs, validated against the DRF schemas", async () => {
    const systems = await getJson("/api/v2/downloads/os/", z.array(V2OsSchema));
    expect(systems.map((os) => os.slug).sort()).toEqual(["macos", "source", "windows"]);
    const releases = await getJson("/api/v2/downloads/release/", z.array(V2ReleaseSchema));
    expect(releases).toHaveLength(5);
    const release = await getJson(`/api/v2/downloads/release/${fx.releases.py3140}/`, V2ReleaseSchema);
    expect(Object.keys(release)).toEqual(Object.keys(V2ReleaseSchema.shape));
    expect(release).toMatchObject({
      release_date: "2025-10-07T14:07:00Z",
      resource_uri: `http://testserver/api/v2/downloads/release/${fx.releases.py3140}/`,
      release_page: null,
    });
    const files = await getJson("/api/v2/downloads/release_file/", z.array(V2ReleaseFileSchema));
    expect(files).toHaveLength(9);
    expect(files[0]!.os).toMatch(/^http:\/\/testserver\/api\/v2\/downloads\/os\/\d+\/$/);
    expect(await getJson("/api/v2/downloads/os.json", z.array(V2OsSchema))).toHaveLength(3);
    expect(await getJson("/api/v2/", z.record(z.string(), z.url()))).toMatchObject({ "downloads/release": "http://testserver/api/v2/downloads/release/" });
  });

  it("filters with django-filter semantics", async () => {
    const names = async (path: string, schema: z.ZodType<Array<{ name: string }>>) => (await getJson(path, schema)).map((item) => item.name);
    expect(await names("/api/v2/downloads/release/?version=2", z.array(V2ReleaseSchema))).toEqual(["Python 2.7.18"]);
    expect(await names("/api/v2/downloads/release/?pre_release=true&unknown=ignored", z.array(V2ReleaseSchema))).toEqual(["Python 3.15.0a1"]);
    expect(await names("/api/v2/downloads/release/?release_date=2025-10-07T14:07:00Z", z.array(V2ReleaseSchema))).toEqual(["Python 3.14.0"]);
    expect(await names(`/api/v2/downloads/release_file/?os=${fx.os.macos}`, z.array(V2ReleaseFileSchema))).toEqual(["macOS installer"]);
    expect(await names(`/api/v2/downloads/release_file/?description__contains=Recomm&release=${fx.releases.py3140}`, z.array(V2ReleaseFileSchema))).toEqual([
      "Windows installer (64-bit)",
    ]);
  });

  it("answers unknown or invalid filters with 400 and an error list", async () => {
    const bad = async (path: string) => {
      const response = await call("GET", path);
      expect(response.status).toBe(400);
      return V2FieldErrorsSchema.parse(await response.json());
    };
    expect(await bad("/api/v2/downloads/release_file/?description=x&os__slug=windows")).toEqual({
      error: ["'exact' is not an allowed filter on the 'description' field.", "'slug' is not an allowed filter on the 'os' field."],
    });
    expect(await bad("/api/v2/downloads/release_file/?format=json")).toEqual({ error: ["'exact' is not an allowed filter on the 'format' field."] });
    expect(await bad("/api/v2/downloads/release_file/?os=999")).toEqual({ os: ["Select a valid choice. That choice is not one of the available choices."] });
    expect(await bad("/api/v2/downloads/release/?version=three")).toEqual({ version: ["Enter a number."] });
    expect(await bad("/api/v2/downloads/release/?release_date=soon")).toEqual({ release_date: ["Enter a valid date/time."] });
  });

  it("hides drafts from everyone but staff with a token", async () => {
    const missing = await call("GET", `/api/v2/downloads/release/${fx.releases.draft}/`);
    expect(missing.status).toBe(404);
    expect(V2DetailSchema.parse(await missing.json())).toEqual({ detail: "Not found." });
    expect((await call("GET", `/api/v2/downloads/release/${fx.releases.draft}/`, { authorization: staffKey })).status).toBe(404);
    expect((await call("GET", `/api/v2/downloads/release/${fx.releases.draft}/`, { authorization: staffToken })).status).toBe(200);
    expect(await getJson("/api/v2/downloads/release/", z.array(V2ReleaseSchema), staffToken)).toHaveLength(6);
  });
});

describe("API v2 writes", () => {
  it("creates, updates and deletes with a staff token", async () => {
    const created = await call("POST", "/api/v2/downloads/release/", { authorization: staffToken, body: { name: "Python 3.14.1rc1", slug: "python-3141rc1", pre_release: true } });
    expect(created.status).toBe(201);
    const body = V2ReleaseSchema.parse(await created.json());
    expect(created.headers.get("location")).toBe(body.resource_uri);
    const id = Number(body.resource_uri.split("/").at(-2));

    const patched = await call("PATCH", `/api/v2/downloads/release/${id}/`, { authorization: staffToken, body: { is_published: true } });
    expect(patched.status).toBe(200);
    expect(V2ReleaseSchema.parse(await patched.json())).toMatchObject({ is_published: true, name: "Python 3.14.1rc1" });

    const file = await call("POST", "/api/v2/downloads/release_file/", {
      authorization: staffToken,
      body: {
        name: "XZ compressed source tarball",
        slug: "3141rc1-xz",
        os: `http://testserver/api/v2/downloads/os/${fx.os.source}/`,
        release: body.resource_uri,
        url: "https://www.python.org/ftp/python/3.14.1/Python-3.14.1rc1.tar.xz",
        download_button: true,
      },
    });
    expect(file.status).toBe(201);
    V2ReleaseFileSchema.parse(await file.json());

    const bulk = await call("DELETE", `/api/v2/downloads/release_file/delete_by_release/?release=${id}`, { authorization: staffToken });
    expect(bulk.status).toBe(204);
    expect((await call("DELETE", `/api/v2/downloads/release/${id}/`, { authorization: staffToken })).status).toBe(204);
    expect(await ctx.services.downloads.countReleases({})).toBe(6);
  });

  it("answers bad writes with clear 4xx errors and changes nothing", async () => {
    const file = {
      name: "Installer",
      slug: "installer",
      os: `/api/v2/downloads/os/${fx.os.windows}/`,
      release: `/api/v2/downloads/release/${fx.releases.py3140}/`,
      url: "https://www.python.org/ftp/python/3.14.0/x.exe",
    };
    const anonymous = await call("POST", "/api/v2/downloads/release_file/", { body: file });
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { detail: "Authentication credentials were not provided." }]);
    expect((await call("POST", "/api/v2/downloads/release_file/", { body: file, cookie: staffCookie })).status).toBe(401);
    expect((await call("POST", "/api/v2/downloads/release_file/", { body: file, authorization: staffKey })).status).toBe(401);
    expect((await call("POST", "/api/v2/downloads/release_file/", { body: file, authorization: "Token not-a-real-token" })).status).toBe(401);
    const visitor = await call("POST", "/api/v2/downloads/release_file/", { body: file, authorization: visitorToken });
    expect([visitor.status, await visitor.json()]).toEqual([403, { detail: "You do not have permission to perform this action." }]);

    const offSite = await call("POST", "/api/v2/downloads/release_file/", {
      body: { ...file, url: "https://evil.example/x.exe", download_button: true },
      authorization: staffToken,
    });
    expect(offSite.status).toBe(400);
    expect(V2FieldErrorsSchema.parse(await offSite.json())).toEqual({
      url: ["Release file URLs must begin with 'https://www.python.org/'."],
      download_button: ['Only one Release File per OS can have "Download button" enabled'],
    });
    const missing = await call("POST", "/api/v2/downloads/release_file/", { body: { name: "x", os: "nowhere" }, authorization: staffToken });
    expect(await missing.json()).toEqual({
      slug: ["This field is required."],
      os: ["Invalid hyperlink - No URL match."],
      release: ["This field is required."],
      url: ["This field is required."],
    });
    expect((await call("DELETE", "/api/v2/downloads/release_file/delete_by_release/?release=abc", { authorization: staffToken })).status).toBe(400);
    expect((await call("DELETE", "/api/v2/downloads/release_file/delete_by_release/", { authorization: visitorToken })).status).toBe(403);
    expect((await call("GET", "/api/v2/downloads/release_file/delete_by_release/")).status).toBe(405);
    expect(await ctx.services.downloads.countFiles({})).toBe(9);
  });
});
