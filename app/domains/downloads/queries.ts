// Prisma selects, the plain views the service returns, and the filters every transport
// translates its query string into (v1 tastypie lookups, v2 django-filter, v3).
import type { IntFilter } from "../../core/http/ids.ts";
import type { Prisma } from "../../core/db/client.ts";
import { sanitizeMarkupHtml } from "../../core/markup/sanitize.ts";

export const osSelect = { id: true, name: true, slug: true, created: true, updated: true } as const;
export type OsView = Prisma.OperatingSystemGetPayload<{ select: typeof osSelect }>;

export const releaseSelect = {
  id: true,
  name: true,
  slug: true,
  version: true,
  isLatest: true,
  isPublished: true,
  preRelease: true,
  showOnDownloadPage: true,
  releaseDate: true,
  releasePageId: true,
  releaseNotesUrl: true,
  content: true,
  contentMarkupType: true,
  contentRendered: true,
  versionMajor: true,
  versionMinor: true,
  versionPatch: true,
  preReleaseTag: true,
  preReleaseNumber: true,
  created: true,
  updated: true,
} as const;
export type ReleaseRow = Prisma.ReleaseGetPayload<{ select: typeof releaseSelect }>;

export interface ReleaseView extends Omit<ReleaseRow, "contentRendered"> {
  /** Sanitised notes HTML, safe to embed. */
  contentHtml: string;
  /** Site-relative URL: the release page, or the linked CMS page for old releases without notes. */
  url: string;
}

/** What a visitor sees of a file in a release's files table: the artifact, its checksums and signatures. */
export const fileArtifactSelect = {
  name: true,
  url: true,
  description: true,
  filesize: true,
  gpgSignatureFile: true,
  sigstoreSignatureFile: true,
  sigstoreCertFile: true,
  sigstoreBundleFile: true,
  sbomSpdx2File: true,
  md5Sum: true,
  sha256Sum: true,
  os: { select: { name: true, slug: true } },
} as const;

export const fileSelect = {
  ...fileArtifactSelect,
  id: true,
  slug: true,
  osId: true,
  releaseId: true,
  isSource: true,
  downloadButton: true,
  created: true,
  updated: true,
} as const;
export type ReleaseFileView = Prisma.ReleaseFileGetPayload<{ select: typeof fileSelect }>;

export const cycleSelect = {
  id: true,
  versionMajor: true,
  versionMinor: true,
  status: true,
  firstRelease: true,
  endOfLife: true,
  pep: true,
  releaseManager: true,
  created: true,
  updated: true,
} as const;
export type ReleaseCycleView = Prisma.ReleaseCycleGetPayload<{ select: typeof cycleSelect }>;

/** The release page URL of a release with notes of its own. */
export function releaseDetailPath(slug: string): string {
  return `/downloads/release/${encodeURIComponent(slug)}/`;
}

/** Legacy Release.get_absolute_url: the CMS page when the release has no notes but has one. */
export function toReleaseView(row: ReleaseRow, pagePaths: ReadonlyMap<number, string>): ReleaseView {
  const { contentRendered, ...rest } = row;
  const pagePath = row.releasePageId === null ? undefined : pagePaths.get(row.releasePageId);
  return {
    ...rest,
    contentHtml: sanitizeMarkupHtml(contentRendered),
    url: !row.content && pagePath ? pagePath : releaseDetailPath(row.slug),
  };
}

/** A subset of Prisma's string filter, written by the API query parsers. */
export interface TextFilter {
  equals?: string;
  in?: string[];
  contains?: string;
  startsWith?: string;
  endsWith?: string;
  insensitive?: boolean;
}

export type NumberFilter = IntFilter;

export interface DateFilter {
  equals?: Date;
  in?: Date[];
  gt?: Date;
  gte?: Date;
  lt?: Date;
  lte?: Date;
  /** Parts of the UTC date (tastypie `__year`, `__month`, `__day`). */
  year?: number;
  month?: number;
  day?: number;
}

export interface OsQuery {
  id?: NumberFilter;
  name?: TextFilter;
  slug?: TextFilter;
}

