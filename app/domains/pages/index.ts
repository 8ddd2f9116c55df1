// The pages domain's public surface; other modules import only from here.
export { createPagesService, type PagesService, type PagesDeps, MEDIA_URL_PREFIX } from "./service.ts";
export { pagesRoutes } from "./routes.ts";
export { pagesApi, pagesLegacyApi } from "./api.ts";
export { pageFallback, redirectFallback } from "./routes/fallback.ts";
export { pagesSearchSource } from "./search.ts";
export { pagesTasks, runLinkCheck, CHECK_LINKS_TASK, type LinkCheckConfig } from "./jobs.ts";
export { pagesAdmin } from "./admin.ts";
export { seedPagesDemo, DEMO_PAGES } from "./seed.ts";
export { PageInputSchema, RedirectInputSchema, NavItemInputSchema, NavTreeInputSchema } from "./schemas.ts";
export type { PageInput, RedirectInput, NavItemInput, NavTreeInput } from "./schemas.ts";
export type { PageView } from "./service/views.ts";
