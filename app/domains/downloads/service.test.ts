import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture, fileInput, type DownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();
let fx: DownloadsFixture;
const actor = "system" as const;

beforeEach(async () => {
  fx = await createDownloadsFixture(ctx.services.downloads);
});

const downloads = () => ctx.services.downloads;

async function queuedTasks(): Promise<string[]> {
  const rows = await ctx.deps.db.$queryRaw<Array<{ task_identifier: string }>>`
    SELECT t.identifier AS task_identifier FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY t.identifier`;
  return rows.map((row) => row.task_identifier);
}

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  return (error as AppError).fields ?? {};
}

describe("releases", () => {
  it("derives the version fields and the slug from the name", async () => {
    const release = await downloads().saveRelease({ input: { name: "Python 3.14.0rc1", preRelease: true }, actor });
    expect(release).toMatchObject({
      slug: "python-3140rc1",
      versionMajor: 3,
      versionMinor: 14,
      versionPatch: 0,
      preReleaseTag: "rc",
      preReleaseNumber: 1,
      contentMarkupType: "markdown",
      url: "/downloads/release/python-3140rc1/",
    });
  });

  it("keeps one latest release per version line: promoting demotes the previous one", async () => {
    await downloads().saveRelease({ id: fx.releases.py3138, input: { name: "Python 3.13.8", isPublished: true, isLatest: true }, actor });
    const latest = await downloads().findReleases({ query: { isLatest: true } });
    expect(latest.map((release) => release.name).sort()).toEqual(["Python 2.7.18", "Python 3.13.8", "Python install manager 25.0"]);

    await downloads().makeLatest({ id: fx.releases.py3140, actor });
    const again = await downloads().findReleases({ query: { isLatest: true, version: { equals: 3 } } });
    expect(again.map((release) => release.name)).toEqual(["Python 3.14.0"]);
  });

  it("rejects names that follow neither naming rule, and mismatched lines or flags", async () => {
    expect(await fieldsOf(downloads().saveRelease({ input: { name: "Python 3.14" }, actor }))).toHaveProperty("name");
    expect(await fieldsOf(downloads().saveRelease({ input: { name: "python 3.14.2" }, actor }))).toHaveProperty("name");
    expect(await fieldsOf(downloads().saveRelease({ input: { name: "Python 2.7.19", version: 3 }, actor }))).toHaveProperty("version");
    expect(await fieldsOf(downloads().saveRelease({ input: { name: "Python install manager 26.0", version: 3 }, actor }))).toHaveProperty("version");
    expect(await fieldsOf(downloads().saveRelease({ input: { name: "Python 3.15.0b1" }, actor }))).toHaveProperty("preRelease");
    expect(await fieldsOf(downloads().saveRelease({ input: { name: "Python 3.14.0" }, actor }))).toHaveProperty("slug");
    expect(await downloads().countReleases({})).toBe(6);
  });

  it("keeps an unchanged legacy name that breaks today's rule", async () => {
    const legacy = await ctx.deps.db.release.create({ data: { name: "python 2.7.10", slug: "python-2710", version: 2 } });
    const saved = await downloads().saveRelease({ id: legacy.id, input: { name: "python 2.7.10", slug: "python-2710", version: 2, isPublished: true }, actor });
    expect(saved.isPublished).toBe(true);
  });

  it("refuses writes by non-staff users", async () => {
    const visitor = { id: 1, isStaff: false, isSuperuser: false };
    await expect(downloads().saveRelease({ input: { name: "Python 3.14.2" }, actor: visitor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(downloads().deleteFilesOfRelease({ releaseId: fx.releases.py3140, actor: visitor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await downloads().countFiles({ query: { release: { id: { equals: fx.releases.py3140 } } } })).toBe(5);
  });
});

describe("release files", () => {
  const ids = () => ({ releaseId: fx.releases.py3138, osId: fx.os.windows });

  it("accepts only https://www.python.org/ URLs and sidecars that match the artifact", async () => {
    const offSite = await fieldsOf(
      downloads().createFile({
        input: fileInput(ids(), "3.13.8", "Windows installer (64-bit)", "x.exe", { url: "https://evil.example/python.exe", sigstoreBundleFile: "", sbomSpdx2File: "" }),
        actor,
      }),
    );
    expect(offSite.url).toEqual(["Release file URLs must begin with 'https://www.python.org/'."]);
    const sidecar = await fieldsOf(
      downloads().createFile({
        input: fileInput(ids(), "3.13.8", "Windows installer (64-bit)", "x.exe", { gpgSignatureFile: "https://www.python.org/ftp/python/3.13.8/other.exe.asc" }),
        actor,
      }),
    );
    expect(sidecar.gpgSignatureFile).toEqual(["Sidecar URL must match the artifact URL plus '.asc'."]);
    expect(await downloads().countFiles({ query: { release: { id: { equals: fx.releases.py3138 } } } })).toBe(1);
  });

  it("allows one download button per operating system and release", async () => {
    const errors = await fieldsOf(
      downloads().createFile({
        input: fileInput({ releaseId: fx.releases.py3140, osId: fx.os.windows }, "3.14.0", "Windows installer (ARM64)", "python-3.14.0-arm64.exe", { downloadButton: true }),
        actor,
      }),
    );
    expect(errors.downloadButton).toEqual(['Only one Release File per OS can have "Download button" enabled']);
  });

  it("keeps an unchanged legacy http:// URL valid on update but refuses a new one", async () => {
    const legacy = await ctx.deps.db.releaseFile.create({
      data: { name: "Old installer", slug: "old-installer", osId: fx.os.windows, releaseId: fx.releases.py2718, url: "http://www.python.org/ftp/python/2.7.18/old.msi" },
    });
    const input = { name: "Old installer (renamed)", slug: "old-installer", osId: fx.os.windows, releaseId: fx.releases.py2718, url: legacy.url };
    expect((await downloads().updateFile({ id: legacy.id, input, actor })).name).toBe("Old installer (renamed)");
    const changed = await fieldsOf(downloads().updateFile({ id: legacy.id, input: { ...input, url: "http://www.python.org/ftp/python/2.7.18/new.msi" }, actor }));
    expect(changed.url).toHaveLength(1);
  });

  it("deletes every file of one release and nothing else", async () => {
    expect(await downloads().deleteFilesOfRelease({ releaseId: fx.releases.py3140, actor })).toBe(5);
    expect(await downloads().countFiles({})).toBe(4);
  });
});

describe("side effects", () => {
  it("enqueues boxes, search and purge in the write's transaction, and none for a refused write", async () => {
    await ctx.reset();
    const release = await downloads().saveRelease({ input: { name: "Python 3.14.0", isPublished: true, isLatest: true }, actor });
    expect(await queuedTasks()).toEqual(["downloads.purge-cdn", "downloads.rebuild-boxes", "search.index-document"]);
    await ctx.reset();
    await downloads()
      .saveRelease({ input: { name: "Python 3.14" }, actor })
      .catch(() => undefined);
    expect(await queuedTasks()).toEqual([]);
    expect(release.id).toBeGreaterThan(0);
  });

  it("rebuilds the download boxes and indexes published releases when the jobs run", async () => {
    await ctx.drainJobs();
    const boxes = await ctx.services.boxes.getBoxesHtml({ labels: ["supernav-python-downloads", "homepage-downloads", "download-sources"] });
    expect(boxes["supernav-python-downloads"]).toContain('class="download-os-windows"');
    expect(boxes["supernav-python-downloads"]).toContain("https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix");
    expect(boxes["supernav-python-downloads"]).toContain("https://www.python.org/ftp/python/3.14.0/python-3.14.0-macos11.pkg");
    expect(boxes["homepage-downloads"]).toContain('<a href="/downloads/release/python-3140/">Python 3.14.0</a>');
    expect(boxes["download-sources"]).toContain("https://www.python.org/ftp/python/3.14.0/Python-3.14.0.tar.xz");

    const results = await ctx.deps.search.search({ q: "3.13.8", types: ["release"] });
    expect(results.hits[0]).toMatchObject({ title: "Python 3.13.8", url: "/downloads/release/python-3138/" });
    expect((await ctx.deps.search.search({ q: "3.14.1" })).hits.map((hit) => hit.title)).not.toContain("Python 3.14.1");
  });

  it("serves page data from the cache until a write invalidates it", async () => {
    const before = await downloads().getDownloadHome();
    expect(before.latestPython3?.name).toBe("Python 3.14.0");
    await ctx.deps.db.release.update({ where: { id: fx.releases.py3140 }, data: { name: "Python 3.14.0 (behind the service's back)" } });
    expect((await downloads().getDownloadHome()).latestPython3?.name).toBe("Python 3.14.0");
    await downloads().makeLatest({ id: fx.releases.py3138, actor });
    expect((await downloads().getDownloadHome()).latestPython3?.name).toBe("Python 3.13.8");
  });
});
