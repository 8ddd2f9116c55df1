// The pages domain's own routes: robots.txt, humans.txt, funding.json and sitemaps, the
// staff page for page images and documents, and /media/ for the disk backend. CMS pages
// themselves are not routes: they are the fall-through before the 404 (routes/fallback.ts).
import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.ts";
import { mediaRoutes } from "./routes/media.ts";
import { seoRoutes } from "./routes/seo.ts";
import type { PagesService } from "./service.ts";

export function pagesRoutes(deps: { pages: PagesService; siteUrl: string; fundingFile: string; flash: { secret: string; secureCookies: boolean } }) {
  const app = new Hono<AppEnv>({ strict: true });
  app.route("/", seoRoutes({ pages: deps.pages, siteUrl: deps.siteUrl, fundingFile: deps.fundingFile }));
  app.route("/", mediaRoutes({ pages: deps.pages, flash: deps.flash }));
  return app;
}
