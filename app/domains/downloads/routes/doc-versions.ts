// /doc/versions/ (legacy pydotorg/urls.py "docs-versions" → DocsByVersionView): matched
// before the CMS fall-through, so a stray CMS page at that path never shadows it; every
// other /doc/ path still falls through to the CMS.
import type { Hono } from "hono";
import { cacheable } from "../../../core/http/cacheable.ts";
import { DOWNLOADS_CACHE_TAG } from "../service/context.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { MAIN_NAV } from "../../../core/nav/main-nav.ts";
import type { PageDeps } from "./pages.ts";

/** Legacy versions.html's left sidebar shows this box under the section's navigation. */
const SIDEBAR_BOX = "widget-sidebar-aboutpsf";
export const DOC_VERSIONS_PATH = "/doc/versions/";

export function registerDocVersions(app: Hono<AppEnv>, deps: PageDeps, siteUrl: string): void {
  const section = MAIN_NAV.find((item) => item.id === "documentation");
  app.get(DOC_VERSIONS_PATH, cacheable({ tags: [DOWNLOADS_CACHE_TAG] }), async (c) => {
    const [groups, boxes] = await Promise.all([deps.downloads.listDocVersions(), deps.boxes.getBoxesHtml({ labels: [SIDEBAR_BOX] })]);
    c.header("Surrogate-Key", "downloads doc-versions");
    return c.render("downloads/doc_versions.njk", {
      title: "Python documentation by version",
      body_class: "python pages default-page",
      canonical: new URL(DOC_VERSIONS_PATH, siteUrl).toString(),
      groups,
      section: section ? { title: section.title, url: section.url, items: section.children } : null,
      sidebarBoxHtml: boxes[SIDEBAR_BOX] ?? null,
    });
  });
}
