// The composition root: builds every service from explicit dependencies and mounts
// middleware, pages and APIs. Tests call createApp with test dependencies.
import path from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "./core/errors.ts";
import { adminRoutes, createAdminRegistry, type AnyAdminResource } from "./core/admin/index.ts";
import { apiAuth, sessionAuth } from "./core/auth/middleware.ts";
import { createSessionStore } from "./core/auth/sessions.ts";
import { createLoginThrottle } from "./core/auth/throttle.ts";
import type { Cache, KeyValue } from "./core/cache/types.ts";
import type { Config } from "./core/config/config.ts";
import type { Db } from "./core/db/client.ts";
import type { JobQueue, TaskDefinition } from "./core/jobs/types.ts";
import type { Logger } from "./core/logging/logger.ts";
import type { SearchIndex } from "./core/search/types.ts";
import { searchTasks } from "./core/search/jobs.ts";
import { markupTasks } from "./core/markup/jobs.ts";
import type { SearchSource } from "./core/search/sources.ts";
import { csrfProtection } from "./core/http/csrf.ts";
import type { AppEnv } from "./core/http/env.ts";
import { flashMessages } from "./core/http/flash.ts";
import { requestContext } from "./core/http/request-context.ts";
import { createApiRateLimits, type ApiRateLimits } from "./core/http/rate-limit.ts";
import { securityHeaders, surrogateKeys } from "./core/http/security-headers.ts";
import { createAssetManifest } from "./core/render/assets.ts";
import { createTemplateEnvironment } from "./core/render/environment.ts";
import { renderer } from "./core/render/renderer.ts";
import { bannersAdmin, bannersApi, bannersOpenApi, createBannersService } from "./domains/banners/index.ts";
import { boxesAdmin, boxesApi, boxesOpenApi, boxesRoutes, createBoxesService } from "./domains/boxes/index.ts";
import { accountsAdmin, createUsersService, usersRoutes, usersTasks } from "./domains/users/index.ts";
import { type CdnPurger, createDownloadsService, downloadsAdmin, downloadsApi, downloadsLegacyApi, downloadsOpenApi, downloadsRoutes, downloadsSearchSource, downloadsTasks } from "./domains/downloads/index.ts";
import { buildOpenApiDocument } from "./core/http/openapi.ts";
import { legacyApiRoots } from "./core/api/roots.ts";
import { apiDocsRoutes } from "./site/api-docs.ts";
import { createPagesService, type MediaStorage, pageFallback, pagesAdmin, pagesApi, pagesLegacyApi, pagesRoutes, pagesSearchSource, pagesTasks, redirectFallback, type LinkCheckConfig } from "./domains/pages/index.ts";
import { errorHandler, notFoundHandler } from "./site/errors.ts";
import { healthRoutes } from "./site/health.ts";
import { homeRoutes, NO_HOME_SOURCES } from "./site/home.ts";
import { createLayoutLoader } from "./site/layout.ts";
import { serviceHealthChecks, type WorkerStatus } from "./site/health-checks.ts";
import { staticRoutes } from "./site/static-files.ts";
import { searchRoutes } from "./site/search.ts";

import { ROOT_DIR } from "./core/root-dir.ts";

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Db;
  kv: KeyValue;
  cache: Cache;
  search: SearchIndex;
  jobs: JobQueue;
  /** How the background worker is doing, for /healthz. */
  worker: WorkerStatus;
  /** Overrides the clock (session expiry, last login); tests move it forward. */
  now?: () => Date;
  /** API request limits; unset ones keep the legacy defaults (core/http/rate-limit.ts). */
  apiRateLimits?: Partial<ApiRateLimits>;
  /** Overrides for tests; default to the repository's folders (media: `.data/media`). */
  paths?: { templates?: string; static?: string; media?: string };
  /** Where uploads go (deps.ts picks disk or S3 from the config); unset: files under `paths.media`. */
  mediaStorage?: MediaStorage;
}

/** Every domain service, built once per app from its dependencies. */
export function createServices(deps: Pick<AppDeps, "db" | "cache" | "jobs" | "now" | "paths" | "mediaStorage">) {
  const boxes = createBoxesService(deps);
  const banners = createBannersService(deps);
  const users = createUsersService(deps);
  const pages = createPagesService({ ...deps, media: { root: deps.paths?.media, storage: deps.mediaStorage } });
  const downloads = createDownloadsService({ ...deps, releasePages: pages });
  return { boxes, banners, users, downloads, pages };
}

export type Services = ReturnType<typeof createServices>;

/** Every searchable record type, one source per domain (each domain's search.ts). Boxes are not searchable. */
export function collectSearchSources(services: Services): SearchSource[] {
  return [downloadsSearchSource(services.downloads), pagesSearchSource(services.pages)];
}

/** Every model the editors' admin manages: one registration per domain admin.ts. */
export function collectAdminResources(services: Services, deps: Pick<AppDeps, "db">): AnyAdminResource[] {
  return [boxesAdmin(services.boxes), bannersAdmin(services.banners), ...accountsAdmin(deps), ...downloadsAdmin(services.downloads), ...pagesAdmin(services.pages)];
}

