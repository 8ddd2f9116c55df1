// The demo banner for a new machine (inactive). Idempotent: banners are keyed by title.
import type { BannersService } from "./service.ts";

export const DEMO_BANNERS = [
  {
    title: "Read the PSF Annual Impact Report",
    message: "See what the Python community and the PSF achieved together this year.",
    link: "/psf/annual-report/2024/",
    active: false,
    psfPagesOnly: true,
  },
];

/** Adds the demo banners that are missing; returns how many were added. */
export async function seedBannersDemo(banners: Pick<BannersService, "listBanners" | "saveBanner">): Promise<{ banners: number }> {
  const existing = await banners.listBanners();
  let added = 0;
  for (const banner of DEMO_BANNERS) {
    if (existing.some((candidate) => candidate.title === banner.title)) continue;
    await banners.saveBanner({ input: banner });
    added += 1;
  }
  return { banners: added };
}
