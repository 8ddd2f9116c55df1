// Resolves what every page's layout shows: the network bar, the main navigation with
// its supernav panels (boxes), the footer site map and the active banner. Menus come from
// the editors' "main" tree (legacy django-sitetree); the constants in core/nav stand in
// while the database has no such tree.
import type { Context } from "hono";
import type { BannersService } from "../domains/banners/index.ts";
import type { BoxesService } from "../domains/boxes/index.ts";
import type { PagesService } from "../domains/pages/index.ts";
import type { AppEnv } from "../core/http/env.ts";
import { FOOTER_EXTRA, MAIN_NAV, NETWORK_LINKS, SUPERNAV_BOX_LABELS } from "../core/nav/main-nav.ts";
import type { LayoutData, NavItem } from "../core/render/renderer.ts";

export function isPsfPath(path: string): boolean {
  return path === "/psf-landing/" || path.startsWith("/psf/");
}

/** Supernav box of a main-nav item, by its slugified title (legacy submenu.html ids: about, downloads, …, news). */
const SUPERNAV_BY_ID = new Map(MAIN_NAV.flatMap((item) => (item.supernavBox ? [[item.id, item.supernavBox] as const] : [])));

type Menus = Awaited<ReturnType<PagesService["siteMenus"]>>;

function staticMenus(): Menus {
  return {
    network: NETWORK_LINKS.map((link) => ({ ...link, hint: "", children: [] })),
    main: MAIN_NAV.map(({ id, title, url, children }) => ({ id, title, url, hint: "", children: children.map((child) => ({ ...child, hint: "" })) })),
    psf: null,
    footer: [...MAIN_NAV, ...FOOTER_EXTRA].map(({ title, url, children }) => ({ id: title, title, url, hint: "", children: children.map((child) => ({ ...child, hint: "" })) })),
  };
}

async function loadMenus(pages: Pick<PagesService, "siteMenus"> | undefined, c: Context<AppEnv>): Promise<Menus> {
  const fallback = staticMenus();
  if (!pages) return fallback;
  const fromDb = await pages.siteMenus({ user: c.get("user") ?? null });
  return {
    network: fromDb.network.length > 0 ? fromDb.network : fallback.network,
    main: fromDb.main ?? fallback.main,
    psf: fromDb.psf,
    footer: fromDb.footer ?? fallback.footer,
  };
}

export function createLayoutLoader(deps: { boxes: Pick<BoxesService, "getBoxesHtml">; banners: Pick<BannersService, "getActiveBanner">; pages?: Pick<PagesService, "siteMenus"> }) {
  return async (c: Context<AppEnv>): Promise<LayoutData> => {
    const [supernav, banner, menus] = await Promise.all([
      deps.boxes.getBoxesHtml({ labels: SUPERNAV_BOX_LABELS }),
      deps.banners.getActiveBanner({ psfPage: isPsfPath(c.req.path) }),
      loadMenus(deps.pages, c),
    ]);
    const nav: NavItem[] = (menus.main ?? []).map((item) => {
      const box = SUPERNAV_BY_ID.get(item.id);
      return {
        id: item.id,
        title: item.title,
        url: item.url,
        children: item.children.map(({ title, url }) => ({ title, url })),
        supernavHtml: box ? (supernav[box] ?? null) : null,
      };
    });
    return {
      network: menus.network.map(({ id, title, url }) => ({ id, title, url })),
      nav,
      footer: (menus.footer ?? []).map(({ title, url, children }) => ({ title, url, children: children.map((child) => ({ title: child.title, url: child.url })) })),
      banner: banner ? { title: banner.title, message: banner.message, link: banner.link } : null,
    };
  };
}