/** Every background task the domains define (used by the worker and the job queue). */
export function collectTasks(
  services: Services,
  deps: Pick<AppDeps, "search"> & { linkCheck?: LinkCheckConfig; cdn?: CdnPurger },
): TaskDefinition[] {
  return [
    ...searchTasks({ search: deps.search, sources: collectSearchSources(services) }),
    ...markupTasks([services.boxes.markupTarget, services.downloads.markupTarget, services.pages.markupTarget]),
    ...usersTasks(services.users),
    ...downloadsTasks({ downloads: services.downloads, boxes: services.boxes, cdn: deps.cdn }),
    // Without a dispatcher (deps.ts passes one) the link checker fails loudly rather than guess.
    ...pagesTasks({ pages: services.pages, boxes: services.boxes, config: deps.linkCheck ?? { siteUrl: "http://127.0.0.1/", external: false } }),
  ];
}

/** The HTTP app; pass the process's services so the worker's tasks and the routes share them. */
export function createApp(deps: AppDeps, services: Services = createServices(deps)): Hono<AppEnv> {
  const { config, logger } = deps;
  const development = config.NODE_ENV === "development";
  const secureCookies = config.SITE_URL.startsWith("https://");
  const assets = createAssetManifest(deps.paths?.static ?? path.join(ROOT_DIR, "static"), { live: development });
  const templates = createTemplateEnvironment({
    templatesDir: deps.paths?.templates ?? path.join(ROOT_DIR, "templates"),
    assets,
    development,
    siteUrl: config.SITE_URL,
  });
  const renderOptions = { env: templates, siteUrl: config.SITE_URL, loadLayout: createLayoutLoader(services) };
  const api = { siteUrl: config.SITE_URL };
  const sessions = createSessionStore({ db: deps.db, kv: deps.kv, now: deps.now });
  const loginThrottle = createLoginThrottle({ kv: deps.kv });

  const app = new Hono<AppEnv>({ strict: true });
  app.use(requestContext(logger));
  app.use(securityHeaders({ hsts: config.isProduction && secureCookies }));
  app.use(surrogateKeys());
  app.use(
    bodyLimit({
      maxSize: config.BODY_LIMIT_BYTES,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
      },
    }),
  );

  app.route("/", healthRoutes(serviceHealthChecks(deps)));
  app.route("/", staticRoutes(assets));

  const apiApp = new Hono<AppEnv>({ strict: true });
  apiApp.use(apiAuth({ users: services.users }));
  // After apiAuth, so authenticated clients count per user rather than per IP.
  const apiLimits = createApiRateLimits({
    kv: deps.kv,
    trustedProxies: config.TRUSTED_PROXIES,
    limits: {
      API_V1_LIMIT_PER_HOUR: config.API_V1_LIMIT_PER_HOUR,
      API_V2_ANON_PER_DAY: config.API_V2_ANON_PER_DAY,
      API_V2_USER_PER_DAY: config.API_V2_USER_PER_DAY,
      API_V3_ANON_PER_HOUR: config.API_V3_ANON_PER_HOUR,
      API_V3_USER_PER_HOUR: config.API_V3_USER_PER_HOUR,
      ...deps.apiRateLimits,
    },
  });
  for (const version of ["v1", "v2", "v3"] as const) apiApp.use(`/${version}/*`, apiLimits[version]);
  apiApp.route("/", boxesApi(services.boxes, api));
  apiApp.route("/", bannersApi(services.banners, api));
  apiApp.route("/", downloadsApi(services.downloads, api));
  apiApp.route("/", pagesApi(services.pages, api));
  apiApp.route("/", legacyApiRoots([downloadsLegacyApi, pagesLegacyApi], api));
  app.route("/api", apiApp);
  app.use(sessionAuth({ sessions, users: services.users, secureCookies }));

  app.use(csrfProtection({ secret: config.SECRET_KEY, siteOrigin: new URL(config.SITE_URL).origin, secureCookies }));
  app.use(flashMessages({ secret: config.SECRET_KEY, secureCookies }));
  app.use(renderer(renderOptions));
  const adminRegistry = createAdminRegistry(collectAdminResources(services, deps));
  // Mounted with its trailing slash: under strict routing the index must be /admin/, not /admin.
  app.route("/admin/", adminRoutes({ db: deps.db, registry: adminRegistry, flash: { secret: config.SECRET_KEY, secureCookies } }));
  app.route("/", homeRoutes({ boxes: services.boxes, sources: NO_HOME_SOURCES }));
  app.route("/", boxesRoutes(services.boxes));
  app.route("/", pagesRoutes({ pages: services.pages, siteUrl: config.SITE_URL, fundingFile: path.join(deps.paths?.static ?? path.join(ROOT_DIR, "static"), "funding.json"), flash: { secret: config.SECRET_KEY, secureCookies } }));
  app.route("/", downloadsRoutes({ downloads: services.downloads, boxes: services.boxes }, api));
  app.route("/", apiDocsRoutes({ document: buildOpenApiDocument({ siteUrl: config.SITE_URL, parts: [boxesOpenApi, bannersOpenApi, downloadsOpenApi] }) }));
  app.route("/", usersRoutes({ users: services.users, sessions, throttle: loginThrottle, secret: config.SECRET_KEY, secureCookies, trustedProxies: config.TRUSTED_PROXIES }));
  app.route("/", searchRoutes({ search: deps.search, sources: () => collectSearchSources(services) }));

  // Legacy urls.md §1: editor redirects, then CMS pages, then the 404.
  const fallbacks = [redirectFallback(services.pages), pageFallback({ pages: services.pages, boxes: services.boxes, siteUrl: config.SITE_URL })];
  app.notFound(notFoundHandler(renderOptions, async (request) => app.fetch(request), fallbacks));
  app.onError(errorHandler(renderOptions));
  return app;
}
