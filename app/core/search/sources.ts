// How domains make their records searchable: each contributes a SearchSource (in its
// own search.ts) that maps records to SearchDocuments. The indexing task and the
// full reindex only ever talk to sources, never to domain tables.
import type { SearchDocument } from "./types.ts";

export interface SearchSource {
  /** The document type, also the facet on the search page, e.g. "release". */
  type: string;
  /** Human label for the facet, e.g. "Releases". */
  label: string;
  /** The document for one record, or null when it must not be searchable (deleted, unpublished). */
  load(id: string): Promise<SearchDocument | null>;
  /** Every searchable document, in batches, for a full rebuild. */
  all(): AsyncIterable<SearchDocument[]>;
}

/** Concatenates every source's batches, for SearchIndex.rebuild. */
export async function* allDocuments(sources: SearchSource[]): AsyncIterable<SearchDocument[]> {
  for (const source of sources) yield* source.all();
}

/** Document id convention shared by every source: `<type>-<primary key>`. */
export function documentId(type: string, id: string | number): string {
  return `${type}-${id}`;
}
