import { beforeEach, describe, expect, it } from "vitest";
import { createTestUser, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();
let fx: DownloadsFixture;
const actor = "system" as const;

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
});

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

describe("the latest redirects", () => {
  const cases: Array<[string, string]> = [
    ["/downloads/latest", "/downloads/release/python-3140/"],
    ["/downloads/latest/", "/downloads/release/python-3140/"],
    ["/downloads/latest/python3", "/downloads/release/python-3140/"],
    ["/downloads/latest/python3/", "/downloads/release/python-3140/"],
    ["/downloads/latest/python3.13", "/downloads/release/python-3138/"],
    ["/downloads/latest/python3.15/", "/downloads/release/python-3150a1/"],
    ["/downloads/latest/python3.99", "/downloads/"],
    ["/downloads/latest/python3.99999999999999999999", "/downloads/"],
    ["/downloads/latest/python2", "/downloads/release/python-2718/"],
    ["/downloads/latest/prerelease/", "/downloads/release/python-3150a1/"],
    ["/downloads/latest/pymanager", "/downloads/release/pymanager-250/"],
    ["/getit/latest/python3.14/", "/downloads/release/python-3140/"],
  ];
  it.each(cases)("%s answers 302 to %s", async (path, target) => {
    const response = await get(path);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(target);
  });

  it("falls back to /downloads/ when nothing matches", async () => {
    await ctx.reset();
    for (const path of ["/downloads/latest/", "/downloads/latest/python2", "/downloads/latest/prerelease", "/downloads/latest/pymanager/"]) {
      const response = await get(path);
      expect([path, response.status, response.headers.get("location")]).toEqual([path, 302, "/downloads/"]);
    }
  });

  it("redirects old /download/releases/X.Y.Z/ URLs permanently, and only for known releases", async () => {
    const response = await get("/download/releases/3.14.0/");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/downloads/release/python-3140/");
    expect((await get("/download/releases/9.9.9/")).status).toBe(404);
  });
});

