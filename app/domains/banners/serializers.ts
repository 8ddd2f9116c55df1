import type { BannerView } from "./service.ts";

/** The public JSON shape of a banner (API v3). */
export function toBannerJson(banner: BannerView, siteUrl: string) {
  return {
    id: banner.id,
    title: banner.title,
    message: banner.message,
    link: banner.link,
    active: banner.active,
    psf_pages_only: banner.psfPagesOnly,
    resource_uri: new URL(`/api/v3/banners/${banner.id}/`, siteUrl).toString(),
  };
}
