// Banners: site-wide notices (a fundraiser, a survey) that editors switch on and off.
// Legacy rule (apps/banners/templatetags/banners.py): PSF pages show the first active
// banner; all other pages show the first active banner that is not PSF-only.
import type { Cache } from "../../core/cache/types.ts";
import type { Db } from "../../core/db/client.ts";
import { AppError, toAppError } from "../../core/errors.ts";
import { type BannerInput, BannerInputSchema } from "./schemas.ts";

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

  /** Creates a banner (id absent) or updates one, and refreshes what pages show. */
  async function saveBanner(options: { id?: number; input: BannerInput }): Promise<BannerView> {
    const data = BannerInputSchema.parse(options.input);
    try {
      const banner =
        options.id === undefined
          ? await db.banner.create({ data, select: bannerSelect })
          : await db.banner.update({ where: { id: options.id }, data, select: bannerSelect });
      await cache.invalidateTags([BANNERS_TAG]);
      return banner;
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** Deletes a banner; throws NOT_FOUND when there is none. */
  async function deleteBanner(options: { id: number }): Promise<void> {
    try {
      await db.banner.delete({ where: { id: options.id } });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await cache.invalidateTags([BANNERS_TAG]);
  }

  return { getActiveBanner, listBanners, getBanner, saveBanner, deleteBanner };
}

export type BannersService = ReturnType<typeof createBannersService>;
