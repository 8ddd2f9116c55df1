import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, auditRows, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();
let fx: DownloadsFixture;
let editor: SignedIn;

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
  await syncAdminPermissions(ctx);
  editor = await signInAs(ctx, { permissions: ["view", "add", "change", "delete"].map((action) => `downloads.${action}_release`) });
});

const get = (path: string) => ctx.app.request(path, { headers: { cookie: editor.cookie } });
const post = (path: string, fields: Record<string, string | string[]>) => ctx.app.request(path, adminPost(ctx, editor.cookie, fields));

function releaseForm(overrides: Record<string, string> = {}, files: Array<Record<string, string>> = []) {
  const fields: Record<string, string> = {
    name: "Python 3.14.2",
    version: "3",
    isPublished: "on",
    showOnDownloadPage: "on",
    contentMarkupType: "markdown",
    content: "Bug fixes.",
    "files-TOTAL": String(files.length),
    ...overrides,
  };
  files.forEach((file, index) => {
    for (const [name, value] of Object.entries(file)) fields[`files-${index}-${name}`] = value;
  });
  return fields;
}

const xz = (osId: number, extra: Record<string, string> = {}) => ({
  name: "XZ compressed source tarball",
  slug: "3142-xz",
  osId: String(osId),
  url: "https://www.python.org/ftp/python/3.14.2/Python-3.14.2.tar.xz",
  sha256Sum: "d".repeat(64),
  filesize: "23000000",
  isSource: "on",
  downloadButton: "on",
  ...extra,
});

