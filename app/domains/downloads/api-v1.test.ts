import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";
import { V1OsSchema, V1ReleaseFileBodySchema, V1ReleaseFileSchema, V1ReleaseSchema } from "./api/v1/schemas.ts";

const ctx = useTestContext();
let fx: DownloadsFixture;
let staff: { username: string; key: string; token: string; cookie: string };
let visitorKey: string;

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
  const manager = await createTestUser(ctx, { username: "release-manager", isStaff: true });
  staff = {
    username: manager.username,
    key: await ctx.services.users.issueApiKey({ userId: manager.id }),
    token: await ctx.services.users.issueAuthToken({ userId: manager.id }),
    cookie: await signIn(ctx, manager.id),
  };
  const visitor = await createTestUser(ctx, { username: "visitor" });
  visitorKey = `ApiKey visitor:${await ctx.services.users.issueApiKey({ userId: visitor.id })}`;
});

const apiKey = () => `ApiKey ${staff.username}:${staff.key}`;

/** A request the way add_to_pydotorg.py's requests.Session sends it. */
function session(method: string, path: string, body?: unknown, authorization = apiKey()) {
  return ctx.app.request(path, {
    method,
    headers: { Authorization: authorization, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** add_to_pydotorg.py query_object: the id parsed out of objects[0].resource_uri. */
async function queryObject(objtype: string, params: Record<string, string>): Promise<number> {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const response = await session("GET", `/api/v1/downloads/${objtype}/?${query}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { objects: Array<{ resource_uri: string }> };
  expect(body.objects.length).toBeGreaterThan(0);
  return Number(
    body.objects[0]!.resource_uri.replace(/^\/+|\/+$/g, "")
      .split("/")
      .pop(),
  );
}

/** add_to_pydotorg.py build_file_dict for one artifact of 3.14.0. */
function fileDict(relPk: number, osPk: number, rfile: string, name: string, download: boolean, description = "") {
  const url = `https://www.python.org/ftp/python/3.14.0/${rfile}`;
  return {
    name,
    slug: `3140-${name
      .replace(/ /g, "-")
      .replace(/[^a-zA-Z0-9_-]/g, "")
      .slice(0, 40)}`,
    os: `/api/v1/downloads/os/${osPk}/`,
    release: `/api/v1/downloads/release/${relPk}/`,
    description,
    is_source: osPk === 3,
    url,
    sha256_sum: "c".repeat(64),
    filesize: 23_456_789,
    download_button: download,
    sigstore_bundle_file: `${url}.sigstore`,
    sbom_spdx2_file: `${url}.spdx.json`,
  };
}

describe("the documented v1 shapes (api/v1/schemas.ts, in /api/openapi.json)", () => {
  it("hold every object the v1 resources answer, in lists and details", async () => {
    const cases = [
      ["os", V1OsSchema],
      ["release", V1ReleaseSchema],
      ["release_file", V1ReleaseFileSchema],
    ] as const;
    for (const [resource, schema] of cases) {
      const list = (await (await session("GET", `/api/v1/downloads/${resource}/?limit=0`)).json()) as { objects: Array<{ resource_uri: string }> };
      expect(list.objects.length, resource).toBeGreaterThan(0);
      for (const object of list.objects) schema.parse(object);
      schema.parse(await (await session("GET", list.objects[0]!.resource_uri)).json());
    }
  });

  it("accept the release file body add_to_pydotorg.py posts", () => {
    expect(V1ReleaseFileBodySchema.safeParse(fileDict(1, 2, "Python-3.14.0.tgz", "Gzipped source tarball", false)).success).toBe(true);
    expect(V1ReleaseFileBodySchema.safeParse({ ...fileDict(1, 2, "x.tgz", "X", false), os: "windows" }).success).toBe(false);
  });
});

describe("the add_to_pydotorg.py flow", () => {
  it("looks up the release and OS, deletes the files, posts new ones, and the release page shows them", async () => {
    const relPk = await queryObject("release", { name: "Python+3.14.0" });
    expect(relPk).toBe(fx.releases.py3140);
    const windows = await queryObject("os", { slug: "windows" });
    const source = await queryObject("os", { slug: "source" });
    expect(windows).toBe(fx.os.windows);

    const deleted = await session("DELETE", `/api/v1/downloads/release_file/?release=${relPk}`);
    expect(deleted.status).toBe(204);
    expect(await ctx.services.downloads.countFiles({ query: { release: { id: { equals: relPk } } } })).toBe(0);

    const created: number[] = [];
    for (const dict of [
      fileDict(relPk, source, "Python-3.14.0.tar.xz", "XZ compressed source tarball", true),
      fileDict(relPk, windows, "python-3.14.0-amd64.exe", "Windows installer (64-bit)", true, "Recommended"),
      fileDict(relPk, windows, "python-3.14.0-arm64.exe", "Windows installer (ARM64)", false, "Experimental"),
    ]) {
      const response = await session("POST", "/api/v1/downloads/release_file/", dict);
      expect(response.status).toBe(201);
      const location = response.headers.get("location")!;
      created.push(
        Number(
          location
            .replace(/^\/+|\/+$/g, "")
            .split("/")
            .pop(),
        ),
      );
    }
    expect(created.every((pk) => pk > 0)).toBe(true);

    // A failed run cleans up file by file (create_release_files → delete_object).
    expect((await session("DELETE", `/api/v1/downloads/release_file/${created[2]}/`)).status).toBe(204);

    const page = await (await ctx.app.request("/downloads/release/python-3140/")).text();
    expect(page).toContain('<a href="https://www.python.org/ftp/python/3.14.0/python-3.14.0-amd64.exe">Windows installer (64-bit)</a>');
    expect(page).toContain('<a href="https://www.python.org/ftp/python/3.14.0/Python-3.14.0.tar.xz">XZ compressed source tarball</a>');
    expect(page).not.toContain("Windows installer (ARM64)");
    expect(page).not.toContain("macOS installer");
    expect(page).toContain("cccccccccccccccc");

    await ctx.drainJobs();
    const supernav = (await ctx.services.boxes.getBoxesHtml({ labels: ["supernav-python-downloads"] }))["supernav-python-downloads"];
    expect(supernav).toContain("python-3.14.0-amd64.exe");
    expect(supernav).not.toContain("macos11.pkg");
  });

  it("reports a refused file with error text the script can print, and writes nothing", async () => {
    const bad = fileDict(fx.releases.py3140, fx.os.windows, "python-3.14.0-arm64.exe", "Windows installer (ARM64)", true);
    const response = await session("POST", "/api/v1/downloads/release_file/", { ...bad, url: "https://mirror.example/python.exe", sigstore_bundle_file: "", sbom_spdx2_file: "" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      "downloads/release_file": {
        url: ["Release file URLs must begin with 'https://www.python.org/'."],
        download_button: ['Only one Release File per OS can have "Download button" enabled'],
      },
    });
    expect(await ctx.services.downloads.countFiles({})).toBe(9);
  });
});

describe("API v1 reads", () => {
  it("answers tastypie envelopes: meta, relative resource URIs, relations as URIs, no ids, sorted keys", async () => {
    const response = await ctx.app.request("/api/v1/downloads/release_file/?limit=2&release__name=Python 3.14.0");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as { meta: Record<string, unknown>; objects: Array<Record<string, unknown>> };
    expect(body.meta).toEqual({
      limit: 2,
      next: "/api/v1/downloads/release_file/?limit=2&release__name=Python+3.14.0&offset=2",
      offset: 0,
      previous: null,
      total_count: 5,
    });
    const [first] = body.objects;
    expect(Object.keys(first!)).toEqual([...Object.keys(first!)].sort());
    expect(first).not.toHaveProperty("id");
    expect(first).toMatchObject({ os: `/api/v1/downloads/os/${fx.os.source}/`, release: `/api/v1/downloads/release/${fx.releases.py3140}/` });
    expect(String(first!.resource_uri)).toMatch(/^\/api\/v1\/downloads\/release_file\/\d+\/$/);

    const release = await (await ctx.app.request(`/api/v1/downloads/release/${fx.releases.py3140}/`)).json();
    expect(release).toEqual({
      is_latest: true,
      is_published: true,
      name: "Python 3.14.0",
      pre_release: false,
      release_date: "2025-10-07T14:07:00",
      release_notes_url: "",
      release_page: null,
      resource_uri: `/api/v1/downloads/release/${fx.releases.py3140}/`,
      show_on_download_page: true,
      slug: "python-3140",
      version: 3,
    });
  });

  it("supports the legacy filters and lookups", async () => {
    const names = async (path: string) => ((await (await ctx.app.request(path)).json()) as { objects: Array<{ name: string }> }).objects.map((object) => object.name);
    expect(await names("/api/v1/downloads/release/?version__startswith=2")).toEqual(["Python 2.7.18"]);
    expect(await names("/api/v1/downloads/release/?version=100")).toEqual(["Python install manager 25.0"]);
    expect(await names("/api/v1/downloads/release/?release_date__gte=2025-10-07&release_date__lt=2025-10-08")).toEqual(["Python 3.13.8", "Python 3.14.0"]);
    expect(await names("/api/v1/downloads/release/?release_date__year=2020")).toEqual(["Python 2.7.18"]);
    expect(await names("/api/v1/downloads/release/?pre_release=true")).toEqual(["Python 3.15.0a1"]);
    expect(await names(`/api/v1/downloads/release_file/?os__slug=macos`)).toEqual(["macOS installer"]);
    expect(await names(`/api/v1/downloads/release_file/?os=${fx.os.windows}&description__contains=Recomm`)).toEqual(["Windows installer (64-bit)"]);
    expect(await names("/api/v1/downloads/os/?name=macOS&format=json&username_hint=x")).toEqual(["macOS"]);
  });

  it("pages with limit and offset, limit=0 meaning the maximum", async () => {
    const meta = async (path: string) => ((await (await ctx.app.request(path)).json()) as { meta: Record<string, unknown> }).meta;
    expect(await meta("/api/v1/downloads/release/?limit=2&offset=2")).toMatchObject({
      limit: 2,
      offset: 2,
      previous: "/api/v1/downloads/release/?limit=2&offset=0",
      next: "/api/v1/downloads/release/?limit=2&offset=4",
      total_count: 5,
    });
    expect(await meta("/api/v1/downloads/release/?limit=0")).toMatchObject({ limit: 1000, next: null });
  });

  it("shows drafts to staff authenticated by API key only", async () => {
    const anonymous = await (await ctx.app.request("/api/v1/downloads/release/?limit=0")).json();
    expect((anonymous as { meta: { total_count: number } }).meta.total_count).toBe(5);
    expect((await ctx.app.request(`/api/v1/downloads/release/${fx.releases.draft}/`)).status).toBe(401);
    const asStaff = await session("GET", `/api/v1/downloads/release/${fx.releases.draft}/`);
    expect(asStaff.status).toBe(200);
    const viaCookie = await ctx.app.request(`/api/v1/downloads/release/${fx.releases.draft}/`, { headers: { cookie: staff.cookie } });
    expect(viaCookie.status).toBe(401);
    expect((await session("GET", "/api/v1/downloads/release/", undefined, `Token ${staff.token}`)).status).toBe(401);
  });
});

describe("API v1 bad input", () => {
  it("answers malformed filters with 400 and tastypie's error", async () => {
    const error = async (path: string) => {
      const response = await ctx.app.request(path);
      return [response.status, await response.json()];
    };
    expect(await error("/api/v1/downloads/release/?is_latest=true")).toEqual([400, { error: "The 'is_latest' field does not allow filtering." }]);
    expect(await error("/api/v1/downloads/release/?name__contains=3")).toEqual([400, { error: "'contains' is not an allowed filter on the 'name' field." }]);
    expect(await error("/api/v1/downloads/release_file/?name__slug=x")).toEqual([400, { error: "The 'name' field does not support relations." }]);
    expect((await error("/api/v1/downloads/release/?version=three"))[0]).toBe(400);
    expect((await error("/api/v1/downloads/release/?release_date__gte=yesterday"))[0]).toBe(400);
    expect(await error("/api/v1/downloads/release/?limit=-1")).toEqual([400, { error: "Invalid limit '-1' provided. Please provide a positive integer >= 0." }]);
    expect((await ctx.app.request("/api/v1/downloads/release/99999/")).status).toBe(404);
  });

  it("refuses writes without staff API-key credentials, and changes nothing", async () => {
    const before = await ctx.services.downloads.countFiles({});
    const body = fileDict(fx.releases.py3138, fx.os.windows, "python-3.13.8-amd64.exe", "Windows installer (64-bit)", false);
    const anonymous = await ctx.app.request("/api/v1/downloads/release_file/", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    expect((await session("POST", "/api/v1/downloads/release_file/", body, `ApiKey ${staff.username}:wrong-key`)).status).toBe(401);
    expect((await session("POST", "/api/v1/downloads/release_file/", body, visitorKey)).status).toBe(401);
    expect((await session("POST", "/api/v1/downloads/release_file/", body, "ApiKey no-colon-here")).status).toBe(401);
    const cookieWrite = await ctx.app.request("/api/v1/downloads/release_file/", {
      method: "POST",
      headers: { cookie: staff.cookie, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(cookieWrite.status).toBe(401);
    expect((await ctx.app.request(`/api/v1/downloads/release_file/?release=${fx.releases.py3140}`, { method: "DELETE", headers: { cookie: staff.cookie } })).status).toBe(401);
    expect((await ctx.app.request(`/api/v1/downloads/release/?api_key=${staff.key}&username=${staff.username}`)).status).toBe(401);
    expect(await ctx.services.downloads.countFiles({})).toBe(before);
  });

  it("requires exactly one release filter to delete files in bulk", async () => {
    const error = { error: "Deleting release files requires exactly one 'release' filter." };
    for (const query of ["", `?release=${fx.releases.py3140}&os=${fx.os.windows}`, `?release=${fx.releases.py3140}&release=${fx.releases.py3138}`]) {
      const response = await session("DELETE", `/api/v1/downloads/release_file/${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(error);
    }
    expect((await session("DELETE", "/api/v1/downloads/release/")).status).toBe(405);
    const put = await session("PUT", `/api/v1/downloads/release/${fx.releases.py3140}/`, {});
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET,DELETE");
    expect(await ctx.services.downloads.countFiles({})).toBe(9);
  });
});
