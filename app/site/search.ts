// `/search/?q=` (legacy haystack URL): a GET form that works without JavaScript, with
// type facets, highlighted excerpts, pagination and a link to the documentation search
// (legacy PR #2718). 20 results per page, as haystack's default; "No results found." when
// a query finds nothing, and a 404 for a `page` that is not a page (search-page.ts).
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../core/errors.ts";
import type { AppEnv } from "../core/http/env.ts";
import type { SearchSource } from "../core/search/sources.ts";
import type { SearchIndex } from "../core/search/types.ts";
import { requestedPage } from "./search-page.ts";

export const RESULTS_PER_PAGE = 20;
export const MAX_QUERY_LENGTH = 500;

const SearchParams = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`).default(""),
  type: z.string().max(64).optional(),
});

function pageUrl(q: string, type: string | undefined, page: number): string {
  const params = new URLSearchParams({ q });
  if (type) params.set("type", type);
  if (page > 1) params.set("page", String(page));
  return `/search/?${params}`;
}

export function searchRoutes(deps: { search: SearchIndex; sources: () => SearchSource[] }) {
  const app = new Hono<AppEnv>();
  app.get("/search/", async (c) => {
    const url = new URL(c.req.url);
    const raw = { q: url.searchParams.get("q") ?? undefined, type: url.searchParams.get("type") ?? undefined };
    const parsed = SearchParams.safeParse(raw);
    const base = { title: "Search", body_class: "python search", docs_search_url: "https://docs.python.org/3/search.html", labels: typeLabels(deps.sources()) };
    if (!parsed.success) {
      c.status(400);
      return c.render("search/results.njk", { ...base, q: (raw.q ?? "").slice(0, MAX_QUERY_LENGTH), error: parsed.error.issues[0]?.message });
    }
    const { q, type } = parsed.data;
    const page = requestedPage(url.searchParams.get("page"));
    if (q.trim() === "") {
      // No query, no results: like any empty list, only page 1 exists.
      if (page > 1) throw new AppError("NOT_FOUND", "No such page!");
      return c.render("search/results.njk", { ...base, q, results: null });
    }
    const results = await deps.search.search({ q, types: type ? [type] : undefined, page, perPage: RESULTS_PER_PAGE });
    const pages = Math.ceil(results.total / RESULTS_PER_PAGE);
    if (page > Math.max(1, pages)) throw new AppError("NOT_FOUND", "No such page!");
    // Search pages are not worth indexing by crawlers and vary per query.
    c.header("X-Robots-Tag", "noindex");
    return c.render("search/results.njk", {
      ...base,
      title: `Search results for “${q}”`,
      q,
      type,
      results,
      facets: Object.entries(results.facets)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, count]) => ({ name, count, url: pageUrl(q, name, 1), active: name === type })),
      all_url: pageUrl(q, undefined, 1),
      previous_url: page > 1 ? pageUrl(q, type, page - 1) : null,
      next_url: page < pages ? pageUrl(q, type, page + 1) : null,
      page,
      pages,
    });
  });
  return app;
}

function typeLabels(sources: SearchSource[]): Record<string, string> {
  return Object.fromEntries(sources.map((source) => [source.type, source.label]));
}
