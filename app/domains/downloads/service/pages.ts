// Everything the public downloads pages show, resolved and cached until the next write
// (legacy apps/downloads/views.py and managers.py). Dates are ISO strings: views are cached as JSON.
import { AppError } from "../../../core/errors.ts";
import { fileTable, sortWindows, type FileTable } from "../presenters.ts";
import { fileArtifactSelect, releaseSelect, type ReleaseView } from "../queries.ts";
import { PYMANAGER_LINE, versionNumber } from "../schemas/versions.ts";
import type { DownloadsContext } from "./context.ts";
import { activeReleases, type ActiveRelease, type EolInfo, eolInfo } from "./cycles.ts";
import { buildReleaseChart, type ReleaseChart } from "../presenters/release-chart.ts";

export interface ReleaseLink {
  id: number;
  name: string;
  url: string;
  version: string;
}

export interface FileLink {
  name: string;
  url: string;
  releaseName: string;
}

export interface DownloadHome {
  latestPython3: ReleaseLink | null;
  latestPython2: ReleaseLink | null;
  latestPymanager: ReleaseLink | null;
  /** One entry per operating system that has a download button in the latest Python 3 or install manager. */
  osDownloads: Array<{ osName: string; osSlug: string; python3: FileLink | null; pymanager: FileLink | null }>;
  releases: Array<{ name: string; url: string; releaseDate: string; releaseNotesUrl: string }>;
  activeReleases: ActiveRelease[];
}

export interface ReleasePage {
  release: Pick<ReleaseView, "id" | "name" | "slug" | "contentHtml" | "releaseNotesUrl" | "isPublished" | "version" | "url"> & {
    releaseDate: string;
    hasNotes: boolean;
    /** "3.9.1" of "Python 3.9.1"; empty for other names. */
    versionNumber: string;
  };
  releasePageUrl: string | null;
  eol: EolInfo;
  supersededBy: ReleaseLink | null;
  featured: Array<{ osName: string; osSlug: string; name: string; url: string; viaPymanager: boolean }>;
  files: FileTable;
}

export interface OsPageRelease {
  name: string;
  url: string;
  releaseDate: string;
  /** Windows guidance legacy os_list.html shows per release. */
  windowsNote: "pymanager" | "win7" | "xp" | null;
  files: Array<{ name: string; url: string }>;
}

export interface OsPage {
  os: { name: string; slug: string };
  latestPython3: ReleaseLink | null;
  latestPymanager: ReleaseLink | null;
  releases: OsPageRelease[];
  preReleases: OsPageRelease[];
}

const link = (release: ReleaseView): ReleaseLink => ({ id: release.id, name: release.name, url: release.url, version: versionNumber(release.name) });

/** "3.14.0" is at least (3, 14): legacy Release.is_version_at_least. */
function atLeast(name: string, wanted: [number, number]): boolean {
  const parts = versionNumber(name).split(".").map(Number);
  return (parts[0] ?? 0) * 1000 + (parts[1] ?? 0) >= wanted[0] * 1000 + wanted[1];
}

