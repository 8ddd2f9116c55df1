// Editor-managed redirects (legacy django.contrib.redirects): looked up before the 404,
// cached per requested path (misses too, since bots probe many dead URLs), and edited in
// the admin.
import type { Cache } from "../../../core/cache/types.ts";
import type { Db } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import { type RedirectInput, RedirectInputSchema } from "../schemas.ts";
import { parseInput } from "./validation.ts";

export const REDIRECTS_CACHE_TAG = "redirects";
const REDIRECT_TTL_SECONDS = 3600;

export interface RedirectView {
  id: number;
  oldPath: string;
  /** Empty means 410 Gone. */
  newPath: string;
  updated: Date;
}

const redirectSelect = { id: true, oldPath: true, newPath: true, updated: true } as const;

/**
 * The old paths a request can match, best first, as Django's RedirectFallbackMiddleware
 * looks them up: the full path (`get_full_path()`: the path, plus `?` and the query string
 * when there is one), then, for a slash-less path, the same with the slash appended before
 * the query. A request with a query string never matches a row stored without one, and a
 * row stored with a query matches only that exact query. Legacy compared the
 * percent-encoded path with rows stored decoded, so a unicode old path never matched
 * there; both spellings are tried here.
 */
export function redirectCandidates(options: { path: string; rawPath: string; search: string }): string[] {
  const spellings = [...new Set([options.path, options.rawPath])];
  // URL.search is "" for a bare `?`, as Django's empty QUERY_STRING adds nothing.
  const query = options.search;
  const candidates = spellings.map((path) => path + query);
  for (const path of spellings) if (!path.endsWith("/")) candidates.push(`${path}/${query}`);
  return [...new Set(candidates)].filter((candidate) => candidate.length <= 200);
}

/** Only site paths and http(s) URLs are followed; anything else (javascript:, //host) is ignored, as Django refuses unsafe schemes. */
export function isSafeRedirectTarget(target: string): boolean {
  return target === "" || (target.startsWith("/") && !target.startsWith("//")) || /^https?:\/\/[^\s/]+/i.test(target);
}

export function createRedirectStore(deps: { db: Db; cache: Cache }) {
  const { db, cache } = deps;

  /** The redirect for this request, or null: `newPath` empty means 410 Gone. */
  async function findRedirect(options: { path: string; rawPath: string; search: string }): Promise<{ newPath: string } | null> {
    const candidates = redirectCandidates(options);
    if (candidates.length === 0) return null;
    return cache.wrap(`redirect:${candidates[0]}`, { ttlSeconds: REDIRECT_TTL_SECONDS, tags: [REDIRECTS_CACHE_TAG] }, async () => {
      const rows = await db.redirect.findMany({ where: { oldPath: { in: candidates } }, select: { oldPath: true, newPath: true } });
      const best = candidates.map((candidate) => rows.find((row) => row.oldPath === candidate)).find((row) => row && isSafeRedirectTarget(row.newPath));
      return best ? { newPath: best.newPath } : null;
    });
  }

  /** One page of redirects for the admin, searched in both paths. */
  async function searchRedirects(options: { q?: string; offset: number; limit: number; orderBy: { field: "oldPath" | "newPath" | "updated"; direction: "asc" | "desc" } }) {
    const q = options.q?.trim();
    const where = q ? { OR: [{ oldPath: { contains: q, mode: "insensitive" as const } }, { newPath: { contains: q, mode: "insensitive" as const } }] } : {};
    const [items, total] = await Promise.all([
      db.redirect.findMany({
        where,
        orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }],
        skip: options.offset,
        take: options.limit,
        select: redirectSelect,
      }),
      db.redirect.count({ where }),
    ]);
    return { items, total };
  }

  /** The redirect with this id, or null. */
  async function getRedirect(options: { id: number }): Promise<RedirectView | null> {
    return db.redirect.findUnique({ where: { id: options.id }, select: redirectSelect });
  }

  /** Creates (no `id`) or updates a redirect; CONFLICT when the old path is already redirected. */
  async function saveRedirect(options: { id?: number; input: RedirectInput; onWrite?: WriteHook<RedirectView> }): Promise<RedirectView> {
    const input = parseInput(RedirectInputSchema, options.input);
    try {
      const saved = await db.$transaction(async (tx) => {
        const before = options.id === undefined ? null : await tx.redirect.findUnique({ where: { id: options.id }, select: redirectSelect });
        if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no redirect ${options.id}.`);
        const after = before
          ? await tx.redirect.update({ where: { id: before.id }, data: input, select: redirectSelect })
          : await tx.redirect.create({ data: input, select: redirectSelect });
        await options.onWrite?.(tx, { before, after });
        return after;
      });
      await cache.invalidateTags([REDIRECTS_CACHE_TAG]);
      return saved;
    } catch (error) {
      const appError = toAppError(error);
      if (appError?.code === "CONFLICT" && !appError.fields)
        throw new AppError("CONFLICT", "This old path is already redirected.", { fields: { oldPath: ["This old path is already redirected."] } });
      throw appError ?? error;
    }
  }

  /** Deletes the redirect with this id. */
  async function deleteRedirect(options: { id: number; onWrite?: WriteHook<RedirectView> }): Promise<void> {
    await db.$transaction(async (tx) => {
      const before = await tx.redirect.findUnique({ where: { id: options.id }, select: redirectSelect });
      if (!before) throw new AppError("NOT_FOUND", `There is no redirect ${options.id}.`);
      await tx.redirect.delete({ where: { id: options.id } });
      await options.onWrite?.(tx, { before, after: null });
    });
    await cache.invalidateTags([REDIRECTS_CACHE_TAG]);
  }

  return { findRedirect, searchRedirects, getRedirect, saveRedirect, deleteRedirect };
}

export type RedirectStore = ReturnType<typeof createRedirectStore>;
