// The pages service: one object every transport (fall-through routing, the APIs, the
// admin, the link checker job, sitemaps, search, migrations, seed) goes through, built
// from explicit dependencies.
import type { Cache } from "../../core/cache/types.ts";
import type { Db } from "../../core/db/client.ts";
import type { JobQueue } from "../../core/jobs/types.ts";
import { defineMarkupTarget } from "../../core/markup/target.ts";
import type { FileStorage } from "../../core/storage/index.ts";
import type { WriteHook } from "../../core/db/write-hook.ts";
import { pageUrl } from "./schemas/paths.ts";
import { createNavigationEditor } from "./service/navigation-editor.ts";
import { createNavigationPlacement } from "./service/navigation-placement.ts";
import { createNavigationReader } from "./service/navigation.ts";
import { createLinkStore } from "./service/links.ts";
import { createMediaStore, type MediaLimits } from "./service/media.ts";
import { createPageStore, PAGE_RST_TARGET, PAGES_CACHE_TAG } from "./service/pages.ts";
import { createRedirectStore } from "./service/redirects.ts";
import { createSitemapReader } from "./service/sitemap.ts";
import type { PageView } from "./service/views.ts";

export interface PagesDeps {
  db: Db;
  cache: Cache;
  jobs: JobQueue;
  /** Where page images and documents go (the app's file storage, served under MEDIA_URL_PREFIX). */
  storage: FileStorage;
  /** Upload size limits; the defaults are in service/media.ts. */
  mediaLimits?: MediaLimits;
  /** Told once per cache fill which menu items cannot be shown (unknown URL names, unsafe URLs). */
  onNavigationProblems?: (problems: string[]) => void;
}

export function createPagesService(deps: PagesDeps) {
  const pages = createPageStore(deps);
  const redirects = createRedirectStore(deps);
  const navigation = createNavigationReader({ db: deps.db, cache: deps.cache, onProblems: deps.onNavigationProblems });
  const navigationEditor = createNavigationEditor({ db: deps.db, invalidate: navigation.invalidateNavigation });
  const media = createMediaStore({ db: deps.db, storage: deps.storage, limits: deps.mediaLimits });
  const sitemap = createSitemapReader({ db: deps.db, cache: deps.cache, navPaths: navigation.sitemapNavPaths });
  const links = createLinkStore({ db: deps.db, pages, navigation });
  const placement = createNavigationPlacement({ db: deps.db });

  /**
   * Saves a page as the page store does and, given `navParentId`, lists it in the navigation
   * under that menu item in the same transaction (once: a parent already linking it is left alone).
   */
  async function savePage(options: Parameters<typeof pages.savePage>[0] & { navParentId?: number | null }): Promise<PageView> {
    const { navParentId, ...rest } = options;
    if (!navParentId) return pages.savePage(rest);
    const onWrite: WriteHook<PageView> = async (tx, change) => {
      await rest.onWrite?.(tx, change);
      if (change.after) await placement.placePage(tx, { parentId: navParentId, title: change.after.title, url: pageUrl(change.after.path) });
    };
    const saved = await pages.savePage({ ...rest, onWrite });
    await navigation.invalidateNavigation();
    return saved;
  }

  /** Where the reStructuredText job reads page sources and stores their HTML. */
  const markupTarget = defineMarkupTarget({
    name: PAGE_RST_TARGET,
    read: (id) => deps.db.page.findUnique({ where: { id }, select: { content: true, contentMarkupType: true } }),
    async saveRendered(id, html) {
      await deps.db.page.update({ where: { id }, data: { contentRendered: html } });
      await deps.cache.invalidateTags([PAGES_CACHE_TAG]);
    },
  });

  return {
    ...pages,
    ...redirects,
    ...navigation,
    ...navigationEditor,
    ...media,
    ...sitemap,
    ...links,
    savePage,
    navParentChoices: placement.navParentChoices,
    mediaStorageKind: deps.storage.kind,
    markupTarget,
  };
}

export type PagesService = ReturnType<typeof createPagesService>;
