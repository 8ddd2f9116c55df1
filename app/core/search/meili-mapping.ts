// Pure translation between our search types and Meilisearch's: index settings,
// stored documents, search requests and hits. No network here, so it is unit-tested
// without a server.
import type { Hit, SearchParams, Settings } from "meilisearch";
import { cleanIndexedText, HIGHLIGHT_END, HIGHLIGHT_START, markedTextToHtml } from "./highlight.ts";
import type { Paging } from "./query.ts";
import type { SearchDocument, SearchHit } from "./types.ts";

/** A SearchDocument as stored in Meilisearch: `date` is a unix timestamp in seconds so it can be sorted. */
export interface MeiliDocument {
  id: string;
  type: string;
  title: string;
  headings: string;
  body: string;
  url: string;
  section: string | null;
  date: number | null;
}

/** Index settings, applied before the first write to an index. */
export const MEILI_SETTINGS: Settings = {
  searchableAttributes: ["title", "headings", "body"],
  filterableAttributes: ["type", "section"],
  sortableAttributes: ["date"],
  // Meilisearch's default rules, then newest first on ties (as the PostgreSQL backend does).
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "date:desc"],
  // A typo must never turn 3.13.1 into 3.13.2.
  typoTolerance: { disableOnNumbers: true },
};

/** Excerpt length in words, close to the PostgreSQL backend's two fragments. */
export const CROP_LENGTH = 30;

/** The stored form of `document`, with dates as unix seconds and highlight markers removed. */
export function toMeiliDocument(document: SearchDocument): MeiliDocument {
  return {
    id: document.id,
    type: document.type,
    title: cleanIndexedText(document.title),
    headings: cleanIndexedText(document.headings ?? ""),
    body: cleanIndexedText(document.body),
    url: document.url,
    section: document.section ?? null,
    date: document.date ? Math.floor(document.date.getTime() / 1000) : null,
  };
}

/** A Meilisearch filter matching any of `types`, each value quoted and escaped. */
export function typeFilter(types: string[]): string {
  const values = types.map((type) => `"${type.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
  return `type IN [${values.join(", ")}]`;
}

/** Parameters of the search that returns the page of hits (filtered by `types` when given). */
export function hitsSearchParams(paging: Paging, types: string[] | undefined): SearchParams {
  return {
    page: paging.page,
    hitsPerPage: paging.perPage,
    ...(types ? { filter: typeFilter(types) } : { facets: ["type"] }),
    // Every word must match, as in the PostgreSQL backend.
    matchingStrategy: "all",
    attributesToHighlight: ["title", "body"],
    attributesToCrop: ["body"],
    cropLength: CROP_LENGTH,
    cropMarker: "…",
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
  };
}

/** Parameters of the unfiltered search that only counts matches per type (facets ignore the type filter). */
export function facetSearchParams(): SearchParams {
  return { page: 1, hitsPerPage: 0, facets: ["type"], matchingStrategy: "all" };
}

/** Our SearchHit for a Meilisearch hit, its highlights converted to escaped `<mark>` HTML. */
export function toSearchHit(hit: Hit<MeiliDocument>): SearchHit {
  const formatted = hit._formatted ?? {};
  const result: SearchHit = {
    id: hit.id,
    type: hit.type,
    title: hit.title,
    url: hit.url,
    titleHtml: markedTextToHtml(typeof formatted.title === "string" ? formatted.title : hit.title),
    excerptHtml: markedTextToHtml(typeof formatted.body === "string" ? formatted.body : ""),
  };
  if (typeof hit.date === "number") result.date = new Date(hit.date * 1000);
  return result;
}
