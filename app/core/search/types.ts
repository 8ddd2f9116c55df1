// Site search behind one interface: Meilisearch when MEILI_URL is set, PostgreSQL
// full-text search otherwise. Domains map their records to SearchDocument in their
// own search.ts; this module never knows about domain tables.

/** One searchable thing. `id` is `<type>-<primary key>`, e.g. `release-774`. */
export interface SearchDocument {
  id: string;
  /** Facet shown on the search page: "page", "release", "event", "job", … */
  type: string;
  title: string;
  /** Headings of the document, ranked between title and body. */
  headings?: string;
  /** Plain text (no markup) of the body. */
  body: string;
  /** Site-relative URL of the document, e.g. `/downloads/release/python-3140/`. */
  url: string;
  /** Optional section facet, e.g. the first path segment of a CMS page. */
  section?: string;
  /** Publication or start date; newer documents win ties. */
  date?: Date;
}

export interface SearchQuery {
  q: string;
  /** Restrict to these types (facet filter). */
  types?: string[];
  /** 1-based page number. */
  page?: number;
  perPage?: number;
}

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  url: string;
  /** Escaped HTML whose only markup is <mark>…</mark> around matched words. */
  titleHtml: string;
  /** Escaped HTML excerpt of the body, matches wrapped in <mark>. */
  excerptHtml: string;
  date?: Date;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  page: number;
  perPage: number;
  /** Number of matching documents per type, for facet links (ignores the `types` filter). */
  facets: Record<string, number>;
}

export interface SearchIndex {
  readonly kind: "postgres" | "meilisearch";
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResults>;
  /**
   * Rebuilds the whole index from `batches` without downtime: documents go into a
   * new index aside, which replaces the live one only once complete.
   */
  rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<{ documents: number }>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
