// CMS pages: the fall-through lookup (cached per path, invalidated on every page write),
// editing with markup rendering, search indexing and reStructuredText jobs enqueued in the
// same transaction, and the reads the API, sitemaps and downloads need.
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { Cache } from "../../../core/cache/types.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { Tx, WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import type { JobQueue } from "../../../core/jobs/types.ts";
import type { FileStorage } from "../../../core/storage/index.ts";
import { RENDER_RST_TASK, renderJobOptions } from "../../../core/markup/jobs.ts";
import { renderMarkup } from "../../../core/markup/render.ts";
import { enqueueIndexing } from "../../../core/search/jobs.ts";
import { candidatePaths, isValidNewPagePath, pageUrl } from "../schemas/paths.ts";
import { type PageInput, PageInputSchema, type PageSearch } from "../schemas.ts";
import { deleteUnreferencedFiles } from "./media.ts";
import { parseInput } from "./validation.ts";
import { type CachedPageRow, fromCache, pageSelect, type PageRow, type PageView, toCache, toPageView } from "./views.ts";

export const PAGES_CACHE_TAG = "pages";
export const PAGE_SEARCH_TYPE = "page";
export const PAGE_RST_TARGET = "pages.page.content";
const PAGE_TTL_SECONDS = 3600;

export interface PagesDeps {
  db: Db;
  cache: Cache;
  jobs: JobQueue;
  /** Where the pages' images and documents are stored; a deleted page's files leave it. */
  storage: FileStorage;
}

/** The filters legacy PageResource / PageFilterSet allow (apps/pages/api.py). */
export interface PageApiFilters {
  title?: string;
  path?: string;
  keywords?: string;
  keywordsContains?: string;
  isPublished?: boolean;
}

const PATH_TAKEN = "A page with this path already exists.";

