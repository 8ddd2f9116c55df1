// What the layout draws from a resolved tree (legacy templates/base.html and
// templates/sitetree/*.html): the network bar (top level), the main navigation (children of
// `python-meta`, or `psf-meta` on PSF pages), the footer site map, breadcrumbs to the
// current item and the current section's sidebar.
import { flatten, type ResolvedItem } from "./navigation-tree.ts";

export interface MenuLink {
  title: string;
  url: string;
  hint: string;
}

export interface MenuEntry extends MenuLink {
  /** The slugified title, as legacy submenu.html used for the item's id. */
  id: string;
  children: MenuLink[];
}

export interface Crumb {
  title: string;
  /** Null for the last crumb (the current page). */
  url: string | null;
}

export interface SidebarLink extends MenuLink {
  /** "page" for the item of this very page, "true" for the one the page sits under, else null (aria-current). */
  current: "page" | "true" | null;
}

export interface SidebarSection {
  title: string;
  url: string;
  items: Array<SidebarLink & { children: SidebarLink[] }>;
}

/** The legacy alias of the footer-only "Contributing" item, left out of the main navigation. */
const FOOTER_ONLY_ALIAS = "python-footer";

/** Django's slugify, enough for menu titles: lower case, runs of other characters become "-". */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-");
}

const link = (item: ResolvedItem): MenuLink => ({ title: item.title, url: item.url, hint: item.hint });
const menuChildren = (item: ResolvedItem) => item.children.filter((child) => child.inMenu);

function entry(item: ResolvedItem): MenuEntry {
  return { ...link(item), id: slugify(item.title), children: menuChildren(item).map(link) };
}

/** The top-level items (python-meta, psf-meta, …) shown in the network bar. */
export function networkLinks(roots: ResolvedItem[]): MenuEntry[] {
  return roots.filter((root) => root.inMenu).map((root) => ({ ...entry(root), children: [] }));
}

/** The children of the root aliased `rootAlias`, with their children; null when that root is absent or empty. */
export function mainMenu(roots: ResolvedItem[], rootAlias: string): MenuEntry[] | null {
  const root = roots.find((item) => item.alias === rootAlias);
  const items = root ? menuChildren(root).filter((item) => item.alias !== FOOTER_ONLY_ALIAS) : [];
  return items.length > 0 ? items.map(entry) : null;
}

/** The footer site map: every menu child of `python-meta`, "Contributing" included (legacy sitetree/footer.html). */
export function footerMenu(roots: ResolvedItem[]): MenuEntry[] | null {
  const root = roots.find((item) => item.alias === "python-meta");
  const items = root ? menuChildren(root) : [];
  return items.length > 0 ? items.map(entry) : null;
}

function decodedPath(url: string): string | null {
  if (!url.startsWith("/") || url.startsWith("//")) return null;
  const path = url.split(/[?#]/)[0]!;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

const withSlash = (path: string) => (path.endsWith("/") ? path : `${path}/`);

/**
 * The item the request is at: an item whose URL equals the path (trailing slash ignored,
 * the shallowest first), else the section whose URL is the longest prefix of the path.
 */
export function findCurrent(roots: ResolvedItem[], requestPath: string): { item: ResolvedItem; exact: boolean } | null {
  const path = withSlash(requestPath);
  const items = flatten(roots);
  const local = items.map((item) => ({ item, path: decodedPath(item.url) })).filter((entry): entry is { item: ResolvedItem; path: string } => entry.path !== null);
  const exact = local.filter((entry) => withSlash(entry.path) === path).sort((a, b) => a.item.depth - b.item.depth)[0];
  if (exact) return { item: exact.item, exact: true };
  const prefix = local
    .filter((entry) => entry.path !== "/" && entry.path.endsWith("/") && path.startsWith(entry.path))
    .sort((a, b) => b.path.length - a.path.length || a.item.depth - b.item.depth)[0];
  return prefix ? { item: prefix.item, exact: false } : null;
}

/**
 * Breadcrumbs from the top-level item to the current one (legacy sitetree/breadcrumbs.html):
 * items not shown in breadcrumbs are skipped, the page's own title ends a section match,
 * and a single crumb is not shown at all.
 */
export function breadcrumbs(current: { item: ResolvedItem; exact: boolean } | null, pageTitle?: string): Crumb[] {
  if (!current) return [];
  const chain: ResolvedItem[] = [];
  for (let item: ResolvedItem | null = current.item; item; item = item.parent) chain.unshift(item);
  const crumbs: Crumb[] = chain.filter((item) => item.inBreadcrumbs).map((item) => ({ title: item.title, url: item.url }));
  if (current.exact) {
    const last = crumbs.at(-1);
    if (last && current.item.inBreadcrumbs) last.url = null;
    else if (pageTitle) crumbs.push({ title: pageTitle, url: null });
  } else if (pageTitle) {
    crumbs.push({ title: pageTitle, url: null });
  }
  return crumbs.length > 1 ? crumbs : [];
}

/** The current section (the second-level ancestor, e.g. About under Python) with its menu items two levels deep. */
export function sectionSidebar(current: { item: ResolvedItem; exact: boolean } | null): SidebarSection | null {
  if (!current) return null;
  const chain = new Set<number>();
  let section: ResolvedItem | null = current.item;
  for (let item: ResolvedItem | null = current.item; item; item = item.parent) chain.add(item.id);
  while (section && section.depth > 1) section = section.parent;
  if (!section || section.depth !== 1) return null;
  const mark = (item: ResolvedItem): SidebarLink => ({
    ...link(item),
    current: item.id === current.item.id && current.exact ? "page" : chain.has(item.id) ? "true" : null,
  });
  const items = menuChildren(section).map((item) => ({ ...mark(item), children: menuChildren(item).map(mark) }));
  return items.length > 0 ? { title: section.title, url: section.url, items } : null;
}

/** Site paths of items marked for the site map (legacy `insitetree`), for sitemap.xml. */
export function sitemapPaths(roots: ResolvedItem[]): string[] {
  return [
    ...new Set(
      flatten(roots)
        .filter((item) => item.inSitemap && decodedPath(item.url) !== null)
        .map((item) => item.url.split("#")[0]!),
    ),
  ];
}
