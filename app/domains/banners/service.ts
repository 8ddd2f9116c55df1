// Banners: site-wide notices (a fundraiser, a survey) that editors switch on and off.
// Legacy rule (apps/banners/templatetags/banners.py): PSF pages show the first active
// banner; all other pages show the first active banner that is not PSF-only.
import type { Cache } from "../../core/cache/types.ts";
import type { Db } from "../../core/db/client.ts";
import type { WriteHook } from "../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../core/errors.ts";
import { type BannerInput, BannerInputSchema, type BannerSearch } from "./schemas.ts";

export interface BannerView {
  id: number;
  title: string;
  message: string;
  link: string;
  active: boolean;
  psfPagesOnly: boolean;
}

const BANNERS_TAG = "banners";
const bannerSelect = { id: true, title: true, message: true, link: true, active: true, psfPagesOnly: true } as const;

export function createBannersService(deps: { db: Db; cache: Cache }) {
  const { db, cache } = deps;

  /** Returns the banner to show on a page, or null; PSF pages may show PSF-only banners. */
  async function getActiveBanner(options: { psfPage: boolean }): Promise<BannerView | null> {
    return cache.wrap(`active-banner:${options.psfPage ? "psf" : "site"}`, { ttlSeconds: 600, tags: [BANNERS_TAG] }, async () =>
      db.banner.findFirst({
        where: { active: true, ...(options.psfPage ? {} : { psfPagesOnly: false }) },
        orderBy: { id: "asc" },
        select: bannerSelect,
      }),
    );
  }

  /** Lists banners, optionally only active or inactive ones, oldest first. */
  async function listBanners(options: { active?: boolean } = {}): Promise<BannerView[]> {
    return db.banner.findMany({
      where: options.active === undefined ? {} : { active: options.active },
      orderBy: { id: "asc" },
      select: bannerSelect,
    });
  }

  /** Returns one banner or throws NOT_FOUND. */
  async function getBanner(options: { id: number }): Promise<BannerView> {
    const banner = await db.banner.findUnique({ where: { id: options.id }, select: bannerSelect });
    if (!banner) throw new AppError("NOT_FOUND", `There is no banner ${options.id}.`);
    return banner;
  }

  /** One page of banners matching the search and flags, with the total count. */
  async function searchBanners(options: BannerSearch): Promise<{ items: BannerView[]; total: number }> {
    const q = options.q?.trim();
    const where = {
      ...(options.active === undefined ? {} : { active: options.active }),
      ...(options.psfPagesOnly === undefined ? {} : { psfPagesOnly: options.psfPagesOnly }),
      ...(q ? { OR: (["title", "message", "link"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })) } : {}),
    };
    const [items, total] = await Promise.all([
      db.banner.findMany({
        where,
        orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }],
        skip: options.offset,
        take: options.limit,
        select: bannerSelect,
      }),
      db.banner.count({ where }),
    ]);
    return { items, total };
  }

  /**
   * Creates a banner (id absent) or updates one, and refreshes what pages show.
   * `onWrite` runs inside the transaction with the banner before and after.
   */
  async function saveBanner(options: { id?: number; input: BannerInput; onWrite?: WriteHook<BannerView> }): Promise<BannerView> {
    const data = BannerInputSchema.parse(options.input);
    try {
      const banner = await db.$transaction(async (tx) => {
        const before = options.id === undefined ? null : await tx.banner.findUnique({ where: { id: options.id }, select: bannerSelect });
        if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no banner ${options.id}.`);
        const after = before ? await tx.banner.update({ where: { id: before.id }, data, select: bannerSelect }) : await tx.banner.create({ data, select: bannerSelect });
        await options.onWrite?.(tx, { before, after });
        return after;
      });
      await cache.invalidateTags([BANNERS_TAG]);
      return banner;
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Switches the given banners on or off; `onWrite` runs for each banner that changed. Returns how many changed. */
  async function setBannersActive(options: { ids: number[]; active: boolean; onWrite?: WriteHook<BannerView> }): Promise<number> {
    const changed = await db.$transaction(async (tx) => {
      const before = await tx.banner.findMany({ where: { id: { in: options.ids }, active: !options.active }, orderBy: { id: "asc" }, select: bannerSelect });
      await tx.banner.updateMany({ where: { id: { in: before.map((banner) => banner.id) } }, data: { active: options.active } });
      for (const banner of before) await options.onWrite?.(tx, { before: banner, after: { ...banner, active: options.active } });
      return before.length;
    });
    if (changed > 0) await cache.invalidateTags([BANNERS_TAG]);
    return changed;
  }

  /** Deletes a banner (NOT_FOUND when there is none); `onWrite` runs inside the transaction. */
  async function deleteBanner(options: { id: number; onWrite?: WriteHook<BannerView> }): Promise<void> {
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.banner.findUnique({ where: { id: options.id }, select: bannerSelect });
        if (!before) throw new AppError("NOT_FOUND", `There is no banner ${options.id}.`);
        await tx.banner.delete({ where: { id: options.id } });
        await options.onWrite?.(tx, { before, after: null });
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await cache.invalidateTags([BANNERS_TAG]);
  }

  return { getActiveBanner, listBanners, getBanner, searchBanners, saveBanner, setBannersActive, deleteBanner };
}

export type BannersService = ReturnType<typeof createBannersService>;