describe("the downloads pages", () => {
  it("shows the OS-aware download header, every listed release by version and the feeds", async () => {
    const response = await get("/downloads/");
    expect(response.status).toBe(200);
    expect(response.headers.get("surrogate-key")).toContain("downloads");
    const html = await response.text();
    expect(html).toContain('<div class="download-os download-os-windows" data-os="windows" hidden>');
    expect(html).toContain('href="https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix">Download Python install manager</a>');
    expect(html).toContain('<div class="download-unknown">');
    expect(html).toContain('<a class="button" href="/downloads/release/python-3140/">Download Python 3.14.0</a>');
    const listed = [...html.matchAll(/<th scope="row"><a href="[^"]+">(Python [^<]+)<\/a><\/th>/g)].map((match) => match[1]);
    expect(listed).toEqual(["Python 3.14.0", "Python 3.13.8", "Python 2.7.18", "Python install manager 25.0"]);
    expect(html).toContain('type="application/rss+xml" title="Python Releases" href="/downloads/feed.rss"');
    expect(html).toContain('type="application/atom+xml" title="Python Releases (Atom)" href="/downloads/feed.atom"');
    expect(html).not.toMatch(/<script(?![^>]*nonce)/);
    expect(html).not.toMatch(/ style="/);
  });

  it("mirrors every page under /getit/ with the /downloads/ twin as canonical", async () => {
    for (const [path, canonical] of [
      ["/getit/", "http://testserver/downloads/"],
      ["/getit/release/python-3140/", "http://testserver/downloads/release/python-3140/"],
      ["/getit/windows/", "http://testserver/downloads/windows/"],
      ["/getit/operating-systems/", "http://testserver/downloads/operating-systems/"],
    ]) {
      const response = await get(path!);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`<link rel="canonical" href="${canonical}">`);
    }
    expect((await get("/getit/feed.rss")).status).toBe(200);
  });

  it("lists operating systems, and per system the releases with their files", async () => {
    const list = await (await get("/downloads/operating-systems/")).text();
    expect(list).toContain('<a href="/downloads/macos/">macOS</a>');
    const windows = await get("/downloads/windows/");
    expect(windows.status).toBe(200);
    const html = await windows.text();
    expect(html).toContain('<h1 class="page-title">Python Releases for Windows</h1>');
    expect(html).toContain("Latest Python install manager - Python install manager 25.0");
    expect(html.indexOf("Windows installer (64-bit)")).toBeLessThan(html.indexOf("Windows installer (32-bit)"));
    expect(html).not.toContain("Python 3.13.8 -");
    const source = await (await get("/downloads/source/")).text();
    expect(source).toContain('<h1 class="page-title">Python Source Releases</h1>');
    expect(source.indexOf('<h2 id="pre-title">Pre-releases</h2>')).toBeLessThan(source.indexOf("Python 3.15.0a1 -"));
    expect((await get("/downloads/beos/")).status).toBe(404);
    expect((await get("/downloads/%3Cscript%3E/")).status).toBe(404);
  });

  it("shows a release page with notes, featured downloads and the full files table", async () => {
    const response = await get("/downloads/release/python-3140/");
    expect(response.status).toBe(200);
    expect(response.headers.get("surrogate-key")).toContain(`release-${fx.releases.py3140}`);
    const html = await response.text();
    expect(html).toContain("<title>Python Release Python 3.14.0 | Python.org</title>");
    expect(html).toContain("Notes for <strong>Python 3.14.0</strong>.");
    const featured = [...html.matchAll(/<div class="featured-download-box">\s*<h3>([^<]+)<\/h3>/g)].map((match) => match[1]);
    expect(featured).toEqual(["macOS", "Windows", "Source release"]);
    expect(html).toContain('<a class="button" href="/downloads/latest/pymanager/">Download Python install manager</a>');
    const rows = [...html.matchAll(/<tr>\s*<td><a href="[^"]+">([^<]+)<\/a><\/td>/g)].map((match) => match[1]);
    expect(rows).toEqual(["Gzipped source tarball", "XZ compressed source tarball", "macOS installer", "Windows installer (64-bit)", "Windows installer (32-bit)"]);
    expect(html).toContain("SHA-256 checksum");
    expect(html).toContain("26.5\u00a0MB");
    expect(html).toContain('<button type="button" class="copy-checksum"');
    expect((await get("/downloads/release/python-9990/")).status).toBe(404);
  });

  it("shows drafts, end-of-life warnings and superseded notices as legacy did", async () => {
    expect((await get("/downloads/release/python-3141/")).status).toBe(200);
    await ctx.services.downloads.saveReleaseCycle({
      input: { versionMajor: 3, versionMinor: 13, status: "bugfix", firstRelease: "2024-10-07", endOfLife: "2029-10", pep: 719 },
      actor,
    });
    const old = await ctx.services.downloads.saveRelease({ input: { name: "Python 3.13.7", isPublished: true, releaseDate: new Date("2025-08-14") }, actor });
    const oldPage = await (await get(`/downloads/release/${old.slug}/`)).text();
    expect(oldPage).toContain('has been superseded by <a href="/downloads/release/python-3138/">Python 3.13.8</a>');
    expect(oldPage).not.toContain("reached end-of-life");
    expect(await (await get("/downloads/release/python-2718/")).text()).toContain("Python 2.7.18 reached end-of-life.");
    await ctx.services.downloads.saveReleaseCycle({ input: { versionMajor: 3, versionMinor: 12, status: "end-of-life", firstRelease: "2023-10-02", endOfLife: "2028-10" }, actor });
    const eol = await ctx.services.downloads.saveRelease({ input: { name: "Python 3.12.0", isPublished: true }, actor });
    expect(await (await get(`/downloads/release/${eol.slug}/`)).text()).toContain("Python 3.12.0 reached end-of-life on 2028-10.");
  });

  it("shows the active releases table from the release cycle", async () => {
    const cycles = [
      { versionMajor: 3, versionMinor: 15, status: "feature" as const, firstRelease: "2026-10-01", endOfLife: "2031-10", pep: 790 },
      { versionMajor: 3, versionMinor: 16, status: "feature" as const, firstRelease: "2027-10-01", endOfLife: "2032-10", pep: 800 },
      { versionMajor: 3, versionMinor: 14, status: "bugfix" as const, firstRelease: "2025-10-07", endOfLife: "2030-10", pep: 745 },
      { versionMajor: 3, versionMinor: 13, status: "end-of-life" as const, firstRelease: "2024-10-07", endOfLife: "2029-10", pep: 719 },
      { versionMajor: 2, versionMinor: 7, status: "end-of-life" as const, firstRelease: "2010-07-03", endOfLife: "2020-04-20", pep: 373 },
    ];
    for (const input of cycles) await ctx.services.downloads.saveReleaseCycle({ input, actor });
    const html = await (await get("/downloads/")).text();
    const versions = [...html.matchAll(/<tr>\s*<th scope="row">(\d+\.\d+)<\/th>/g)].map((match) => match[1]);
    expect(versions).toEqual(["3.15", "3.14", "3.13"]);
    expect(html).toContain("2026-10-01 (planned)");
    expect(html).toContain('end-of-life, last release was <a href="/downloads/release/python-3138/">3.13.8</a>');
    expect(html).toContain('<a href="https://peps.python.org/pep-0745/">PEP 745</a>');
  });

  it("offers staff the edit button, as a fragment too, and nobody else", async () => {
    const anonymous = await get(`/release-edit-button/${fx.releases.py3140}`);
    expect([anonymous.status, await anonymous.text()]).toEqual([200, ""]);
    const staff = await createTestUser(ctx, { isStaff: true });
    const cookie = await signIn(ctx, staff.id);
    const fragment = await get(`/release-edit-button/${fx.releases.py3140}`, { cookie });
    expect(fragment.headers.get("cache-control")).toMatch(/^private/);
    expect(await fragment.text()).toBe(`<a role="button" class="button" href="/admin/downloads/release/${fx.releases.py3140}/change/">Edit this release</a>`);
    expect(await (await get("/downloads/release/python-3140/", { cookie })).text()).toContain("Edit this release");
    expect(await (await get("/downloads/release/python-3140/")).text()).not.toContain("Edit this release");
  });

  it("tags every downloads response, pages and APIs, with the downloads surrogate key", async () => {
    for (const path of ["/downloads/", "/getit/", "/downloads/feed.rss", "/api/v1/downloads/release/", "/api/v2/downloads/os/", "/api/v3/downloads/releases/"]) {
      const keys = (await get(path)).headers.get("surrogate-key")?.split(" ") ?? [];
      expect(keys, path).toContain("downloads");
      expect(keys, path).toContain("pydotorg-app");
    }
  });

  it("redirects slash-less page URLs to their slash form", async () => {
    const response = await get("/downloads");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/downloads/");
    expect((await get("/downloads/release/python-3140")).headers.get("location")).toBe("/downloads/release/python-3140/");
  });
});

describe("the releases feed", () => {
  it("lists the ten newest published releases in RSS 2.0, pre-releases included, drafts left out", async () => {
    for (let patch = 0; patch < 8; patch += 1) {
      await ctx.services.downloads.saveRelease({ input: { name: `Python 3.12.${patch}`, isPublished: true, releaseDate: new Date(Date.UTC(2024, 0, patch + 1)) }, actor });
    }
    const response = await get("/downloads/feed.rss");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain("<title>Python Releases</title>");
    expect(xml).toContain("<description>Latest Python releases from Python.org</description>");
    const titles = [...xml.matchAll(/<item>\s*<title><!\[CDATA\[([^\]]+)\]\]><\/title>/g)].map((match) => match[1]);
    expect(titles).toHaveLength(10);
    expect(titles.slice(0, 3)).toEqual(["Python 3.15.0a1", "Python 3.14.0", "Python 3.13.8"]);
    expect(titles).not.toContain("Python 3.14.1");
    expect(xml).toContain("Release date: 2025-10-07 14:07:00+00:00");
    expect(xml).toContain("<link>http://testserver/downloads/release/python-3140/</link>");

    const again = await get("/downloads/feed.rss", { "If-None-Match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
    const atom = await get("/downloads/feed.atom");
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(await atom.text()).toContain("<title>Python Releases</title>");
  });
});