describe("releases admin", () => {
  it("lists releases newest first with version, published and pre-release filters", async () => {
    const list = await (await get("/admin/downloads/release/")).text();
    expect(list.indexOf("Python 3.14.1")).toBeLessThan(list.indexOf("Python 3.13.8"));
    const drafts = await (await get("/admin/downloads/release/?published=0")).text();
    expect(drafts).toContain("Python 3.14.1");
    expect(drafts).not.toContain("Python 3.13.8");
    const python2 = await (await get("/admin/downloads/release/?version=2")).text();
    expect(python2).toContain("Python 2.7.18");
    expect(python2).not.toContain("Python 3.14.0<");
  });

  it("adds a release with its files inline, the slug and release notes URL filled in, and audits it", async () => {
    const response = await post("/admin/downloads/release/add/", releaseForm({}, [xz(fx.os.source)]));
    expect(response.status).toBe(303);
    const [release] = await ctx.services.downloads.findReleases({ query: { name: { equals: "Python 3.14.2" } } });
    expect(release).toMatchObject({ slug: "python-3142", releaseNotesUrl: "https://docs.python.org/release/3.14.2/whatsnew/changelog.html" });
    expect((await ctx.services.downloads.findFiles({ query: { release: { id: { equals: release!.id } } } })).map((file) => file.slug)).toEqual(["3142-xz"]);
    const [entry] = await auditRows(ctx, "downloads.release");
    expect(entry).toMatchObject({ action: "create", objectRepr: "Python 3.14.2" });
  });

  it("fills an empty file slug from the release and file names", async () => {
    const response = await post("/admin/downloads/release/add/", releaseForm({}, [xz(fx.os.source, { slug: "" })]));
    expect(response.status).toBe(303);
    const [release] = await ctx.services.downloads.findReleases({ query: { name: { equals: "Python 3.14.2" } } });
    const files = await ctx.services.downloads.findFiles({ query: { release: { id: { equals: release!.id } } } });
    expect(files.map((file) => file.slug)).toEqual(["python-3142-xz-compressed-source-tarball"]);
  });

  it("lays the files out one card per file, checksums and signatures folded, slugs wired to the names", async () => {
    const html = await (await get("/admin/downloads/release/add/")).text();
    expect(html).not.toContain("<table");
    expect(html).toContain('<fieldset class="inline-card" id="files-0">');
    expect(html).toContain("<legend>File 1</legend>");
    expect(html).toMatch(/<details class="inline-card-more">\s*<summary>Checksums and signature URLs<span class="visually-hidden">, File 1<\/span><\/summary>/);
    expect(html).toMatch(/<input type="text" id="id_files-0-slug" name="files-0-slug"[^>]* data-prepopulate="id_name id_files-0-name">/);
    expect(html).toContain('data-prepopulate="id_name"');
  });

  it("offers the release page from a list of pages, drafts only to those who may see them", async () => {
    const published = await ctx.services.pages.savePage({
      input: { title: "Python 2.7 release notes", path: "download/releases/2.7", content: "x", contentMarkupType: "markdown", isPublished: true },
    });
    await ctx.services.pages.savePage({ input: { title: "Secret draft", path: "download/releases/draft", content: "x", contentMarkupType: "markdown", isPublished: false } });
    const html = await (await get("/admin/downloads/release/add/")).text();
    expect(html).toContain(`<option value="${published.id}">/download/releases/2.7/ — Python 2.7 release notes</option>`);
    expect(html).not.toContain("Secret draft");
    const response = await post("/admin/downloads/release/add/", releaseForm({ releasePageId: String(published.id), content: "" }));
    expect(response.status).toBe(303);
    const [release] = await ctx.services.downloads.findReleases({ query: { name: { equals: "Python 3.14.2" } } });
    expect(release!.releasePageId).toBe(published.id);
    const pageEditor = await signInAs(ctx, { permissions: ["downloads.add_release", "pages.view_page"] });
    const withDrafts = await (await ctx.app.request("/admin/downloads/release/add/", { headers: { cookie: pageEditor.cookie } })).text();
    expect(withDrafts).toContain("Secret draft");
  });

  it("refuses a bad name, a second download button and an off-site URL with a 422, saving nothing", async () => {
    const badName = await post("/admin/downloads/release/add/", releaseForm({ name: "Python 3.14" }));
    expect(badName.status).toBe(422);
    expect(await badName.text()).toContain("Name the release &quot;Python X.Y.Z&quot;");
    const files = [xz(fx.os.source), xz(fx.os.source, { slug: "3142-tgz", name: "Gzipped source tarball", url: "https://example.com/Python-3.14.2.tgz" })];
    const badFiles = await post("/admin/downloads/release/add/", releaseForm({}, files));
    expect(badFiles.status).toBe(422);
    const html = await badFiles.text();
    expect(html).toContain("Release file URLs must begin with &#39;https://www.python.org/&#39;.");
    expect(html).toContain("Only one Release File per OS can have &quot;Download button&quot; enabled");
    expect(await ctx.services.downloads.countReleases({ query: { name: { equals: "Python 3.14.2" } } })).toBe(0);
  });

  it("replaces the inline files on change: keeps by slug, adds new ones, drops the missing", async () => {
    const release = await ctx.services.downloads.getRelease({ id: fx.releases.py3138 });
    const response = await post(
      `/admin/downloads/release/${release.id}/change/`,
      releaseForm({ name: release.name, slug: release.slug, releaseDate: "2025-10-07T12:00" }, [
        xz(fx.os.source, { slug: "3138-XZ-compressed-source-tarball", url: "https://www.python.org/ftp/python/3.13.8/Python-3.13.8.tar.xz", description: "changed" }),
        {
          name: "Windows installer (64-bit)",
          slug: "3138-win64",
          osId: String(fx.os.windows),
          url: "https://www.python.org/ftp/python/3.13.8/python-3.13.8-amd64.exe",
          downloadButton: "on",
        },
      ]),
    );
    expect(response.status).toBe(303);
    const files = await ctx.services.downloads.findFiles({ query: { release: { id: { equals: release.id } } } });
    expect(files.map((file) => [file.slug, file.description]).sort()).toEqual([
      ["3138-XZ-compressed-source-tarball", "changed"],
      ["3138-win64", ""],
    ]);
  });

  it("makes a release the latest of its line with the bulk action", async () => {
    const confirm = await post("/admin/downloads/release/action/", { action: "make_latest", ids: String(fx.releases.py3138), confirm: "yes" });
    expect(confirm.status).toBe(303);
    const latest = await ctx.services.downloads.findReleases({ query: { isLatest: true, version: { equals: 3 } } });
    expect(latest.map((release) => release.name)).toEqual(["Python 3.13.8"]);
    expect((await auditRows(ctx, "downloads.release")).map((entry) => entry.action)).toEqual(["make_latest"]);
  });
});

describe("releases admin: view on site", () => {
  it("links a release to /downloads/release/<slug>/", async () => {
    const release = await ctx.services.downloads.getRelease({ id: fx.releases.py3138 });
    const html = await (await get(`/admin/downloads/release/${release.id}/change/`)).text();
    expect(html).toContain(`<a href="/downloads/release/${release.slug}/" class="view-on-site">View on site</a>`);
    expect(await (await get("/admin/downloads/release/")).text()).toContain(`href="/downloads/release/${release.slug}/" aria-label="View Python 3.13.8 on site"`);
  });
});
