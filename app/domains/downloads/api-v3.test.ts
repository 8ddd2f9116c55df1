import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { API_CACHE_CONTROL } from "../../core/http/cdn-cache.ts";
import { OsListSchema, ProblemSchema, ReleaseCycleListSchema, ReleaseCycleSchema, ReleasePageSchema, ReleaseSchema } from "./api/v3/schemas.ts";
import { createDownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();

let staffToken: string;
const actor = "system" as const;

beforeEach(async () => {
  await createDownloadsFixture(ctx.services.downloads);
  await ctx.services.downloads.saveReleaseCycle({
    input: { versionMajor: 3, versionMinor: 14, status: "bugfix", firstRelease: "2025-10-07", endOfLife: "2030-10", pep: 745, releaseManager: "Hugo van Kemenade" },
    actor,
  });
  const staff = await createTestUser(ctx, { username: "staff", isStaff: true });
  staffToken = `Token ${await ctx.services.users.issueAuthToken({ userId: staff.id })}`;
});

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await get(path, headers);
  expect(response.status).toBe(200);
  return { response, body: ReleasePageSchema.parse(await response.json()) };
}

describe("API v3 releases", () => {
  it("lists published releases newest first, each with its files and its minor version's status", async () => {
    const { body } = await page("/api/v3/downloads/releases/");
    expect(body.results.map((release) => release.name)).toEqual(["Python 3.15.0a1", "Python 3.14.0", "Python 3.13.8", "Python install manager 25.0", "Python 2.7.18"]);
    const py3140 = body.results[1]!;
    expect(py3140).toMatchObject({ version: "3.14.0", major: 3, minor: 14, patch: 0, line: 3, is_latest: true, url: "http://testserver/downloads/release/python-3140/" });
    expect(py3140.cycle).toEqual({ status: "bugfix", first_release: "2025-10-07", end_of_life: "2030-10", pep: 745, release_manager: "Hugo van Kemenade" });
    expect(py3140.files.map((file) => file.name).sort()).toEqual([
      "Gzipped source tarball",
      "Windows installer (32-bit)",
      "Windows installer (64-bit)",
      "XZ compressed source tarball",
      "macOS installer",
    ]);
    expect(body.results[0]).toMatchObject({ version: "3.15.0a1", pre_release: true, pre_release_tag: "a", pre_release_number: 1, cycle: null });
    expect(body.next).toBeNull();
  });

  it("filters by major, minor, patch, pre-release and line", async () => {
    const names = async (query: string) => (await page(`/api/v3/downloads/releases/?${query}`)).body.results.map((release) => release.name);
    expect(await names("major=3&minor=14")).toEqual(["Python 3.14.0"]);
    expect(await names("major=3&pre_release=false")).toEqual(["Python 3.14.0", "Python 3.13.8"]);
    expect(await names("pre_release_tag=a")).toEqual(["Python 3.15.0a1"]);
    expect(await names("line=100")).toEqual(["Python install manager 25.0"]);
    expect(await names("is_latest=true&line=2")).toEqual(["Python 2.7.18"]);
    expect(await names("major=3&minor=14&patch=1")).toEqual([]);
  });

  it("pages with a keyset cursor and a Link header until the end", async () => {
    const seen: string[] = [];
    let next: string | null = "/api/v3/downloads/releases/?limit=2";
    let pages = 0;
    while (next) {
      const { response, body } = await page(next.replace("http://testserver", ""));
      seen.push(...body.results.map((release) => release.name));
      if (body.next) expect(response.headers.get("link")).toBe(`<${body.next}>; rel="next"`);
      else expect(response.headers.get("link")).toBeNull();
      next = body.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("pages 20 releases at a time unless asked for up to 100", async () => {
    for (let patch = 0; patch < 18; patch += 1) {
      await ctx.services.downloads.saveRelease({ input: { name: `Python 3.12.${patch}`, isPublished: true, releaseDate: new Date(Date.UTC(2024, 0, patch + 1)) }, actor });
    }
    const first = await page("/api/v3/downloads/releases/");
    expect(first.body.results).toHaveLength(20);
    expect(first.body.next).toContain("cursor=");
    const rest = await page(first.body.next!.replace("http://testserver", ""));
    expect(rest.body.results).toHaveLength(3);
    expect((await page("/api/v3/downloads/releases/?limit=100")).body.results).toHaveLength(23);
  });

  it("answers conditional requests with 304 and changes the ETag after a write", async () => {
    const first = await get("/api/v3/downloads/releases/?major=3");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    // Not `public`: a shared cache must not keep an answer given to a request with credentials.
    expect(first.headers.get("cache-control")).toBe(API_CACHE_CONTROL);
    expect((await get("/api/v3/downloads/releases/?major=3", { "If-None-Match": etag })).status).toBe(304);
    await ctx.services.downloads.saveRelease({ input: { name: "Python 3.14.2", isPublished: true }, actor });
    const changed = await get("/api/v3/downloads/releases/?major=3", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
  });

  it("shows one release by slug, drafts only to staff", async () => {
    const response = await get("/api/v3/downloads/releases/python-3140/");
    expect(ReleaseSchema.parse(await response.json()).resource_uri).toBe("http://testserver/api/v3/downloads/releases/python-3140/");
    expect((await get("/api/v3/downloads/releases/python-3141/")).status).toBe(404);
    expect((await get("/api/v3/downloads/releases/python-3141/", { Authorization: staffToken })).status).toBe(200);
    expect((await page("/api/v3/downloads/releases/?is_published=false", { Authorization: staffToken })).body.results.map((release) => release.name)).toEqual(["Python 3.14.1"]);
    expect((await page("/api/v3/downloads/releases/?is_published=false")).body.results).toEqual([]);
  });

  it("answers bad parameters with problem details naming each", async () => {
    const problem = async (path: string) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      return ProblemSchema.parse(await response.json()).errors ?? {};
    };
    expect(Object.keys(await problem("/api/v3/downloads/releases/?version=3.14"))).toEqual(["version"]);
    expect(Object.keys(await problem("/api/v3/downloads/releases/?major=three&limit=0"))).toEqual(["major", "limit"]);
    expect(await problem("/api/v3/downloads/releases/?limit=101")).toEqual({ limit: ["limit is at most 100."] });
    expect(Object.keys(await problem("/api/v3/downloads/releases/?cursor=not-a-cursor"))).toEqual(["cursor"]);
    expect(Object.keys(await problem("/api/v3/downloads/releases/?pre_release=yes&pre_release=no"))).toEqual(["pre_release"]);
    expect((await get("/api/v3/downloads/releases/python-3140/", { Authorization: "Token wrong" })).status).toBe(401);
  });
});

describe("API v3 operating systems and release cycle", () => {
  it("lists systems and the release cycle, and answers one minor version", async () => {
    expect(OsListSchema.parse(await (await get("/api/v3/downloads/os/")).json())).toHaveLength(3);
    const cycles = ReleaseCycleListSchema.parse(await (await get("/api/v3/downloads/release-cycles/")).json());
    expect(cycles).toEqual([expect.objectContaining({ version: "3.14", status: "bugfix", resource_uri: "http://testserver/api/v3/downloads/release-cycles/3.14/" })]);
    expect(ReleaseCycleSchema.parse(await (await get("/api/v3/downloads/release-cycles/3.14/")).json()).pep).toBe(745);
    expect((await get("/api/v3/downloads/release-cycles/3.99/")).status).toBe(404);
  });
});

describe("the OpenAPI document and reference", () => {
  it("describes every v3 route the app serves", async () => {
    const document = (await (await get("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe("3.1.0");
    const served = ctx.app.routes
      .filter((route) => route.path.startsWith("/api/v3/") && route.method !== "ALL")
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)(\{[^}]*\}+)?/g, "{$1}")}`);
    expect(served.length).toBeGreaterThan(5);
    for (const entry of served) {
      const [method, path] = entry.split(" ") as [string, string];
      expect(document.paths[path]?.[method], entry).toBeDefined();
    }
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/v3/"))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual([...new Set(served)].sort());
  });

  it("serves the reference page from the site's own assets", async () => {
    const redirect = await get("/api/docs");
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/api/docs/"]);
    const response = await get("/api/docs/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<code>/api/v3/downloads/releases/</code>");
    expect(html).toContain('id="schema-Release"');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/<link rel="stylesheet" href="https?:\/\//);
  });
});
