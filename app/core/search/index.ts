// Picks the search backend from configuration: Meilisearch when MEILI_URL is set,
// PostgreSQL full-text search otherwise.
import type { Db } from "../db/client.ts";
import { createMeiliSearchIndex } from "./meili.ts";
import { createPostgresSearchIndex } from "./postgres.ts";
import type { SearchIndex } from "./types.ts";

export type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResults } from "./types.ts";

export function createSearchIndex(options: { db: Db; meiliUrl?: string; meiliKey?: string; indexName: string }): SearchIndex {
  if (options.meiliUrl) {
    return createMeiliSearchIndex({ host: options.meiliUrl, apiKey: options.meiliKey, indexName: options.indexName });
  }
  return createPostgresSearchIndex({ db: options.db, indexName: options.indexName });
}
