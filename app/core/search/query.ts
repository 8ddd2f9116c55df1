// Turns what a visitor typed into something both backends can search safely: a short
// list of plain word tokens and sane paging. Anything else in the input (operators,
// quotes, emoji, control characters, lone surrogates) is dropped, never interpreted.
import { cleanIndexedText } from "./highlight.ts";
import type { SearchQuery, SearchResults } from "./types.ts";

export const MAX_TERMS = 32;
export const MAX_TERM_LENGTH = 64;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
// Deeper pages are never useful and Meilisearch stops counting at 1000 hits by default.
export const MAX_PAGE = 1000;
// Longer input cannot contribute more than MAX_TERMS terms anyway.
const MAX_INPUT_LENGTH = MAX_TERMS * (MAX_TERM_LENGTH + 1) * 2;

// A word: letters or digits, with combining marks, joined by . _ - (so "3.13.1",
// "asyncio.run" and "pip-tools" stay one token).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[._-][\p{L}\p{M}\p{N}]+)*/gu;

/** The distinct lower-cased word tokens of `q`, at most MAX_TERMS of at most MAX_TERM_LENGTH code points. */
export function parseSearchTerms(q: string): string[] {
  const words = q.slice(0, MAX_INPUT_LENGTH).normalize("NFKC").toLowerCase().match(WORD) ?? [];
  const terms = new Set<string>();
  for (const word of words) {
    const term = Array.from(word)
      .slice(0, MAX_TERM_LENGTH)
      .join("")
      .replace(/[._-]+$/, "");
    if (term) terms.add(term);
    if (terms.size === MAX_TERMS) break;
  }
  return [...terms];
}

export interface Paging {
  page: number;
  perPage: number;
  offset: number;
}

/** 1-based page and page size clamped to what the backends accept. */
export function normalizePaging(query: Pick<SearchQuery, "page" | "perPage">): Paging {
  const page = clampInteger(query.page, 1, MAX_PAGE, 1);
  const perPage = clampInteger(query.perPage, 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
  return { page, perPage, offset: (page - 1) * perPage };
}

/** The type filter, or undefined when there is none (an empty list means no filter). */
export function normalizeTypes(types: string[] | undefined): string[] | undefined {
  const cleaned = (types ?? []).map((type) => cleanIndexedText(type).slice(0, MAX_TERM_LENGTH)).filter((type) => type !== "");
  const distinct = [...new Set(cleaned)].slice(0, MAX_TERMS);
  return distinct.length > 0 ? distinct : undefined;
}

/** Results with no hits, for queries that contain no searchable word. */
export function emptyResults(paging: Paging): SearchResults {
  return { hits: [], total: 0, page: paging.page, perPage: paging.perPage, facets: {} };
}

function clampInteger(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
