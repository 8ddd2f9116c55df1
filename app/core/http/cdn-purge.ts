// The CDN purge hook. Legacy purged Fastly by surrogate key (fastly/utils.py,
// purge_surrogate_key); here any CDN with Fastly's purge API shape will do:
// POST <CDN_PURGE_URL> with {"surrogate_keys": [...]} and the token as `Fastly-Key`.
// Every cache invalidation queues one (the cache tags are the responses' surrogate keys).
import { z } from "zod";
import { defineTask, type JobQueue, type TaskDefinition } from "../jobs/types.ts";
import type { Logger } from "../logging/logger.ts";
import { surrogateKeyOf } from "./security-headers.ts";

export interface CdnPurger {
  purge(keys: string[]): Promise<void>;
}

/** A purger for Fastly's bulk purge endpoint, e.g. https://api.fastly.com/service/<id>/purge. */
export function createCdnPurger(options: { url: string; token?: string; fetch?: typeof fetch; timeoutMs?: number }): CdnPurger {
  const send = options.fetch ?? fetch;
  return {
    async purge(keys) {
      const response = await send(options.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          ...(options.token ? { "Fastly-Key": options.token } : {}),
        },
        body: JSON.stringify({ surrogate_keys: keys }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      // A failed purge must be retried (the job fails), or pages stay stale until they expire.
      if (!response.ok) throw new Error(`CDN purge failed with HTTP ${response.status}`);
    },
  };
}

/** Job names are a public contract: never rename one. */
export const CDN_PURGE_TASK = "cache.purge-cdn";
const PurgeKeysSchema = z.object({ keys: z.array(z.string().min(1).max(64)).min(1).max(256) });

/** Queues a purge of these cache tags' surrogate keys; a failure to queue is logged, the write already happened. */
export async function queueCdnPurge(jobs: JobQueue, tags: readonly string[], logger: Pick<Logger, "warn">): Promise<void> {
  const keys = [...new Set(tags.map(surrogateKeyOf).filter((key): key is string => key !== null))].sort();
  if (keys.length === 0) return;
  await jobs
    .add(CDN_PURGE_TASK, { keys: keys.slice(0, 256) }, { jobKey: `cdn-purge:${keys.join(",")}`.slice(0, 200), maxAttempts: 8 })
    .catch((error: unknown) => logger.warn({ err: error, keys }, "could not queue the CDN purge"));
}

export function cdnPurgeTasks(cdn: CdnPurger | null): TaskDefinition[] {
  return [
    defineTask({
      name: CDN_PURGE_TASK,
      payload: PurgeKeysSchema,
      async run(payload, context) {
        if (!cdn) {
          context.logger.info({ keys: payload.keys }, "no CDN purge hook configured (CDN_PURGE_URL unset); nothing purged");
          return;
        }
        await cdn.purge(payload.keys);
      },
    }),
  ];
}
