// Site search on Meilisearch (used when MEILI_URL is set). Writes wait for their
// task so a failed write fails the calling job, which then retries.
import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type MultiSearchParams, type MultiSearchQuery, type SearchResponse } from "meilisearch";
import { facetSearchParams, hitsSearchParams, MEILI_SETTINGS, toMeiliDocument, toSearchHit, type MeiliDocument } from "./meili-mapping.ts";
import { emptyResults, normalizePaging, normalizeTypes, parseSearchTerms } from "./query.ts";
import type { SearchDocument, SearchIndex, SearchQuery, SearchResults } from "./types.ts";

const REQUEST_TIMEOUT_MS = 10_000;
const TASK_TIMEOUT_MS = 120_000;

/** A SearchIndex on the Meilisearch index `indexName`, created with our settings on first write. */
export function createMeiliSearchIndex(options: { host: string; apiKey?: string; indexName: string }): SearchIndex {
  const { indexName } = options;
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: REQUEST_TIMEOUT_MS });
  const prepared = new Map<string, Promise<void>>();

  // Settings go on before the first document, so nothing is indexed twice.
  function prepareIndex(uid: string): Promise<void> {
    let ready = prepared.get(uid);
    if (!ready) {
      ready = (async () => {
        await waitForTask(client.createIndex(uid, { primaryKey: "id" }), ["index_already_exists"]);
        await waitForTask(client.index(uid).updateSettings(MEILI_SETTINGS));
      })();
      ready.catch(() => prepared.delete(uid));
      prepared.set(uid, ready);
    }
    return ready;
  }

  async function addDocuments(uid: string, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await prepareIndex(uid);
    await waitForTask(client.index<MeiliDocument>(uid).addDocuments(documents.map(toMeiliDocument), { primaryKey: "id" }));
  }

  async function deleteIndex(uid: string): Promise<void> {
    prepared.delete(uid);
    await waitForTask(client.deleteIndex(uid), ["index_not_found"]);
  }

  return {
    kind: "meilisearch",
    upsert: (documents) => describeFailure("upsert", () => addDocuments(indexName, documents)),
    remove: (ids) =>
      describeFailure("remove", async () => {
        if (ids.length === 0) return;
        await waitForTask(client.index(indexName).deleteDocuments(ids), ["index_not_found"]);
      }),
    search: (query) => describeFailure("search", () => searchIndex(client, indexName, query)),
    rebuild: (batches) =>
      describeFailure("rebuild", async () => {
        const building = `${indexName}_tmp`;
        await deleteIndex(building);
        await prepareIndex(building);
        for await (const batch of batches) await addDocuments(building, batch);
        const { numberOfDocuments } = await client.index(building).getStats();
        await prepareIndex(indexName);
        await waitForTask(client.swapIndexes([{ indexes: [indexName, building], rename: false }]));
        await deleteIndex(building);
        return { documents: numberOfDocuments };
      }),
    async ping() {
      try {
        return (await client.health()).status === "available";
      } catch {
        return false;
      }
    },
    async close() {},
  };
}

async function searchIndex(client: Meilisearch, indexName: string, query: SearchQuery): Promise<SearchResults> {
  const paging = normalizePaging(query);
  const terms = parseSearchTerms(query.q);
  if (terms.length === 0) return emptyResults(paging);
  const q = terms.join(" ");
  const types = normalizeTypes(query.types);
  const queries: MultiSearchQuery[] = [{ indexUid: indexName, q, ...hitsSearchParams(paging, types) }];
  if (types) queries.push({ indexUid: indexName, q, ...facetSearchParams() });
  let results: Array<SearchResponse<MeiliDocument>>;
  try {
    ({ results } = await client.multiSearch<MultiSearchParams, MeiliDocument>({ queries }));
  } catch (error) {
    // An index that has never been written to simply has no documents yet.
    if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return emptyResults(paging);
    throw error;
  }
  const [hits, facetCounts = hits] = results;
  if (!hits || !facetCounts) throw new Error("Meilisearch returned fewer results than queries");
  return {
    hits: hits.hits.map(toSearchHit),
    total: hits.totalHits ?? hits.estimatedTotalHits ?? 0,
    page: paging.page,
    perPage: paging.perPage,
    facets: { ...facetCounts.facetDistribution?.type },
  };
}

/** Waits for a Meilisearch task; throws unless it succeeded or failed with one of `toleratedCodes`. */
async function waitForTask(enqueued: EnqueuedTaskPromise, toleratedCodes: string[] = []): Promise<void> {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status === "succeeded") return;
  if (task.status === "failed" && task.error && toleratedCodes.includes(task.error.code)) return;
  const reason = task.error ? `${task.error.message} (${task.error.code})` : `task ended as ${task.status}`;
  throw new Error(`task ${task.uid} (${task.type} on ${task.indexUid ?? "no index"}): ${reason}`);
}

/** Runs `action`, rethrowing Meilisearch client errors as Errors that say what failed and why. */
async function describeFailure<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toSearchError(action, error);
  }
}

function toSearchError(action: string, error: unknown): Error {
  let detail = error instanceof Error ? error.message : String(error);
  if (error instanceof MeilisearchApiError) {
    detail = error.cause ? `${error.cause.message} (${error.cause.code})` : `HTTP ${error.response.status}`;
  }
  return new Error(`Meilisearch ${action} failed: ${detail}`, { cause: error });
}
