// The pages domain as one module: the CMS pages that fill every path no route claims,
// editor redirects, menus, sitemaps, uploads and the link checker.
import path from "node:path";
import { bind, defineModule, definePort } from "../../core/modules/index.ts";
import { BOXES_PORT } from "../boxes/index.ts";
import { RELEASE_PAGES_PORT } from "../downloads/index.ts";
import { pagesAdmin } from "./admin.ts";
import { pagesApi, pagesLegacyApi, pagesOpenApi } from "./api.ts";
import { CHECK_LINKS_TASK, pagesTasks } from "./jobs.ts";
import { pagesLegacyMigrator } from "./legacy.ts";
import { pagesRoutes } from "./routes.ts";
import { pageFallback, redirectFallback } from "./routes/fallback.ts";
import { pagesSearchSource } from "./search.ts";
import { seedPagesDemo } from "./seed.ts";
import { createPagesService, type PagesService } from "./service.ts";

/** The editors' menus (network bar, main navigation, PSF sidebar, footer), for the layout. */
export const SITE_MENUS_PORT = definePort<Pick<PagesService, "siteMenus">>("pages.site-menus");

export const pagesModule = defineModule({
  name: "pages",
  uses: [BOXES_PORT],
  provides: [SITE_MENUS_PORT, RELEASE_PAGES_PORT],
  createService: ({ deps }) => createPagesService(deps),
  bind: (pages) => [bind(SITE_MENUS_PORT, pages), bind(RELEASE_PAGES_PORT, pages)],
  routes: ({ service, web }) => [
    {
      path: "/",
      app: pagesRoutes({
        pages: service,
        siteUrl: web.siteUrl,
        fundingFile: path.join(web.staticDir, "funding.json"),
        flash: { secret: web.secret, secureCookies: web.secureCookies },
      }),
    },
  ],
  // Legacy urls.md §1: editor redirects first, then the CMS page at the path.
  fallbacks: ({ service, web, use }) => [redirectFallback(service), pageFallback({ pages: service, boxes: use(BOXES_PORT), siteUrl: web.siteUrl })],
  api: { routes: ({ service, web }) => pagesApi(service, web), legacyResources: pagesLegacyApi, openApi: pagesOpenApi },
  admin: ({ service }) => pagesAdmin(service),
  search: ({ service }) => [pagesSearchSource(service)],
  markup: ({ service }) => [service.markupTarget],
  tasks: ({ service, deps, use, dispatch }) =>
    pagesTasks({
      pages: service,
      boxes: use(BOXES_PORT),
      config: { siteUrl: deps.config.SITE_URL, external: deps.config.LINK_CHECK_EXTERNAL, dispatch, now: () => deps.clock.now() },
    }),
  cron: [
    // Daily at 04:17: every link in published pages, boxes and menus, for the broken-links report.
    { task: CHECK_LINKS_TASK, match: "17 4 * * *", options: { backfillPeriod: 0, maxAttempts: 2 } },
  ],
  legacy: {
    migrators: [pagesLegacyMigrator],
    skips: [{ table: "django_site", reason: "the one site (www.python.org) is SITE_URL here; redirects keep their paths" }],
  },
  seed: ({ service }) => seedPagesDemo(service),
  templates: "pages",
  // A CMS page served by the fallback (legacy and demo content both have it).
  bench: { paths: ["/about/"] },
});
