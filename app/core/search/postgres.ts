// Site search on PostgreSQL full-text search, used when Meilisearch is not configured.
// Documents live in `search_documents` (migration 20261123000100_search_documents),
// whose generated `search_vector` indexes each text under both the english (stemmed)
// and simple (as typed) configurations.
import type { Db } from "../db/client.ts";
import { cleanIndexedText, HIGHLIGHT_END, HIGHLIGHT_START, markedTextToHtml } from "./highlight.ts";
import { emptyResults, normalizePaging, normalizeTypes, parseSearchTerms, type Paging } from "./query.ts";
import type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResults } from "./types.ts";

const WRITE_BATCH_SIZE = 500;
// ts_headline re-parses the text it is given; excerpts come from the start of long bodies.
const HEADLINE_INPUT_LIMIT = 100_000;
const TITLE_HEADLINE_OPTIONS = `HighlightAll=true, StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;
const EXCERPT_HEADLINE_OPTIONS = `MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … ", ` + `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;

interface HitRow {
  id: string;
  type: string;
  title: string;
  url: string;
  date: Date | null;
  title_marked: string;
  excerpt_marked: string;
}

/** A SearchIndex storing its documents in `search_documents` under `indexName`; the caller owns `db`. */
export function createPostgresSearchIndex(options: { db: Db; indexName: string }): SearchIndex {
  const { db, indexName } = options;
  return {
    kind: "postgres",
    async upsert(documents) {
      await writeDocuments(db, indexName, documents);
      // A rebuild running now would swap in its own copy: give it this change too.
      if (await rebuildInProgress(db, indexName)) await writeDocuments(db, buildingName(indexName), documents);
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await db.$executeRaw`DELETE FROM search_documents
        WHERE index_name IN (${indexName}, ${buildingName(indexName)}) AND id = ANY(${ids}::text[])`;
    },
    search: (query) => searchDocuments(db, indexName, query),
    rebuild: (batches) => rebuildIndex(db, indexName, batches),
    async ping() {
      try {
        await db.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {},
  };
}

/**
 * tsquery source text matching every term, each single-quoted so to_tsquery reads it
 * as a literal; with `prefix`, each term also matches longer words ("asyn" → asyncio).
 */
export function toTsqueryText(terms: string[], options: { prefix: boolean }): string {
  const suffix = options.prefix ? ":*" : "";
  return terms.map((term) => `'${term.replaceAll("\\", "\\\\").replaceAll("'", "''")}'${suffix}`).join(" & ");
}

async function searchDocuments(db: Db, indexName: string, query: SearchQuery): Promise<SearchResults> {
  const paging = normalizePaging(query);
  const terms = parseSearchTerms(query.q);
  if (terms.length === 0) return emptyResults(paging);
  const prefixText = toTsqueryText(terms, { prefix: true });
  const exactText = toTsqueryText(terms, { prefix: false });
  const types = normalizeTypes(query.types) ?? null;
  const [facets, rows] = await Promise.all([countByType(db, indexName, prefixText), findPage(db, { indexName, prefixText, exactText, types, paging })]);
  const total = types ? types.reduce((sum, type) => sum + (facets[type] ?? 0), 0) : sumValues(facets);
  return { hits: rows.map(toHit), total, page: paging.page, perPage: paging.perPage, facets };
}

async function countByType(db: Db, indexName: string, prefixText: string): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<Array<{ type: string; count: number }>>`
    WITH q AS (SELECT to_tsquery('english', ${prefixText}) || to_tsquery('simple', ${prefixText}) AS query)
    SELECT d.type, count(*)::int AS count
    FROM search_documents d CROSS JOIN q
    WHERE d.index_name = ${indexName} AND d.search_vector @@ q.query
    GROUP BY d.type`;
  return Object.fromEntries(rows.map((row) => [row.type, row.count]));
}

// Order: documents whose title alone matches every word first, then cover density
// (plus a bonus for words matched exactly rather than as a prefix, so "3.13.1" beats
// "3.13.10"), then newest. Headlines are computed only for the page's rows.
async function findPage(db: Db, args: { indexName: string; prefixText: string; exactText: string; types: string[] | null; paging: Paging }): Promise<HitRow[]> {
  const { indexName, prefixText, exactText, types, paging } = args;
  return db.$queryRaw<HitRow[]>`
    WITH q AS (
      SELECT to_tsquery('english', ${prefixText}) || to_tsquery('simple', ${prefixText}) AS query,
             to_tsquery('english', ${exactText}) || to_tsquery('simple', ${exactText}) AS exact
    ), ranked AS (
      SELECT d.id, d.type, d.title, d.url, d.date, d.body,
             ts_filter(d.search_vector, '{a}') @@ q.query AS title_match,
             ts_rank_cd(d.search_vector, q.query, 32) + ts_rank_cd(d.search_vector, q.exact, 32) AS rank
      FROM search_documents d CROSS JOIN q
      WHERE d.index_name = ${indexName} AND d.search_vector @@ q.query
        AND (${types}::text[] IS NULL OR d.type = ANY(${types}::text[]))
      ORDER BY title_match DESC, rank DESC, d.date DESC NULLS LAST, d.id
      LIMIT ${paging.perPage}::int OFFSET ${paging.offset}::int
    )
    SELECT r.id, r.type, r.title, r.url, r.date,
           ts_headline('english', r.title, q.query, ${TITLE_HEADLINE_OPTIONS}) AS title_marked,
           ts_headline('english', left(r.body, ${HEADLINE_INPUT_LIMIT}::int), q.query, ${EXCERPT_HEADLINE_OPTIONS}) AS excerpt_marked
    FROM ranked r CROSS JOIN q
    ORDER BY r.title_match DESC, r.rank DESC, r.date DESC NULLS LAST, r.id`;
}

function toHit(row: HitRow): SearchHit {
  const hit: SearchHit = {
    id: row.id,
    type: row.type,
    title: row.title,
    url: row.url,
    titleHtml: markedTextToHtml(row.title_marked),
    excerptHtml: markedTextToHtml(row.excerpt_marked),
  };
  if (row.date) hit.date = row.date;
  return hit;
}

async function writeDocuments(db: Db, indexName: string, documents: SearchDocument[]): Promise<void> {
  // ON CONFLICT cannot touch one row twice in a statement: the last version of an id wins.
  const latest = [...new Map(documents.map((document) => [document.id, document])).values()];
  for (let start = 0; start < latest.length; start += WRITE_BATCH_SIZE) {
    await insertBatch(db, indexName, latest.slice(start, start + WRITE_BATCH_SIZE));
  }
}

async function insertBatch(db: Db, indexName: string, documents: SearchDocument[]): Promise<void> {
  const column = (pick: (document: SearchDocument) => string) => documents.map((document) => cleanIndexedText(pick(document)));
  const sections = documents.map((document) => (document.section ? cleanIndexedText(document.section) : null));
  const dates = documents.map((document) => document.date?.toISOString() ?? null);
  await db.$executeRaw`
    INSERT INTO search_documents (index_name, id, type, title, headings, body, url, section, date)
    SELECT ${indexName}, u.id, u.type, u.title, u.headings, u.body, u.url, u.section, u.date
    FROM unnest(
      ${column((d) => d.id)}::text[], ${column((d) => d.type)}::text[], ${column((d) => d.title)}::text[],
      ${column((d) => d.headings ?? "")}::text[], ${column((d) => d.body)}::text[], ${column((d) => d.url)}::text[],
      ${sections}::text[], ${dates}::timestamptz[]
    ) AS u(id, type, title, headings, body, url, section, date)
    ON CONFLICT (index_name, id) DO UPDATE SET
      type = excluded.type, title = excluded.title, headings = excluded.headings, body = excluded.body,
      url = excluded.url, section = excluded.section, date = excluded.date`;
}

const buildingName = (indexName: string) => `${indexName}__building`;
// Marks a rebuild in progress (other processes write their changes into it too); never swapped in.
const BUILD_MARKER_ID = "__rebuild-in-progress__";

async function rebuildInProgress(db: Db, indexName: string): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ building: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM search_documents WHERE index_name = ${buildingName(indexName)} AND id = ${BUILD_MARKER_ID}) AS building`;
  return row?.building ?? false;
}

// Builds under a side name, then swaps in one transaction: readers see the old rows
// until the commit and the new rows after it, never an empty index.
async function rebuildIndex(db: Db, indexName: string, batches: AsyncIterable<SearchDocument[]>): Promise<{ documents: number }> {
  const building = buildingName(indexName);
  const clearBuilding = () => db.$executeRaw`DELETE FROM search_documents WHERE index_name = ${building}`;
  await clearBuilding();
  await db.$executeRaw`INSERT INTO search_documents (index_name, id, type, title, url) VALUES (${building}, ${BUILD_MARKER_ID}, '', '', '')`;
  try {
    for await (const batch of batches) await writeDocuments(db, building, batch);
    const [, , documents] = await db.$transaction([
      db.$executeRaw`DELETE FROM search_documents WHERE index_name = ${building} AND id = ${BUILD_MARKER_ID}`,
      db.$executeRaw`DELETE FROM search_documents WHERE index_name = ${indexName}`,
      db.$executeRaw`UPDATE search_documents SET index_name = ${indexName} WHERE index_name = ${building}`,
    ]);
    return { documents };
  } catch (error) {
    await clearBuilding().catch(() => undefined);
    throw error;
  }
}

function sumValues(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
