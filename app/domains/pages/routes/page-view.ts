// Rendering one CMS page as legacy PageView did (python/pythondotorg:apps/pages/views.py):
// the page's own template and content type, breadcrumbs and the section sidebar from the
// menu tree, the draft notice and the edit link for staff.
import type { Context } from "hono";
import type { AppEnv } from "../../../core/http/env.ts";
import type { BoxesService } from "../../boxes/index.ts";
import type { MenuEntry } from "../service/navigation-menus.ts";
import { pageUrl } from "../schemas/paths.ts";
import type { PagesService } from "../service.ts";
import type { PageView } from "../service/views.ts";

/** Legacy template names → our templates; anything unknown renders with the default. */
const TEMPLATES: Record<string, { template: string; psf: boolean } | undefined> = {
  "": { template: "pages/default.njk", psf: false },
  "pages/default.html": { template: "pages/default.njk", psf: false },
  "psf/default.html": { template: "pages/psf_default.njk", psf: true },
  "psf/full-width.html": { template: "pages/full_width.njk", psf: true },
};

export const RAW_TEMPLATE = "pages/raw.html";

/** Media types served as the page's source text; anything else but HTML is sent as text/plain, never as something a browser runs. */
const TEXT_TYPES = new Set(["text/plain", "text/csv", "text/markdown", "text/calendar", "text/vcard", "application/json"]);

export const SIDEBAR_BOX = "widget-sidebar-aboutpsf";

const isHtmlType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase() === "text/html";

function textResponse(c: Context<AppEnv>, page: PageView): Response {
  const type = page.contentType.split(";")[0]!.trim().toLowerCase();
  c.header("Content-Type", `${TEXT_TYPES.has(type) ? type : "text/plain"}; charset=utf-8`);
  return c.body(page.content);
}

/** Layout navigation entries for the PSF menu (no supernav panels there). */
function layoutNav(menu: MenuEntry[] | null) {
  return menu?.map((item) => ({ id: item.id, title: item.title, url: item.url, children: item.children, supernavHtml: null })) ?? undefined;
}

const isPsfPagePath = (path: string) => path === "psf-landing" || path === "psf" || path.startsWith("psf/");

/** Renders `page` for this request, in its template and content type. */
export async function renderCmsPage(c: Context<AppEnv>, page: PageView, deps: { pages: PagesService; boxes: BoxesService; siteUrl: string }): Promise<Response> {
  if (!page.isPublished) c.header("Cache-Control", "private, no-store");
  if (!isHtmlType(page.contentType)) return textResponse(c, page);
  if (page.templateName === RAW_TEMPLATE) return c.render("pages/raw.njk", { page: { html: page.html } });
  const known = TEMPLATES[page.templateName];
  if (!known) c.get("logger")?.warn({ page: page.id, template: page.templateName }, "unknown page template; using the default");
  const { template, psf: psfTemplate } = known ?? TEMPLATES[""]!;
  // The PSF landing page and everything under /psf/ wear the PSF colourway and menu, as on python.org.
  const psf = psfTemplate || isPsfPagePath(page.path);
  const user = c.get("user") ?? null;
  const [navigation, boxes, menus] = await Promise.all([
    deps.pages.pageNavigation({ user, path: c.req.path, pageTitle: page.title }),
    deps.boxes.getBoxesHtml({ labels: [SIDEBAR_BOX] }),
    psf ? deps.pages.siteMenus({ user }) : Promise.resolve(null),
  ]);
  const staff = Boolean(user?.isStaff || user?.isSuperuser);
  return c.render(template, {
    page: { id: page.id, title: page.title, html: page.html, isPublished: page.isPublished },
    title: page.title,
    description: page.description.trim() || undefined,
    keywords: page.keywords.trim(),
    canonical: new URL(pageUrl(page.path), deps.siteUrl).toString(),
    crumbs: navigation.crumbs,
    sidebar: navigation.sidebar,
    sidebarBoxHtml: boxes[SIDEBAR_BOX] ?? null,
    body_class: psf ? "psf pages default-page" : "python pages default-page",
    ...(psf && menus?.psf ? { nav: layoutNav(menus.psf) } : {}),
    editUrl: staff ? `/admin/pages/page/${page.id}/change/` : null,
    filesUrl: staff ? `/admin/pages/page/${page.id}/files/` : null,
  });
}