export interface ReleaseQuery {
  id?: NumberFilter;
  name?: TextFilter;
  slug?: TextFilter;
  /** Legacy version line (3, 2, 1, 100); `startsWith` compares its decimal text as Django does. */
  version?: NumberFilter & { startsWith?: string };
  isPublished?: boolean;
  isLatest?: boolean;
  preRelease?: boolean;
  showOnDownloadPage?: boolean;
  releaseDate?: DateFilter;
  major?: number;
  minor?: number;
  patch?: number;
  /** "final" selects releases without a tag. */
  preReleaseTag?: "a" | "b" | "rc" | "final";
}

export interface FileQuery {
  id?: NumberFilter;
  name?: TextFilter;
  slug?: TextFilter;
  description?: TextFilter;
  os?: OsQuery;
  release?: ReleaseQuery;
}

function text(filter: TextFilter | undefined): Prisma.StringFilter | undefined {
  if (!filter) return undefined;
  const { insensitive, ...rest } = filter;
  return { ...rest, ...(insensitive ? { mode: "insensitive" as const } : {}) };
}

/** Django casts the integer to text for `__startswith`; the known lines are few, so match them here. */
function versionWhere(filter: ReleaseQuery["version"], knownVersions: readonly number[]): Prisma.IntFilter | undefined {
  if (!filter) return undefined;
  const { startsWith, ...numeric } = filter;
  if (startsWith === undefined) return numeric;
  return { ...numeric, in: knownVersions.filter((version) => String(version).startsWith(startsWith)) };
}

function dateWhere(filter: DateFilter | undefined): Prisma.DateTimeFilter | undefined {
  if (!filter) return undefined;
  const { year, month: _month, day: _day, ...rest } = filter;
  if (year === undefined) return rest;
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  return { ...rest, gte: maxDate(rest.gte, start), lt: minDate(rest.lt, end) };
}

const maxDate = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
const minDate = (a: Date | undefined, b: Date) => (a && a < b ? a : b);

export function osWhere(query: OsQuery = {}): Prisma.OperatingSystemWhereInput {
  return { id: query.id, name: text(query.name), slug: text(query.slug) };
}

/** Where clause for a release query; `knownVersions` resolves `version.startsWith`. */
export function releaseWhere(query: ReleaseQuery = {}, knownVersions: readonly number[] = []): Prisma.ReleaseWhereInput {
  return {
    id: query.id,
    name: text(query.name),
    slug: text(query.slug),
    version: versionWhere(query.version, knownVersions),
    isPublished: query.isPublished,
    isLatest: query.isLatest,
    preRelease: query.preRelease,
    showOnDownloadPage: query.showOnDownloadPage,
    releaseDate: dateWhere(query.releaseDate),
    versionMajor: query.major,
    versionMinor: query.minor,
    versionPatch: query.patch,
    ...(query.preReleaseTag === undefined ? {} : { preReleaseTag: query.preReleaseTag === "final" ? null : query.preReleaseTag }),
  };
}

/** Where clause for a file query's own fields and its OS (the service adds the release part). */
export function fileWhere(query: Omit<FileQuery, "release"> = {}): Prisma.ReleaseFileWhereInput {
  return {
    id: query.id,
    name: text(query.name),
    slug: text(query.slug),
    description: text(query.description),
    ...(query.os ? { os: osWhere(query.os) } : {}),
  };
}

/** Month and day filters need SQL date parts; true when the query uses them. */
export function usesDateParts(query: ReleaseQuery | undefined): boolean {
  return query?.releaseDate?.month !== undefined || query?.releaseDate?.day !== undefined;
}

/** Legacy model orderings: OS and releases by name; files by published release, release name, OS name, name. */
export const osOrder: Prisma.OperatingSystemOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];
export const releaseOrder: Prisma.ReleaseOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];
export const fileOrder: Prisma.ReleaseFileOrderByWithRelationInput[] = [
  { release: { isPublished: "desc" } },
  { release: { name: "asc" } },
  { os: { name: "asc" } },
  { name: "asc" },
  { id: "asc" },
];
