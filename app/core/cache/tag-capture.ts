// Records which cache tags, at which versions, a piece of work read through the data
// cache, so the response built from that data can be stored under the same tags. The
// versions are those read before the data was, so an invalidation that races the work
// always leaves the stored response stale rather than the other way round.
import { AsyncLocalStorage } from "node:async_hooks";

/** Tag → the version it had when first read during the work. */
export type TagVersions = Map<string, string>;

const collector = new AsyncLocalStorage<TagVersions>();

/** Runs the work with a fresh collector and returns what it read. */
export async function captureTagVersions<T>(work: () => Promise<T>): Promise<{ result: T; versions: TagVersions }> {
  const versions: TagVersions = new Map();
  const result = await collector.run(versions, work);
  return { result, versions };
}

/** Called by the cache when it reads tag versions; a no-op outside `captureTagVersions`. */
export function recordTagVersions(tags: readonly string[], versions: readonly (string | null)[]): void {
  const current = collector.getStore();
  if (!current) return;
  tags.forEach((tag, index) => {
    // The first read wins: it happened before the data it guards was read.
    if (!current.has(tag)) current.set(tag, versions[index] ?? "0");
  });
}
