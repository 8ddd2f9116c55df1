// `search.index-document`: re-reads one record through its source and updates or
// removes its document. Services enqueue it after a write with jobKey
// `search:<type>:<id>`, so a burst of edits collapses into one indexing run.
import { z } from "zod";
import { defineTask, type JobQueue, type SqlExecutor, type TaskDefinition } from "../jobs/types.ts";
import { documentId, type SearchSource } from "./sources.ts";
import type { SearchIndex } from "./types.ts";

export const INDEX_DOCUMENT_TASK = "search.index-document";

const IndexDocumentPayload = z.object({ type: z.string().min(1).max(64), id: z.string().min(1).max(100) });

export function searchTasks(deps: { search: SearchIndex; sources: SearchSource[] }): TaskDefinition[] {
  return [
    defineTask({
      name: INDEX_DOCUMENT_TASK,
      payload: IndexDocumentPayload,
      async run(payload, context) {
        const source = deps.sources.find((candidate) => candidate.type === payload.type);
        if (!source) {
          context.logger.warn({ type: payload.type }, "no search source for this type; nothing indexed");
          return;
        }
        const document = await source.load(payload.id);
        if (document) await deps.search.upsert([document]);
        else await deps.search.remove([documentId(payload.type, payload.id)]);
      },
    }),
  ];
}

/** Enqueues (re)indexing of one record, inside `tx` when given so it follows the commit. */
export async function enqueueIndexing(jobs: JobQueue, record: { type: string; id: string | number }, tx?: SqlExecutor): Promise<void> {
  const payload = { type: record.type, id: String(record.id) };
  const options = { jobKey: `search:${record.type}:${record.id}`, maxAttempts: 10 };
  if (tx) await jobs.addWith(tx, INDEX_DOCUMENT_TASK, payload, options);
  else await jobs.add(INDEX_DOCUMENT_TASK, payload, options);
}
