// The public downloads pages, mounted at /downloads and mirrored at /getit (legacy
// pydotorg/urls.py: "duplicated downloads to getit to bypass China's firewall").
import { Hono } from "hono";
import { cacheable } from "../../core/http/cacheable.ts";
import type { AppEnv } from "../../core/http/env.ts";
import type { BoxesService } from "../boxes/index.ts";
import { registerDocVersions } from "./routes/doc-versions.ts";
import { registerFeeds } from "./routes/feed.ts";
import { registerLatest } from "./routes/latest.ts";
import { registerPages } from "./routes/pages.ts";
import type { DownloadsService } from "./service.ts";
import { DOWNLOADS_CACHE_TAG } from "./service/context.ts";

export const DOWNLOAD_PREFIXES = ["/downloads", "/getit"] as const;

export function downloadsRoutes(deps: { downloads: DownloadsService; boxes: BoxesService }, options: { siteUrl: string }) {
  const app = new Hono<AppEnv>({ strict: true });
  for (const prefix of DOWNLOAD_PREFIXES) {
    app.use(`${prefix}/*`, cacheable({ tags: [DOWNLOADS_CACHE_TAG] }));
    registerFeeds(app, prefix, deps.downloads, options.siteUrl);
    registerLatest(app, prefix, deps.downloads);
    registerPages(app, prefix, deps, options.siteUrl);
  }
  registerDocVersions(app, deps, options.siteUrl);
  // Legacy ReleaseEditButton: a fragment cached pages fetch; the button only for staff.
  app.get("/release-edit-button/:id{[0-9]{1,10}}", (c) => {
    c.header("Cache-Control", "private, no-store");
    const user = c.get("user");
    if (!user || !(user.isStaff || user.isSuperuser)) return c.html("");
    return c.html(`<a role="button" class="button" href="/admin/downloads/release/${c.req.param("id")}/change/">Edit this release</a>`);
  });
  // Old release URLs (legacy apps/pages/views.py, issue #956): /download/releases/X.Y.Z/
  // → 301 to the release page, when that release has no CMS page of its own.
  app.get("/download/releases/:version{[0-9.]+}/", async (c, next) => {
    const slug = `python-${c.req.param("version").replaceAll(".", "")}`;
    const release = await deps.downloads.findReleases({ query: { slug: { equals: slug } }, take: 1 });
    if (release.length === 0 || release[0]!.releasePageId !== null) return next();
    return c.redirect(`/downloads/release/${slug}/`, 301);
  });
  return app;
}
