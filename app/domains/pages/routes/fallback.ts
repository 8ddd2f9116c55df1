// What happens when no application route matched (legacy urls.md §1): the editor
// redirect table first (django.contrib.redirects: 301, or 410 for an empty target), then a
// CMS page at the path (apps/pages/middleware.py: tried with and without the trailing
// slash; a slash-less hit answers 301, without the query string), and only then the 404.
// Each fallback answers null to pass the request on.
import type { Context } from "hono";
import { markCacheable } from "../../../core/http/cacheable.ts";
import { markPublic } from "../../../core/http/cdn-cache.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import type { BoxesService } from "../../boxes/index.ts";
import type { PagesService } from "../service.ts";
import { PAGES_CACHE_TAG } from "../service/pages.ts";
import { renderCmsPage } from "./page-view.ts";

export type Fallback = (c: Context<AppEnv>) => Promise<Response | null>;

/** Header values must be ASCII: characters beyond it are percent-encoded, existing escapes kept. */
export function asciiLocation(location: string): string {
  return location.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
}

/** The editor redirect for this request: 301 to its target, or 410 Gone (empty body, as Django's HttpResponseGone). */
export function redirectFallback(pages: Pick<PagesService, "findRedirect">): Fallback {
  return async (c) => {
    const url = new URL(c.req.url);
    const redirect = await pages.findRedirect({ path: c.req.path, rawPath: url.pathname, search: url.search });
    if (!redirect) return null;
    if (redirect.newPath === "") return c.body(null, 410);
    return c.redirect(asciiLocation(redirect.newPath), 301);
  };
}

const isStaff = (c: Context<AppEnv>) => Boolean(c.get("user")?.isStaff || c.get("user")?.isSuperuser);

/** The CMS page at this path; drafts exist only for staff, who see them with a notice. */
export function pageFallback(deps: { pages: PagesService; boxes: BoxesService; siteUrl: string }): Fallback {
  return async (c) => {
    await markCacheable(c, { tags: [PAGES_CACHE_TAG] });
    const page = await deps.pages.findPageForPath({ path: c.req.path, includeDrafts: isStaff(c) });
    if (!page) {
      c.set("cacheable", undefined);
      return null;
    }
    // Legacy PageFallbackMiddleware redirects a slash-less path before the view runs, so for
    // any method, and builds the target from the path alone: the query string is dropped.
    if (!c.req.path.endsWith("/")) return c.redirect(`${new URL(c.req.url).pathname}/`, 301);
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      c.header("Allow", "GET, HEAD");
      return c.text("Method not allowed.", 405);
    }
    const response = await renderCmsPage(c, page, deps);
    markPublic(c, response);
    return response;
  };
}
