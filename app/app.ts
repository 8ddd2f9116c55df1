// The HTTP application: middleware, the site's own pages, then every domain module's
// routes, APIs, admin resources and fallbacks, read from the module registry. The
// registry and the dependencies come from the composition root (app/deps.ts).
import { Hono } from "hono";
import { adminRoutes, createAdminRegistry, type AnyAdminResource } from "./core/admin/index.ts";
import { sharedOpenApi } from "./core/api/openapi-shared.ts";
import { legacyApiRoots } from "./core/api/roots.ts";
import { apiV3Root } from "./core/api/v3-root.ts";
import { ACCOUNTS_PORT } from "./core/auth/accounts-port.ts";
import { apiAuth, sessionAuth } from "./core/auth/middleware.ts";
import { createSessionStore } from "./core/auth/sessions.ts";
import { createLoginThrottle } from "./core/auth/throttle.ts";
import { streamingBodyLimit } from "./core/http/body-limit.ts";
import { csrfProtection } from "./core/http/csrf.ts";
import { createRouteMatcher } from "./core/http/route-match.ts";
import type { AppEnv } from "./core/http/env.ts";
import { flashMessages } from "./core/http/flash.ts";
import { buildOpenApiDocument, type OpenApiDocument } from "./core/http/openapi.ts";
import { mailOutboxAdmin } from "./core/mail/index.ts";
import { type ApiRateLimiters, createApiRateLimits } from "./core/http/rate-limit.ts";
import { requestContext } from "./core/http/request-context.ts";
import { responseCache } from "./core/http/response-cache.ts";
import { createInFlightLimit } from "./core/http/in-flight-limit.ts";
import { securityHeaders, surrogateKeys } from "./core/http/security-headers.ts";
import type { ModuleRegistry, WebSettings } from "./core/modules/index.ts";
import type { PlatformDeps } from "./core/platform.ts";
import { createAssetManifest } from "./core/render/assets.ts";
import { createTemplateEnvironment } from "./core/render/environment.ts";
import { renderer } from "./core/render/renderer.ts";
import type { DomainModules } from "./domains/index.ts";
import { BANNERS_PORT } from "./domains/banners/index.ts";
import { BOXES_PORT } from "./domains/boxes/index.ts";
import { SITE_MENUS_PORT } from "./domains/pages/index.ts";
import { adminDocsRoutes } from "./site/admin-docs.ts";
import { apiDocsRoutes } from "./site/api-docs.ts";
import { errorHandler, notFoundHandler } from "./site/errors.ts";
import { healthRoutes } from "./site/health.ts";
import { serviceHealthChecks } from "./site/health-checks.ts";
import { homeRoutes, NO_HOME_SOURCES } from "./site/home.ts";
import { createLayoutLoader } from "./site/layout.ts";
import { searchRoutes } from "./site/search.ts";
import { staticRoutes } from "./site/static-files.ts";
import { templatePageRoutes } from "./site/template-pages.ts";

export type AppDeps = PlatformDeps;
export type AppRegistry = ModuleRegistry<DomainModules>;

