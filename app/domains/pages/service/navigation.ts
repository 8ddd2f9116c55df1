// Reading the navigation: menu trees are loaded once, cached under the "nav" tag (every
// edit invalidates it) and resolved per request for the visitor and the path.
import type { Cache } from "../../../core/cache/types.ts";
import type { Db } from "../../../core/db/client.ts";
import type { CurrentUser } from "../../../core/http/env.ts";
import { breadcrumbs, findCurrent, footerMenu, mainMenu, networkLinks, sectionSidebar, sitemapPaths, type Crumb, type MenuEntry, type SidebarSection } from "./navigation-menus.ts";
import { prepareTree, resolveTree, type NavItemRecord, type PreparedTree } from "./navigation-tree.ts";

export const NAV_CACHE_TAG = "nav";
/** The tree legacy templates read every menu from (templates/base.html `sitetree_menu from "main"`). */
export const MAIN_TREE = "main";
const NAV_TTL_SECONDS = 3600;

export interface SiteMenus {
  network: MenuEntry[];
  /** Children of python-meta; null when the database has no such tree (the layout falls back to its constant). */
  main: MenuEntry[] | null;
  /** Children of psf-meta, for PSF pages. */
  psf: MenuEntry[] | null;
  footer: MenuEntry[] | null;
}

export interface PageNavigation {
  crumbs: Crumb[];
  sidebar: SidebarSection | null;
}

async function loadRecords(db: Db, alias: string): Promise<NavItemRecord[] | null> {
  const tree = await db.navTree.findUnique({ where: { alias }, select: { id: true } });
  if (!tree) return null;
  const rows = await db.navItem.findMany({
    where: { treeId: tree.id },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      parentId: true,
      title: true,
      hint: true,
      url: true,
      urlAsPattern: true,
      hidden: true,
      alias: true,
      inMenu: true,
      inBreadcrumbs: true,
      inSitemap: true,
      accessLoggedIn: true,
      accessGuest: true,
      accessRestricted: true,
      accessPermType: true,
      sortOrder: true,
      permissions: { select: { permission: { select: { appLabel: true, codename: true } } } },
    },
  });
  return rows.map(({ permissions, ...row }) => ({ ...row, permissions: permissions.map(({ permission }) => `${permission.appLabel}.${permission.codename}`) }));
}

export function createNavigationReader(deps: { db: Db; cache: Cache; onProblems?: (problems: string[]) => void }) {
  const { db, cache } = deps;

  /** The tree with this alias, checked once per cache fill (dropped items are reported then); null when absent. */
  async function loadTree(options: { alias: string }): Promise<PreparedTree | null> {
    let fresh = false;
    const records = await cache.wrap(`nav:tree:${options.alias}`, { ttlSeconds: NAV_TTL_SECONDS, tags: [NAV_CACHE_TAG] }, async () => {
      fresh = true;
      return loadRecords(db, options.alias);
    });
    if (!records) return null;
    const tree = prepareTree(records);
    if (fresh && tree.problems.length > 0) deps.onProblems?.(tree.problems);
    return tree;
  }

  /** The network bar, main navigation, PSF navigation and footer for this visitor. */
  async function siteMenus(options: { user: CurrentUser | null }): Promise<SiteMenus> {
    const tree = await loadTree({ alias: MAIN_TREE });
    const roots = tree ? resolveTree(tree, options.user) : [];
    return { network: networkLinks(roots), main: mainMenu(roots, "python-meta"), psf: mainMenu(roots, "psf-meta"), footer: footerMenu(roots) };
  }

  /** Breadcrumbs and the section sidebar for `path`; `pageTitle` ends the trail when the path is inside a section. */
  async function pageNavigation(options: { user: CurrentUser | null; path: string; pageTitle?: string }): Promise<PageNavigation> {
    const tree = await loadTree({ alias: MAIN_TREE });
    if (!tree) return { crumbs: [], sidebar: null };
    const roots = resolveTree(tree, options.user);
    const current = findCurrent(roots, options.path);
    return { crumbs: breadcrumbs(current, options.pageTitle), sidebar: sectionSidebar(current) };
  }

  /** Site paths the main tree marks for the site map, as an anonymous visitor sees them. */
  async function sitemapNavPaths(): Promise<string[]> {
    const tree = await loadTree({ alias: MAIN_TREE });
    return tree ? sitemapPaths(resolveTree(tree, null)) : [];
  }

  /** Makes every cached tree stale; called after any navigation edit. */
  async function invalidateNavigation(): Promise<void> {
    await cache.invalidateTags([NAV_CACHE_TAG]);
  }

  return { loadTree, siteMenus, pageNavigation, sitemapNavPaths, invalidateNavigation };
}

export type NavigationReader = ReturnType<typeof createNavigationReader>;
