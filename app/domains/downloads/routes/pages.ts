// The downloads pages (legacy apps/downloads/views.py), registered under one prefix;
// routes.ts mounts them at /downloads and again at /getit, whose pages name their
// /downloads twin as canonical (legacy issue #427 mirror).
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../core/http/env.ts";
import type { BoxesService } from "../../boxes/index.ts";
import { SlugSchema } from "../schemas.ts";
import type { DownloadsService } from "../service.ts";
import { AppError } from "../../../core/errors.ts";

/** Boxes the /downloads/ page shows (legacy downloads/index.html). */
export const DOWNLOAD_PAGE_BOXES = [
  "download-banner",
  "download-otherreleases",
  "download-widget1",
  "download-sources",
  "download-widget3",
  "download-widget4",
  "usermessage-releaseschedule",
  "download-dev",
  "download-pgp",
];

export interface PageDeps {
  downloads: DownloadsService;
  boxes: BoxesService;
}

/** Template context shared by every downloads page: canonical URL, feeds, surrogate keys. */
export function pageContext(c: Context<AppEnv>, prefix: string, siteUrl: string, keys: string[] = []) {
  c.header("Surrogate-Key", ["downloads", ...keys].join(" "));
  const canonicalPath = prefix === "/downloads" ? c.req.path : `/downloads${c.req.path.slice(prefix.length)}`;
  return { canonical: new URL(canonicalPath, siteUrl).toString() };
}

function slugParam(value: string, message: string): string {
  const parsed = SlugSchema.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", message);
  return parsed.data;
}

export function registerPages(app: Hono<AppEnv>, prefix: string, deps: PageDeps, siteUrl: string): void {
  app.get(`${prefix}/`, async (c) => {
    const [home, boxes] = await Promise.all([deps.downloads.getDownloadHome(), deps.boxes.getBoxesHtml({ labels: DOWNLOAD_PAGE_BOXES })]);
    return c.render("downloads/index.njk", {
      ...pageContext(c, prefix, siteUrl),
      title: "Download Python",
      body_class: "python download",
      home,
      boxes,
    });
  });

  app.get(`${prefix}/operating-systems/`, async (c) => {
    const systems = await deps.downloads.findOperatingSystems();
    return c.render("downloads/full_os_list.njk", {
      ...pageContext(c, prefix, siteUrl),
      title: "Python Operating Systems List",
      body_class: "python download",
      systems,
    });
  });

  app.get(`${prefix}/release/:slug/`, async (c) => {
    const page = await deps.downloads.getReleasePage({ slug: slugParam(c.req.param("slug"), "There is no such release.") });
    return c.render("downloads/release_detail.njk", {
      ...pageContext(c, prefix, siteUrl, [`release-${page.release.id}`]),
      title: `Python Release ${page.release.name}`,
      body_class: "python downloads",
      page,
    });
  });

  app.get(`${prefix}/:os/`, async (c) => {
    const page = await deps.downloads.getOsPage({ slug: slugParam(c.req.param("os"), "There is no such operating system.") });
    const heading = page.os.slug === "source" ? "Python Source Releases" : `Python Releases for ${page.os.name}`;
    return c.render("downloads/os_list.njk", {
      ...pageContext(c, prefix, siteUrl, [`downloads-os-${page.os.slug}`]),
      title: heading,
      heading,
      body_class: "python download",
      page,
    });
  });
}