/** The HTTP app over the process's registry, so the worker's tasks and the routes share services. */
export function createApp(deps: AppDeps, registry: AppRegistry): Hono<AppEnv> {
  const { config, logger } = deps;
  const development = config.NODE_ENV === "development";
  const secureCookies = config.SITE_URL.startsWith("https://");
  const assets = createAssetManifest(deps.paths.static, { live: development });
  const templates = createTemplateEnvironment({ templatesDir: deps.paths.templates, assets, development, siteUrl: config.SITE_URL });
  const renderOptions = {
    env: templates,
    siteUrl: config.SITE_URL,
    loadLayout: createLayoutLoader({ boxes: registry.port(BOXES_PORT), banners: registry.port(BANNERS_PORT), pages: registry.port(SITE_MENUS_PORT) }),
  };
  const accounts = registry.port(ACCOUNTS_PORT);
  const web: WebSettings = {
    siteUrl: config.SITE_URL,
    secret: config.SECRET_KEY,
    secureCookies,
    trustedProxies: config.TRUSTED_PROXIES,
    sessions: createSessionStore({ db: deps.db, kv: deps.kv, now: () => deps.clock.now() }),
    loginThrottle: createLoginThrottle({ kv: deps.kv }),
    staticDir: deps.paths.static,
  };

  const app = new Hono<AppEnv>({ strict: true });
  app.use(requestContext(logger));
  const apiLimits = createApiRateLimits({ kv: deps.kv, trustedProxies: config.TRUSTED_PROXIES, limits: deps.apiRateLimits });
  // Before the response cache, so an API answer served from a stored copy still counts.
  app.use("/api/*", apiLimits.anonymous);
  // Outside everything else, so a stored answer carries the headers the app gave it and skips the rest.
  app.use(responseCache({ store: deps.responses, cache: deps.cache, ttlSeconds: config.RESPONSE_CACHE_TTL_SECONDS, now: () => deps.clock.now().getTime() }));
  app.use(securityHeaders({ hsts: config.isProduction && secureCookies }));
  app.use(surrogateKeys());
  app.use(streamingBodyLimit({ maxSize: config.BODY_LIMIT_BYTES }));

  app.route("/", healthRoutes(serviceHealthChecks(deps)));
  app.route("/", staticRoutes(assets));
  // Everything past here is built per request (stored answers never get this far): a few at a time.
  app.use(createInFlightLimit({ max: config.WEB_MAX_IN_FLIGHT, queue: config.WEB_MAX_QUEUE, timeoutMs: config.WEB_QUEUE_TIMEOUT_MS }).middleware);
  // One document for /api/openapi.json, /api/docs/ and the /api/v3/ root.
  const apiDocument = buildOpenApiDocument({ siteUrl: config.SITE_URL, parts: [sharedOpenApi, ...registry.openApiParts()] });
  app.route("/api", apiRoutes(deps, registry, web, accounts, apiDocument, apiLimits));
  app.use(sessionAuth({ sessions: web.sessions, users: accounts, secureCookies }));
  const routeExists = createRouteMatcher(app);
  app.use(csrfProtection({ secret: config.SECRET_KEY, siteOrigin: new URL(config.SITE_URL).origin, secureCookies, routeExists }));
  app.use(flashMessages({ secret: config.SECRET_KEY, secureCookies }));
  app.use(renderer(renderOptions));

  const adminRegistry = createAdminRegistry(adminResourcesOf(deps, registry));
  // Before the admin, whose /:app/:model/ patterns would otherwise claim /admin/doc/models/.
  app.route("/admin/doc/", adminDocsRoutes({ registry: adminRegistry, routes: () => app.routes }));
  // Mounted with its trailing slash: under strict routing the index must be /admin/, not /admin.
  app.route("/admin/", adminRoutes({ db: deps.db, registry: adminRegistry, flash: { secret: config.SECRET_KEY, secureCookies } }));
  app.route("/", homeRoutes({ boxes: registry.port(BOXES_PORT), sources: NO_HOME_SOURCES }));
  app.route("/", templatePageRoutes());
  for (const mount of registry.routes(web)) app.route(mount.path, mount.app);
  app.route("/", apiDocsRoutes({ document: apiDocument }));
  app.route("/", searchRoutes({ search: deps.search, sources: () => registry.searchSources() }));

  app.notFound(notFoundHandler(renderOptions, routeExists, registry.fallbacks(web)));
  app.onError(errorHandler(renderOptions));
  return app;
}

/** What the editors' admin manages: the platform's own records (the mail outbox) and every module's. */
export function adminResourcesOf(deps: AppDeps, registry: AppRegistry): AnyAdminResource[] {
  return [mailOutboxAdmin(deps.mailer), ...registry.adminResources()];
}

/** The JSON APIs: credentials from the Authorization header, per-version limits, every module's routes. */
function apiRoutes(
  deps: AppDeps,
  registry: AppRegistry,
  web: WebSettings,
  accounts: Parameters<typeof apiAuth>[0]["users"],
  document: OpenApiDocument,
  limits: ApiRateLimiters,
): Hono<AppEnv> {
  const api = new Hono<AppEnv>({ strict: true });
  api.use(apiAuth({ users: accounts, writePermissions: deps.config.API_WRITE_PERMISSIONS }));
  // After apiAuth, so authenticated clients count per user rather than per IP.
  for (const version of ["v1", "v2", "v3"] as const) api.use(`/${version}/*`, limits.withCredentials[version]);
  for (const routes of registry.apis(web)) api.route("/", routes);
  api.route("/", legacyApiRoots(registry.legacyApiResources(), { siteUrl: web.siteUrl }));
  api.route("/", apiV3Root({ document, siteUrl: web.siteUrl }));
  return api;
}