export function createPages(ctx: DownloadsContext) {
  const { db } = ctx;

  async function latestByLine(): Promise<Map<number, ReleaseView>> {
    const rows = await db.release.findMany({ where: { isPublished: true, isLatest: true }, orderBy: { releaseDate: "desc" }, select: releaseSelect });
    const views = await ctx.toViews(rows);
    const byLine = new Map<number, ReleaseView>();
    for (const view of views) if (!byLine.has(view.version)) byLine.set(view.version, view);
    return byLine;
  }

  /** Legacy latest_python3(minor): newest published 3.N release by date, pre-releases included. */
  async function latestOfMinor(minor: number): Promise<ReleaseView | null> {
    const row = await db.release.findFirst({
      where: { version: 3, isPublished: true, versionMajor: 3, versionMinor: minor },
      orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
      select: releaseSelect,
    });
    return row ? ((await ctx.toViews([row]))[0] ?? null) : null;
  }

  /**
   * Where a `latest` redirect goes: the newest Python 3 (optionally of one minor version),
   * Python 2, Python 3 pre-release or install manager; null when there is none.
   */
  async function latestReleaseUrl(options: { kind: "python3" | "python2" | "prerelease" | "pymanager"; minor?: number }): Promise<string | null> {
    return ctx.cached(`latest:${options.kind}:${options.minor ?? ""}`, async () => {
      if (options.kind === "python3" && options.minor !== undefined) return (await latestOfMinor(options.minor))?.url ?? null;
      if (options.kind === "prerelease") {
        const row = await db.release.findFirst({
          where: { version: 3, isPublished: true, preRelease: true },
          orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
          select: releaseSelect,
        });
        return row ? ((await ctx.toViews([row]))[0]?.url ?? null) : null;
      }
      const line = { python3: 3, python2: 2, pymanager: PYMANAGER_LINE }[options.kind];
      return (await latestByLine()).get(line)?.url ?? null;
    });
  }

  async function buttonFiles(releaseIds: number[]) {
    return db.releaseFile.findMany({
      where: { releaseId: { in: releaseIds }, downloadButton: true },
      select: { name: true, url: true, releaseId: true, os: { select: { name: true, slug: true } } },
    });
  }

  /**
   * The data of /downloads/ (legacy DownloadHome), cached until the next write, with the
   * release chart drawn for today (outside the cache, which must not hold a date).
   */
  async function getDownloadHome(): Promise<DownloadHome & { releaseChart: ReleaseChart | null }> {
    const home = await ctx.cached("home", loadDownloadHome);
    const releases = home.activeReleases.map((row) => ({ version: row.version, status: row.cycleStatus, firstRelease: row.firstReleaseDate, endOfLife: row.endOfLife }));
    return { ...home, releaseChart: buildReleaseChart({ releases, today: ctx.now() }) };
  }

  /** The data of /downloads/ read afresh (the box rebuild job must not see a stale cache). */
  async function loadDownloadHome(): Promise<DownloadHome> {
    const latest = await latestByLine();
    const python3 = latest.get(3) ?? null;
    const pymanager = latest.get(PYMANAGER_LINE) ?? null;
    const [buttons, systems, listed, cycles] = await Promise.all([
      buttonFiles([python3?.id, pymanager?.id].filter((id): id is number => id !== undefined)),
      db.operatingSystem.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { name: true, slug: true } }),
      listedReleases(),
      activeReleases(ctx),
    ]);
    const fileFor = (release: ReleaseView | null, slug: string): FileLink | null => {
      const file = release ? buttons.find((candidate) => candidate.releaseId === release.id && candidate.os.slug === slug) : undefined;
      return file && release ? { name: file.name, url: file.url, releaseName: release.name } : null;
    };
    return {
      latestPython3: python3 ? link(python3) : null,
      latestPython2: latest.get(2) ? link(latest.get(2)!) : null,
      latestPymanager: pymanager ? link(pymanager) : null,
      osDownloads: systems
        .map((os) => ({ osName: os.name, osSlug: os.slug, python3: fileFor(python3, os.slug), pymanager: fileFor(pymanager, os.slug) }))
        .filter((entry) => entry.python3 || entry.pymanager),
      releases: listed,
      activeReleases: cycles,
    };
  }

  /** Legacy ReleaseQuerySet.downloads() sorted by numeric version, newest first; names without a version sort last. */
  async function listedReleases(): Promise<DownloadHome["releases"]> {
    const rows = await db.release.findMany({
      where: { isPublished: true, showOnDownloadPage: true, preRelease: false },
      orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
      select: releaseSelect,
    });
    const views = await ctx.toViews(rows);
    const key = (name: string) => (versionNumber(name) || "0").split(".").map((part) => Number(part) || 0);
    const compare = (a: number[], b: number[]) => {
      for (let index = 0; index < Math.max(a.length, b.length); index += 1) if ((a[index] ?? 0) !== (b[index] ?? 0)) return (b[index] ?? 0) - (a[index] ?? 0);
      return 0;
    };
    return views
      .map((view) => ({ view, key: key(view.name) }))
      .sort((a, b) => compare(a.key, b.key))
      .map(({ view }) => ({ name: view.name, url: view.url, releaseDate: view.releaseDate.toISOString(), releaseNotesUrl: view.releaseNotesUrl }));
  }

  /** The data of /downloads/release/<slug>/ (legacy DownloadReleaseDetail); drafts are shown too, as legacy does. */
  async function getReleasePage(options: { slug: string }): Promise<ReleasePage> {
    return ctx.cached(`release:${options.slug}`, async () => {
      const row = await db.release.findUnique({ where: { slug: options.slug }, select: { ...releaseSelect, files: { select: { ...tableFileSelect, downloadButton: true } } } });
      if (!row) throw new AppError("NOT_FOUND", "There is no such release.");
      const [release] = await ctx.toViews([row]);
      const [eol, superseded, latest, pagePaths] = await Promise.all([
        eolInfo(ctx, row),
        row.version === 3 && row.versionMinor !== null ? latestOfMinor(row.versionMinor) : null,
        latestByLine(),
        row.releasePageId !== null && ctx.deps.releasePages ? ctx.deps.releasePages.pagePaths([row.releasePageId]) : new Map<number, string>(),
      ]);
      const order = (slug: string) => ({ macos: 1, windows: 2, source: 3 })[slug] ?? 4;
      const withPymanager = latest.has(PYMANAGER_LINE) && atLeast(row.name, [3, 5]);
      return {
        release: { ...pickRelease(release!), releaseDate: row.releaseDate.toISOString(), hasNotes: Boolean(row.content), versionNumber: versionNumber(row.name) },
        releasePageUrl: row.releasePageId === null ? null : (pagePaths.get(row.releasePageId) ?? null),
        eol,
        supersededBy: superseded && superseded.id !== row.id ? link(superseded) : null,
        featured: row.files
          .filter((file) => file.downloadButton)
          .sort((a, b) => order(a.os.slug) - order(b.os.slug))
          .map((file) => ({ osName: file.os.name, osSlug: file.os.slug, name: file.name, url: file.url, viaPymanager: file.os.slug === "windows" && withPymanager })),
        files: fileTable(row.files),
      };
    });
  }

  /** The data of /downloads/<os-slug>/ (legacy DownloadOSList): stable releases, then pre-releases, newest first. */
  async function getOsPage(options: { slug: string }): Promise<OsPage> {
    return ctx.cached(`os:${options.slug}`, async () => {
      const os = await db.operatingSystem.findUnique({ where: { slug: options.slug }, select: { id: true, name: true, slug: true } });
      if (!os) throw new AppError("NOT_FOUND", "There is no such operating system.");
      const rows = await db.release.findMany({
        where: { isPublished: true, files: { some: { osId: os.id } } },
        orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
        select: { ...releaseSelect, files: { where: { osId: os.id }, select: { name: true, url: true }, orderBy: [{ name: "asc" }, { id: "asc" }] } },
      });
      const [views, latest] = await Promise.all([ctx.toViews(rows), latestByLine()]);
      const pymanager = latest.get(PYMANAGER_LINE) ?? null;
      const entries = views.map((view, index) => ({
        preRelease: view.preRelease,
        entry: {
          name: view.name,
          url: view.url,
          releaseDate: view.releaseDate.toISOString(),
          windowsNote: os.slug === "windows" ? windowsNote(view.name, Boolean(pymanager)) : null,
          // Legacy os_list.html lists each release's files by name through sort_windows.
          files: sortWindows(rows[index]!.files),
        },
      }));
      return {
        os: { name: os.name, slug: os.slug },
        latestPython3: latest.get(3) ? link(latest.get(3)!) : null,
        latestPymanager: pymanager ? link(pymanager) : null,
        releases: entries.filter((item) => !item.preRelease).map((item) => item.entry),
        preReleases: entries.filter((item) => item.preRelease).map((item) => item.entry),
      };
    });
  }

  /** The ten newest published releases by date, pre-releases included (legacy ReleaseFeed). */
  async function listFeedReleases(): Promise<Array<{ name: string; url: string; releaseDate: string }>> {
    return ctx.cached("feed", async () => {
      const rows = await db.release.findMany({ where: { isPublished: true }, orderBy: [{ releaseDate: "desc" }, { id: "desc" }], take: 10, select: releaseSelect });
      return (await ctx.toViews(rows)).map((view) => ({ name: view.name, url: view.url, releaseDate: view.releaseDate.toISOString() }));
    });
  }

  return { latestReleaseUrl, getDownloadHome, loadDownloadHome, getReleasePage, getOsPage, listFeedReleases };
}

const tableFileSelect = fileArtifactSelect;

function pickRelease(view: ReleaseView) {
  const { id, name, slug, contentHtml, releaseNotesUrl, isPublished, version, url } = view;
  return { id, name, slug, contentHtml, releaseNotesUrl, isPublished, version, url };
}

function windowsNote(name: string, hasPymanager: boolean): OsPageRelease["windowsNote"] {
  if (hasPymanager && atLeast(name, [3, 14])) return "pymanager";
  if (atLeast(name, [3, 9])) return "win7";
  if (atLeast(name, [3, 5])) return "xp";
  return null;
}
