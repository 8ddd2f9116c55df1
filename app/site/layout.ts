// Resolves what every page's layout shows: the network bar, the main navigation with
// its supernav panels (boxes), the footer site map and the active banner.
import type { Context } from "hono";
import type { BannersService } from "../domains/banners/index.ts";
import type { BoxesService } from "../domains/boxes/index.ts";
import type { AppEnv } from "../core/http/env.ts";
import { FOOTER_EXTRA, MAIN_NAV, NETWORK_LINKS, SUPERNAV_BOX_LABELS } from "../core/nav/main-nav.ts";
import type { LayoutData, LayoutLoader } from "../core/render/renderer.ts";

export function isPsfPath(path: string): boolean {
  return path === "/psf-landing/" || path.startsWith("/psf/");
}

export function createLayoutLoader(deps: { boxes: BoxesService; banners: BannersService }): LayoutLoader {
  return async (c: Context<AppEnv>): Promise<LayoutData> => {
    const [supernav, banner] = await Promise.all([
      deps.boxes.getBoxesHtml({ labels: SUPERNAV_BOX_LABELS }),
      deps.banners.getActiveBanner({ psfPage: isPsfPath(c.req.path) }),
    ]);
    return {
      network: NETWORK_LINKS.map((link) => ({ ...link })),
      nav: MAIN_NAV.map((item) => ({
        id: item.id,
        title: item.title,
        url: item.url,
        children: item.children,
        supernavHtml: item.supernavBox ? (supernav[item.supernavBox] ?? null) : null,
      })),
      footer: [...MAIN_NAV.map(({ title, url, children }) => ({ title, url, children })), ...FOOTER_EXTRA],
      banner: banner ? { title: banner.title, message: banner.message, link: banner.link } : null,
    };
  };
}
