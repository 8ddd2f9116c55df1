// Release names and version numbers. Release managers name releases "Python X.Y.Z",
// optionally with a PEP 440 pre-release tag ("Python 3.14.0rc1"); the install manager is
// "Python install manager N.N" on version line 100 (legacy apps/downloads/models.py).

/** Version lines of legacy Release.PYTHON_VERSION_CHOICES. */
export const VERSION_LINES = [3, 2, 1, 100] as const;
export type VersionLine = (typeof VERSION_LINES)[number];
export const PYMANAGER_LINE = 100;

export const VERSION_LINE_LABELS: Record<VersionLine, string> = {
  3: "Python 3.x.x",
  2: "Python 2.x.x",
  1: "Python 1.x.x",
  100: "Python install manager",
};

export const PRE_RELEASE_TAGS = ["a", "b", "rc"] as const;
export type PreReleaseTag = (typeof PRE_RELEASE_TAGS)[number];

export interface ParsedReleaseName {
  kind: "python" | "pymanager";
  major: number;
  minor: number;
  patch: number | null;
  preReleaseTag: PreReleaseTag | null;
  preReleaseNumber: number | null;
}

const PYTHON_NAME = /^Python (\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:(a|b|rc)(\d{1,3}))?$/;
const PYMANAGER_NAME = /^Python install manager (\d{1,4})\.(\d{1,4})$/;

/** Parses a release name; null when it follows neither naming rule. */
export function parseReleaseName(name: string): ParsedReleaseName | null {
  const python = PYTHON_NAME.exec(name);
  if (python) {
    const [, major, minor, patch, tag, number] = python;
    return {
      kind: "python",
      major: Number(major),
      minor: Number(minor),
      patch: Number(patch),
      preReleaseTag: (tag as PreReleaseTag | undefined) ?? null,
      preReleaseNumber: number === undefined ? null : Number(number),
    };
  }
  const manager = PYMANAGER_NAME.exec(name);
  if (manager) {
    return { kind: "pymanager", major: Number(manager[1]), minor: Number(manager[2]), patch: null, preReleaseTag: null, preReleaseNumber: null };
  }
  return null;
}

/** The columns stored alongside the name for filtering and ordering (all null for names of other shapes). */
export function derivedVersionFields(name: string) {
  const parsed = parseReleaseName(name);
  return {
    versionMajor: parsed?.major ?? null,
    versionMinor: parsed?.minor ?? null,
    versionPatch: parsed?.patch ?? null,
    preReleaseTag: parsed?.preReleaseTag ?? null,
    preReleaseNumber: parsed?.preReleaseNumber ?? null,
  };
}

/** "3.14.0rc1" from "Python 3.14.0rc1"; the numeric part only, as legacy Release.get_version does ("3.14.0"). */
export function versionNumber(name: string): string {
  return /Python\s([\d.]+)/.exec(name)?.[1]?.replace(/\.$/, "") ?? "";
}

const TAG_RANK: Record<string, number> = { a: 0, b: 1, rc: 2 };

/** Sort key: numeric version, then alpha < beta < candidate < final. */
export function versionSortKey(fields: {
  versionMajor: number | null;
  versionMinor: number | null;
  versionPatch: number | null;
  preReleaseTag: string | null;
  preReleaseNumber: number | null;
}): number[] {
  return [
    fields.versionMajor ?? -1,
    fields.versionMinor ?? -1,
    fields.versionPatch ?? -1,
    fields.preReleaseTag === null ? 3 : (TAG_RANK[fields.preReleaseTag] ?? -1),
    fields.preReleaseNumber ?? 0,
  ];
}

/** Compares two sort keys (ascending). */
export function compareVersionKeys(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Django's slugify: ASCII letters, digits, hyphens and underscores; spaces become hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^\x00-\x7f]/g, "")
    .toLowerCase()
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[-\s]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
}

/**
 * The changelog URL the admin prefills for a new release (legacy static/js/admin/releaseAdmin.js):
 * "What's New" of the minor version for pre-releases, the release's changelog otherwise.
 */
export function defaultReleaseNotesUrl(name: string): string {
  const parsed = parseReleaseName(name);
  if (!parsed || parsed.kind !== "python") return "";
  const minor = `${parsed.major}.${parsed.minor}`;
  if (parsed.preReleaseTag) return `https://docs.python.org/${minor}/whatsnew/${minor}.html`;
  return `https://docs.python.org/release/${minor}.${parsed.patch}/whatsnew/changelog.html`;
}