async function checkPath(tx: Tx, id: number | null, path: string, before: PageRow | null): Promise<void> {
  const invalid = "Use lowercase letters, digits, hyphens and periods, with / between segments, e.g. about/help.";
  if (before?.path !== path && !isValidNewPagePath(path)) throw new AppError("VALIDATION", invalid, { fields: { path: [invalid] } });
  const taken = await tx.page.findFirst({ where: { path, ...(id === null ? {} : { id: { not: id } }) }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", PATH_TAKEN, { fields: { path: [PATH_TAKEN] } });
}

export function createPageStore(deps: PagesDeps) {
  const { db, cache, jobs } = deps;

  async function cachedRow(path: string): Promise<PageRow | null> {
    const row = await cache.wrap<CachedPageRow | null>(`page:path:${path}`, { ttlSeconds: PAGE_TTL_SECONDS, tags: [PAGES_CACHE_TAG] }, async () => {
      const found = await db.page.findUnique({ where: { path }, select: pageSelect });
      return found ? toCache(found) : null;
    });
    return row ? fromCache(row) : null;
  }

  /**
   * The page a request path falls through to, tried as legacy PageFallbackMiddleware does
   * (as is, then with the trailing slash toggled); drafts only when `includeDrafts`.
   */
  async function findPageForPath(options: { path: string; includeDrafts: boolean }): Promise<PageView | null> {
    for (const candidate of candidatePaths(options.path)) {
      const row = await cachedRow(candidate);
      if (row && (row.isPublished || options.includeDrafts)) return toPageView(row);
    }
    return null;
  }

  /** The page with this id, or throws NOT_FOUND (drafts included only when asked). */
  async function getPageById(options: { id: number; includeDrafts?: boolean }): Promise<PageView> {
    const row = await db.page.findUnique({ where: { id: options.id }, select: pageSelect });
    if (!row || (!row.isPublished && !options.includeDrafts)) throw new AppError("NOT_FOUND", `There is no page ${options.id}.`);
    return toPageView(row);
  }

  /** One page of pages for the admin, searched by title or path, with the total count. */
  async function searchPages(options: PageSearch): Promise<{ items: PageView[]; total: number }> {
    const q = options.q?.trim();
    const where: Prisma.PageWhereInput = {
      AND: [
        q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { path: { contains: q, mode: "insensitive" } }] } : {},
        options.isPublished === undefined ? {} : { isPublished: options.isPublished },
        options.section ? { OR: [{ path: options.section }, { path: { startsWith: `${options.section}/` } }] } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      db.page.findMany({ where, orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }], skip: options.offset, take: options.limit, select: pageSelect }),
      db.page.count({ where }),
    ]);
    return { items: rows.map(toPageView), total };
  }

  async function writePage(tx: Tx, id: number | null, input: PageInput, actorId: number | null): Promise<{ before: PageRow | null; after: PageRow }> {
    const before = id === null ? null : await tx.page.findUnique({ where: { id }, select: pageSelect });
    if (id !== null && !before) throw new AppError("NOT_FOUND", `There is no page ${id}.`);
    // Legacy PAGE_PATH_RE allows lower case only, so a new or changed path is lower-cased rather
    // than refused; a stored legacy path saved unchanged keeps its case.
    const path = before?.path === input.path ? input.path : input.path.toLowerCase();
    await checkPath(tx, id, path, before);
    const { html: contentRendered, rendered } = renderMarkup(input.content, input.contentMarkupType);
    const data = { ...input, path, contentRendered, ...modifiedBy(actorId) };
    const after =
      id === null ? await tx.page.create({ data: { ...data, ...createdBy(actorId) }, select: pageSelect }) : await tx.page.update({ where: { id }, data, select: pageSelect });
    if (!rendered) await jobs.addWith(tx, RENDER_RST_TASK, { target: PAGE_RST_TARGET, id: String(after.id) }, renderJobOptions(PAGE_RST_TARGET, after.id));
    await enqueueIndexing(jobs, { type: PAGE_SEARCH_TYPE, id: after.id }, tx);
    return { before, after };
  }

  /**
   * Creates a page (no `id`) or updates one: renders its markup, checks the path (new paths
   * follow the legacy validator; CONFLICT when taken), reindexes it for search and makes
   * the cached lookups stale. `onWrite` runs inside the transaction.
   */
  async function savePage(options: { id?: number; input: PageInput | Record<string, unknown>; actorId?: number | null; onWrite?: WriteHook<PageView> }): Promise<PageView> {
    const input = parseInput(PageInputSchema, options.input);
    try {
      const { after } = await db.$transaction(async (tx) => {
        const change = await writePage(tx, options.id ?? null, input, options.actorId ?? null);
        await options.onWrite?.(tx, { before: change.before && toPageView(change.before), after: toPageView(change.after) });
        return change;
      });
      await cache.invalidateTags([PAGES_CACHE_TAG]);
      return toPageView(after);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /**
   * Deletes the page with its images and documents, and drops it from search. The stored
   * files go after the transaction commits (a rolled-back delete keeps them), so nothing
   * stays public under /media/.
   */
  async function deletePage(options: { id: number; onWrite?: WriteHook<PageView> }): Promise<void> {
    const keys = await db.$transaction(async (tx) => {
      const before = await tx.page.findUnique({ where: { id: options.id }, select: pageSelect });
      if (!before) throw new AppError("NOT_FOUND", `There is no page ${options.id}.`);
      const where = { pageId: options.id };
      const files = [...(await tx.pageImage.findMany({ where, select: { file: true } })), ...(await tx.pageDocument.findMany({ where, select: { file: true } }))];
      await tx.page.delete({ where: { id: options.id } });
      await enqueueIndexing(jobs, { type: PAGE_SEARCH_TYPE, id: options.id }, tx);
      await options.onWrite?.(tx, { before: toPageView(before), after: null });
      return files.map((row) => row.file);
    });
    await cache.invalidateTags([PAGES_CACHE_TAG]);
    await deleteUnreferencedFiles({ db, storage: deps.storage }, keys);
  }

  /** Publishes or unpublishes these pages; returns how many changed. */
  async function setPublished(options: { ids: number[]; isPublished: boolean; onWrite?: WriteHook<PageView> }): Promise<number> {
    const changed = await db.$transaction(async (tx) => {
      const rows = await tx.page.findMany({ where: { id: { in: options.ids }, isPublished: !options.isPublished }, select: pageSelect });
      for (const before of rows) {
        const after = await tx.page.update({ where: { id: before.id }, data: { isPublished: options.isPublished }, select: pageSelect });
        await enqueueIndexing(jobs, { type: PAGE_SEARCH_TYPE, id: before.id }, tx);
        await options.onWrite?.(tx, { before: toPageView(before), after: toPageView(after) });
      }
      return rows.length;
    });
    if (changed > 0) await cache.invalidateTags([PAGES_CACHE_TAG]);
    return changed;
  }

  /** Pages matching the legacy API filters, ordered by title then path (legacy Page.Meta.ordering), with the total. */
  async function listPagesForApi(options: { filters: PageApiFilters; includeDrafts: boolean; offset?: number; limit?: number }): Promise<{ items: PageView[]; total: number }> {
    const f = options.filters;
    const where: Prisma.PageWhereInput = {
      AND: [
        options.includeDrafts ? {} : { isPublished: true },
        f.title === undefined ? {} : { title: f.title },
        f.path === undefined ? {} : { path: f.path },
        f.keywords === undefined ? {} : { keywords: f.keywords },
        f.keywordsContains === undefined ? {} : { keywords: { contains: f.keywordsContains, mode: "insensitive" } },
        f.isPublished === undefined ? {} : { isPublished: f.isPublished },
      ],
    };
    const [rows, total] = await Promise.all([
      db.page.findMany({ where, orderBy: [{ title: "asc" }, { path: "asc" }, { id: "asc" }], skip: options.offset, take: options.limit, select: pageSelect }),
      db.page.count({ where }),
    ]);
    return { items: rows.map(toPageView), total };
  }

  /** The published page with this id, or null (drafts and missing pages alike). */
  async function findPublishedPage(options: { id: number }): Promise<PageView | null> {
    const row = await db.page.findFirst({ where: { id: options.id, isPublished: true }, select: pageSelect });
    return row ? toPageView(row) : null;
  }

  /** Every published page in batches ordered by id (search rebuilds, sitemaps, the link checker). */
  async function* publishedPages(batchSize = 200): AsyncIterable<PageView[]> {
    for (let afterId = 0; ;) {
      const rows = await db.page.findMany({ where: { isPublished: true, id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, select: pageSelect });
      if (rows.length === 0) return;
      yield rows.map(toPageView);
      afterId = rows.at(-1)!.id;
    }
  }

  /** Paths of these pages by id (the downloads domain links old release notes to pages). */
  async function pagePaths(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.page.findMany({ where: { id: { in: ids } }, select: { id: true, path: true } });
    return new Map(rows.map((row) => [row.id, `/${row.path.replace(/^\/+|\/+$/g, "")}/`]));
  }

  /** Every page as a choice for the release form's page select, ordered by path. */
  async function releasePageChoices(options: { includeDrafts: boolean }): Promise<Array<{ id: number; title: string; url: string }>> {
    const rows = await db.page.findMany({
      where: options.includeDrafts ? {} : { isPublished: true },
      orderBy: [{ path: "asc" }, { id: "asc" }],
      select: { id: true, title: true, path: true },
    });
    return rows.map((row) => ({ id: row.id, title: row.title, url: pageUrl(row.path) }));
  }

  return {
    findPageForPath,
    getPageById,
    searchPages,
    listPagesForApi,
    savePage,
    deletePage,
    setPublished,
    pagePaths,
    releasePageChoices,
    findPublishedPage,
    publishedPages,
  };
}

export type PageStore = ReturnType<typeof createPageStore>;
