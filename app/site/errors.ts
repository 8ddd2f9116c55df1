// What a visitor or an API client sees when something goes wrong: site-styled HTML
// pages (404, 403, 500, …) and RFC 9457 problem details under /api/.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HTTPException } from "hono/http-exception";
import { toAppError } from "../core/errors.ts";
import type { AppEnv } from "../core/http/env.ts";
import { problemResponse } from "../core/http/problem.ts";
import type { RouteMatcher } from "../core/http/route-match.ts";
import { renderPage, type LayoutLoader } from "../core/render/renderer.ts";
import type nunjucks from "nunjucks";
import { appendSlashLocation } from "./append-slash.ts";

interface RenderOptions {
  env: nunjucks.Environment;
  siteUrl: string;
  loadLayout: LayoutLoader;
}

const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const ERROR_TEMPLATES = new Set([400, 403, 404, 405, 413, 422, 429, 500, 503]);

/** Normalises anything thrown into a status, a public message and optional field errors. */
function describe(error: unknown): { status: number; message: string; code?: string; fields?: Record<string, string[]>; unexpected: boolean } {
  const appError = toAppError(error);
  if (appError) return { status: appError.status, message: appError.message, code: appError.code, fields: appError.fields, unexpected: false };
  if (error instanceof HTTPException) return { status: error.status, message: error.message || "Request failed.", unexpected: false };
  return { status: 500, message: "Something went wrong on our side. The error has been logged.", unexpected: true };
}

/**
 * The page of last resort: a fresh Response that reads nothing from the request and
 * carries none of the headers set so far, so it cannot fail however bad the URL was.
 */
function bareErrorPage(status: number): Response {
  const text = status === 404 ? "Page not found." : status < 500 ? "The request could not be processed." : "Something went wrong.";
  const html = `<!doctype html><html lang="en"><title>Error ${status}</title><h1>Error ${status}</h1><p>${text}</p></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=UTF-8", "Cache-Control": "no-store" } });
}

async function renderErrorPage(c: Context<AppEnv>, options: RenderOptions, status: number, message: string): Promise<Response> {
  const template = `errors/${ERROR_TEMPLATES.has(status) ? status : status >= 500 ? 500 : 400}.njk`;
  try {
    const html = await renderPage(c, options, template, { status, message, body_class: "python default-page" });
    return c.html(html, status as ContentfulStatusCode);
  } catch (renderError) {
    // The layout itself failed (database down?): answer without it.
    c.get("logger")?.error({ err: renderError }, "error page failed to render");
    return bareErrorPage(status);
  }
}

export function errorHandler(options: RenderOptions): ErrorHandler<AppEnv> {
  return async (error, c) => {
    const { status, message, code, fields, unexpected } = describe(error);
    try {
      if (unexpected) c.get("logger")?.error({ err: error, path: c.req.path }, "unhandled error");
      if (status === 503) {
        // A backing service is down: ask to come back later, and let no cache keep the refusal.
        c.header("Retry-After", "30");
        c.header("Cache-Control", "no-store");
      }
      if (isApiPath(c.req.path)) return problemResponse(c, status, message, { code, fields });
      return await renderErrorPage(c, options, status, message);
    } catch (handlerError) {
      c.get("logger")?.error({ err: handlerError }, "error handler failed");
      return bareErrorPage(status);
    }
  };
}

/** A last chance before the 404 (editor redirects, CMS pages): a response, or null to pass. */
export type NotFoundFallback = (c: Context<AppEnv>) => Promise<Response | null>;

/**
 * The 404 path of legacy urls.md §1, for every path, /api/ included: `fallbacks` in order
 * (the editor redirect table, then the CMS page at the path), then Django's APPEND_SLASH
 * (site/append-slash.ts), then the 404 page (problem details under /api/).
 */
export function notFoundHandler(options: RenderOptions, routeExists: RouteMatcher, fallbacks: NotFoundFallback[] = []): NotFoundHandler<AppEnv> {
  return async (c) => {
    const path = c.req.path;
    // No page, redirect or route has a control character in its path: skip the look-ups.
    const storable = !CONTROL_CHARACTER.test(path);
    for (const fallback of storable ? fallbacks : []) {
      const response = await fallback(c);
      if (response) return response;
    }
    const slashed = appendSlashLocation(c, routeExists);
    if (slashed) return c.redirect(slashed, 301);
    if (isApiPath(path)) return problemResponse(c, 404, `Nothing is at ${path}.`);
    c.header("Cache-Control", "max-age=300");
    return renderErrorPage(c, options, 404, `Nothing is at ${path}.`);
  };
}
