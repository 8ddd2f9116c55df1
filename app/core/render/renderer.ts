// `c.render(name, context)`: renders templates/<name> with everything the layout needs
// (request path, user, CSP nonce, CSRF token, flash messages, navigation, banner).
// Data is resolved before rendering; templates never query anything.
import type { Context, MiddlewareHandler } from "hono";
import type nunjucks from "nunjucks";
import type { AppEnv } from "../http/env.ts";
import { commitCsrfCookieIfUsed } from "../http/csrf.ts";
import { takeFlash } from "../http/flash.ts";

export interface NavLink {
  title: string;
  url: string;
}

export interface NavItem extends NavLink {
  /** Stable id used for the dropdown's DOM ids, e.g. "downloads". */
  id: string;
  children: NavLink[];
  /** Sanitised HTML of the matching supernav box, when it exists. */
  supernavHtml: string | null;
}

export interface NetworkLink extends NavLink {
  id: string;
  title: string;
}

export interface BannerView {
  title: string;
  message: string;
  link: string;
}

export interface LayoutData {
  network: NetworkLink[];
  nav: NavItem[];
  footer: Array<NavLink & { children: NavLink[] }>;
  banner: BannerView | null;
}

export type LayoutLoader = (c: Context<AppEnv>) => Promise<LayoutData>;

declare module "hono" {
  interface ContextRenderer {
    (template: string, context?: Record<string, unknown>): Response | Promise<Response>;
  }
}

export function renderer(options: { env: nunjucks.Environment; siteUrl: string; loadLayout: LayoutLoader }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.setRenderer(async (template: string, context: Record<string, unknown> = {}) => {
      const html = await renderPage(c, options, template, context);
      return c.html(html);
    });
    await next();
  };
}

/** Renders a full page to a string; used by c.render and by the error handlers. */
/**
 * The absolute URL of a path on the site. Setting `pathname` percent-encodes whatever the
 * path holds and cannot throw, where `new URL(path, base)` would read `//host/` as another
 * host and throw on `//[`.
 */
function pageUrl(siteUrl: string, path: string): string {
  const url = new URL(siteUrl);
  url.pathname = path.startsWith("/") ? path : `/${path}`;
  return url.toString();
}

export async function renderPage(
  c: Context<AppEnv>,
  options: { env: nunjucks.Environment; siteUrl: string; loadLayout: LayoutLoader },
  template: string,
  context: Record<string, unknown>,
): Promise<string> {
  const layout = await options.loadLayout(c);
  const path = c.req.path;
  const full: Record<string, unknown> = {
    ...layout,
    request: { path, url: pageUrl(options.siteUrl, path), method: c.req.method },
    site: { url: options.siteUrl, name: "Python.org" },
    user: c.get("user") ?? null,
    csrf_token: c.get("csrfToken") ?? "",
    csp_nonce: c.get("secureHeadersNonce") ?? "",
    messages: takeFlash(c),
    ...context,
  };
  const html = await new Promise<string>((resolve, reject) => {
    options.env.render(template, full, (error, result) => (error ? reject(error) : resolve(result ?? "")));
  });
  commitCsrfCookieIfUsed(c, html);
  return html;
}
