// What sitemap.xml lists: published HTML pages grouped by their first path segment (one
// sitemap per section, `lastmod` from `updated`), plus a "site" section with the menu
// paths marked for the site map. Legacy had no sitemap (templates/base.html comments it out).
import type { Cache } from "../../../core/cache/types.ts";
import type { Db } from "../../../core/db/client.ts";
import { pageSection, pageUrl } from "../schemas/paths.ts";
import { PAGES_CACHE_TAG } from "./pages.ts";

/** The section of menu paths that are not CMS pages (application pages such as /downloads/). */
export const SITE_SECTION = "site";
const SITEMAP_TTL_SECONDS = 3600;

export interface SitemapSection {
  name: string;
  /** ISO date-time of the newest entry, when known. */
  lastmod: string | null;
}

export interface SitemapEntry {
  /** Site-relative, percent-encoded URL. */
  loc: string;
  lastmod: string | null;
}

interface PageStamp {
  path: string;
  updated: string;
}

export function createSitemapReader(deps: { db: Db; cache: Cache; navPaths: () => Promise<string[]> }) {
  const { db, cache } = deps;

  function publishedStamps(): Promise<PageStamp[]> {
    return cache.wrap("pages:sitemap", { ttlSeconds: SITEMAP_TTL_SECONDS, tags: [PAGES_CACHE_TAG] }, async () => {
      const rows = await db.page.findMany({
        where: { isPublished: true, contentType: { startsWith: "text/html" } },
        orderBy: { path: "asc" },
        select: { path: true, updated: true },
      });
      return rows.map((row) => ({ path: row.path, updated: row.updated.toISOString() }));
    });
  }

  /** The home page and menu paths that are not CMS pages, plus any pages whose first segment is "site". */
  async function siteEntries(pages: PageStamp[]): Promise<SitemapEntry[]> {
    const pageUrls = new Set(pages.map((page) => pageUrl(page.path)));
    const navPaths = ["/", ...(await deps.navPaths()).filter((path) => path !== "/")];
    const own = pages.filter((page) => pageSection(page.path) === SITE_SECTION).map((page) => ({ loc: pageUrl(page.path), lastmod: page.updated }));
    return [...navPaths.filter((path) => !pageUrls.has(path)).map((loc) => ({ loc, lastmod: null })), ...own];
  }

  /** The sections of the sitemap index, sorted by name, each with its newest `updated`. */
  async function sitemapSections(): Promise<SitemapSection[]> {
    const newest = new Map<string, string>();
    for (const page of await publishedStamps()) {
      const name = pageSection(page.path);
      if (name === SITE_SECTION) continue;
      if ((newest.get(name) ?? "") < page.updated) newest.set(name, page.updated);
    }
    const sections: SitemapSection[] = [...newest].map(([name, lastmod]) => ({ name, lastmod }));
    sections.push({ name: SITE_SECTION, lastmod: null });
    return sections.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The entries of one section's sitemap; null when there is no such section. */
  async function sitemapEntries(options: { section: string }): Promise<SitemapEntry[] | null> {
    const pages = await publishedStamps();
    if (options.section === SITE_SECTION) return siteEntries(pages);
    const entries = pages.filter((page) => pageSection(page.path) === options.section).map((page) => ({ loc: pageUrl(page.path), lastmod: page.updated }));
    return entries.length > 0 ? entries : null;
  }

  return { sitemapSections, sitemapEntries };
}

export type SitemapReader = ReturnType<typeof createSitemapReader>;
