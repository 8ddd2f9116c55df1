// What the downloads service parts share: dependencies, input parsing into coded errors,
// release views with their URLs, the read cache and its invalidation.
import type { z } from "zod";
import type { Cache } from "../../../core/cache/types.ts";
import type { Clock } from "../../../core/clock/clock.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import { AppError, toAppError, type FieldErrors } from "../../../core/errors.ts";
import { fieldErrors } from "../../../core/http/validate.ts";
import type { JobQueue } from "../../../core/jobs/types.ts";
import { releaseWhere, toReleaseView, usesDateParts, type ReleaseQuery, type ReleaseRow, type ReleaseView } from "../queries.ts";

/** A CMS page an editor can link as a release page. */
export interface ReleasePageChoice {
  id: number;
  title: string;
  /** The site path, e.g. `/download/releases/2.7/`. */
  url: string;
}

/** Finds the paths of CMS pages linked as release pages, and lists them for the admin (the pages domain provides it). */
export interface ReleasePageResolver {
  pagePaths(ids: number[]): Promise<Map<number, string>>;
  /** Pages to choose from, by path; drafts only when `includeDrafts` (editors who may view pages). */
  releasePageChoices(options: { includeDrafts: boolean }): Promise<ReleasePageChoice[]>;
}

export interface DownloadsDeps {
  db: Db;
  cache: Cache;
  jobs: JobQueue;
  releasePages?: ReleasePageResolver;
  /** The clock (the release chart's "today"); tests fix it. */
  clock: Clock;
}

/** Cache tag of every cached downloads read; any downloads write invalidates it. */
export const DOWNLOADS_CACHE_TAG = "downloads";
const CACHE_TTL_SECONDS = 3600;

/** Parses `input` or throws VALIDATION with messages per field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "Some fields are not valid.", { fields: fieldErrors(result.error) });
  return result.data;
}

export function throwIfErrors(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Some fields are not valid.", { fields });
}

export function createContext(deps: DownloadsDeps) {
  const { db, cache } = deps;

  async function pagePaths(rows: Array<{ content: string; releasePageId: number | null }>): Promise<Map<number, string>> {
    const ids = rows.filter((row) => !row.content && row.releasePageId !== null).map((row) => row.releasePageId as number);
    if (ids.length === 0 || !deps.releasePages) return new Map();
    return deps.releasePages.pagePaths([...new Set(ids)]);
  }

  /** Release rows as views, resolving linked page URLs in one call. */
  async function toViews(rows: ReleaseRow[]): Promise<ReleaseView[]> {
    const paths = await pagePaths(rows);
    return rows.map((row) => toReleaseView(row, paths));
  }

  /** The where clause of a release query, resolving `version.startsWith` and UTC month/day parts. */
  async function releaseFilter(query: ReleaseQuery = {}): Promise<Prisma.ReleaseWhereInput> {
    const versions = query.version?.startsWith === undefined ? [] : await knownVersions();
    const where = releaseWhere(query, versions);
    if (!usesDateParts(query)) return where;
    const { month = null, day = null } = query.releaseDate ?? {};
    const rows = await db.$queryRaw<Array<{ id: number }>>`
      SELECT id FROM releases
      WHERE (${month}::int IS NULL OR extract(month FROM release_date AT TIME ZONE 'UTC') = ${month}::int)
        AND (${day}::int IS NULL OR extract(day FROM release_date AT TIME ZONE 'UTC') = ${day}::int)`;
    return { AND: [where, { id: { in: rows.map((row) => row.id) } }] };
  }

  async function knownVersions(): Promise<number[]> {
    const rows = await db.release.findMany({ distinct: ["version"], select: { version: true } });
    return rows.map((row) => row.version);
  }

  /** A read cached until the next downloads write. */
  function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return cache.wrap(`downloads:${key}`, { ttlSeconds: CACHE_TTL_SECONDS, tags: [DOWNLOADS_CACHE_TAG] }, compute);
  }

  async function invalidate(): Promise<void> {
    await cache.invalidateTags([DOWNLOADS_CACHE_TAG]);
  }

  /** Runs a write (and the jobs it enqueues) in one transaction, as coded errors; then drops cached reads. */
  async function write<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await db.$transaction(work);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await invalidate();
    return result;
  }

  const now = () => deps.clock.now();

  return { deps, db, jobs: deps.jobs, now, toViews, releaseFilter, knownVersions, cached, invalidate, write };
}

export type DownloadsContext = ReturnType<typeof createContext>;
