// The "Active Python releases" table and the end-of-life warning, from the release cycle
// table editors maintain (legacy download_tags.py read peps.python.org's release-cycle.json).
import { releaseSelect, type ReleaseView } from "../queries.ts";
import { RELEASE_CYCLE_STATUSES, type ReleaseCycleStatus } from "../schemas.ts";
import { versionNumber } from "../schemas/versions.ts";
import type { DownloadsContext } from "./context.ts";

export interface ActiveRelease {
  /** "3.14" */
  version: string;
  /** As the table words it (legacy): "pre-release", "bugfix", "security" or "end-of-life". */
  status: string;
  /** The cycle's own status, which the chart colours and labels. */
  cycleStatus: ReleaseCycleStatus;
  /** For the newest end-of-life version: its last release. */
  lastRelease: { name: string; url: string; version: string } | null;
  /** The table's text: a planned date says so. */
  firstRelease: string;
  /** YYYY-MM-DD or YYYY-MM as editors entered it; empty when unknown. */
  firstReleaseDate: string;
  endOfLife: string;
  pep: number | null;
  pepUrl: string | null;
  downloadUrl: string;
}

export interface EolInfo {
  isEol: boolean;
  eolDate: string | null;
}

/** The newest published release of each X.Y, by release date (legacy latest_python3(minor)). */
async function latestPerMinor(ctx: DownloadsContext): Promise<Map<string, ReleaseView>> {
  const rows = await ctx.db.release.findMany({
    where: { isPublished: true, version: { in: [1, 2, 3] }, versionMajor: { not: null } },
    orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
    select: releaseSelect,
  });
  const latest = new Map<string, ReleaseView>();
  for (const view of await ctx.toViews(rows)) {
    const key = `${view.versionMajor}.${view.versionMinor}`;
    if (!latest.has(key)) latest.set(key, view);
  }
  return latest;
}

/** The stored status as a known one; the column is only written through ReleaseCycleInputSchema. */
function toCycleStatus(value: string): ReleaseCycleStatus {
  return (RELEASE_CYCLE_STATUSES as readonly string[]).includes(value) ? (value as ReleaseCycleStatus) : "end-of-life";
}

/**
 * Rows of the active releases table, newest version first: feature and pre-release versions
 * only once something shipped, and only the most recent end-of-life version (legacy render_active_releases).
 */
export async function activeReleases(ctx: DownloadsContext): Promise<ActiveRelease[]> {
  const cycles = await ctx.db.releaseCycle.findMany({ orderBy: [{ versionMajor: "desc" }, { versionMinor: "desc" }] });
  if (cycles.length === 0) return [];
  const latest = await latestPerMinor(ctx);
  const rows: ActiveRelease[] = [];
  let shownEndOfLife = false;
  for (const cycle of cycles) {
    const version = `${cycle.versionMajor}.${cycle.versionMinor}`;
    const newest = latest.get(version);
    let status = cycle.status;
    let firstRelease = cycle.firstRelease;
    if (status === "feature" || status === "prerelease") {
      if (!newest) continue;
      if (firstRelease) firstRelease = `${firstRelease} (planned)`;
      status = "pre-release";
    }
    if (status === "end-of-life") {
      if (shownEndOfLife) continue;
      shownEndOfLife = true;
    }
    rows.push({
      version,
      status,
      cycleStatus: toCycleStatus(cycle.status),
      lastRelease: status === "end-of-life" && newest ? { name: newest.name, url: newest.url, version: versionNumber(newest.name) } : null,
      firstRelease,
      firstReleaseDate: cycle.firstRelease,
      endOfLife: cycle.endOfLife,
      pep: cycle.pep,
      pepUrl: cycle.pep === null ? null : `https://peps.python.org/pep-${String(cycle.pep).padStart(4, "0")}/`,
      downloadUrl: `/downloads/latest/python${version}/`,
    });
  }
  return rows;
}

/**
 * Whether a release's X.Y series reached end of life (legacy get_eol_info): unknown without
 * cycle data; Python 2 versions missing from the table count as end-of-life.
 */
export async function eolInfo(ctx: DownloadsContext, release: { versionMajor: number | null; versionMinor: number | null; version: number }): Promise<EolInfo> {
  const none = { isEol: false, eolDate: null };
  if (release.versionMajor === null || release.versionMinor === null || release.version > 3) return none;
  const [count, cycle] = await Promise.all([
    ctx.db.releaseCycle.count(),
    ctx.db.releaseCycle.findUnique({
      where: { versionMajor_versionMinor: { versionMajor: release.versionMajor, versionMinor: release.versionMinor } },
      select: { status: true, endOfLife: true },
    }),
  ]);
  if (count === 0) return none;
  if (!cycle) return { isEol: release.versionMajor <= 2, eolDate: null };
  return cycle.status === "end-of-life" ? { isEol: true, eolDate: cycle.endOfLife || null } : none;
}
