// /doc/versions/ as legacy DocsByVersionView built it (python/pythondotorg:pydotorg/views.py):
// every published final release grouped by X.Y, newest X.Y first and newest release first
// inside each, each linking to its archived documentation on docs.python.org. Releases
// older than the downloads database (1.4 to 2.2) come from a fixed list; a few releases
// that never had documentation of their own are left out.

export interface DocRelease {
  /** "3.14.0", or "2.7" and "3.1" for the X.Y.0 releases up to 3.2 (their docs use the short form). */
  stage: string;
  url: string;
  /** "7 October 2025" (legacy strftime "%-d %B %Y"); ISO day for <time>. */
  date: string;
  isoDate: string;
}

export interface DocVersionGroup {
  /** "3.14" */
  version: string;
  releases: DocRelease[];
}

/** Releases without archived documentation (legacy `no_docs`). */
const WITHOUT_DOCS = new Set(["2.3.6", "2.3.7", "2.4.5", "2.4.6", "2.5.5", "2.5.6"]);

/** Documented releases from before the downloads database, by stage and day. */
const EARLY_RELEASES: ReadonlyArray<readonly [stage: string, day: string]> = [
  ["2.2p1", "2002-03-29"],
  ["2.1.2", "2002-01-16"],
  ["2.1.1", "2001-07-20"],
  ["2.1", "2001-04-15"],
  ["2.0", "2000-10-16"],
  ["1.6", "2000-09-05"],
  ["1.5.2p2", "2000-03-22"],
  ["1.5.2p1", "1999-07-06"],
  ["1.5.2", "1999-04-30"],
  ["1.5.1p1", "1998-08-06"],
  ["1.5.1", "1998-04-14"],
  ["1.5", "1998-02-17"],
  ["1.4", "1996-10-25"],
];

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function docRelease(stage: string, date: Date): DocRelease {
  return { stage, url: `https://docs.python.org/release/${stage}/`, date: longDate.format(date), isoDate: date.toISOString().slice(0, 10) };
}

/**
 * The documentation stage of a release name and its X.Y group, or null when the name
 * carries no X.Y version (the install manager, malformed names).
 */
export function docStage(name: string): { stage: string; group: string } | null {
  const version = /^Python ([\d.]+)/.exec(name)?.[1];
  if (!version) return null;
  const parts = version.split(".");
  if (parts.length < 2 || parts.some((part) => part === "")) return null;
  const [major, minor, patch] = parts.map(Number) as [number, number, number | undefined];
  const group = `${major}.${minor}`;
  // Up to 3.2, the docs of X.Y.0 live under X.Y.
  const short = parts.length === 3 && patch === 0 && (major < 3 || (major === 3 && minor <= 2));
  return { stage: short ? group : version, group };
}

const groupKey = (version: string) => version.split(".").map(Number);

/** Groups releases (published finals, any order) with the early ones, sorted as legacy sorts them. */
export function groupDocVersions(releases: ReadonlyArray<{ name: string; releaseDate: Date }>): DocVersionGroup[] {
  const groups = new Map<string, Array<{ time: number; release: DocRelease }>>();
  const add = (group: string, stage: string, date: Date) => {
    const list = groups.get(group) ?? [];
    list.push({ time: date.getTime(), release: docRelease(stage, date) });
    groups.set(group, list);
  };
  for (const release of releases) {
    const parsed = docStage(release.name);
    if (!parsed || WITHOUT_DOCS.has(parsed.stage)) continue;
    add(parsed.group, parsed.stage, release.releaseDate);
  }
  for (const [stage, day] of EARLY_RELEASES) add(/^\d+\.\d+/.exec(stage)![0], stage, new Date(`${day}T00:00:00Z`));
  return [...groups.entries()]
    .map(([version, list]) => ({ version, releases: list.sort((a, b) => b.time - a.time).map((entry) => entry.release) }))
    .sort((a, b) => {
      const [left, right] = [groupKey(a.version), groupKey(b.version)];
      return right[0]! - left[0]! || right[1]! - left[1]!;
    });
}
