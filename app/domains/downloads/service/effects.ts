// What follows a write, enqueued in the write's own transaction so a rolled-back write
// leaves no job behind: the generated boxes, the search document, the CDN purge and the
// reStructuredText render. Legacy did the same in post_save signals (apps/downloads/models.py).
import type { JobQueue, SqlExecutor } from "../../../core/jobs/types.ts";
import { RENDER_RST_TASK, renderJobOptions } from "../../../core/markup/jobs.ts";
import { enqueueIndexing } from "../../../core/search/jobs.ts";

/** Job names are a public contract: never rename one. */
export const REBUILD_BOXES_TASK = "downloads.rebuild-boxes";
export const PURGE_CDN_TASK = "downloads.purge-cdn";

export const SEARCH_TYPE = "release";
export const RELEASE_CONTENT_TARGET = "downloads.release.content";

/** Surrogate keys of every downloads page, under both mounts (legacy purges the whole section). */
export const SECTION_KEYS = ["downloads", "getit"];
export const releaseKey = (id: number) => `release-${id}`;

export async function enqueueBoxesRebuild(jobs: JobQueue, tx: SqlExecutor): Promise<void> {
  await jobs.addWith(tx, REBUILD_BOXES_TASK, {}, { jobKey: "downloads:rebuild-boxes", maxAttempts: 5 });
}

export async function enqueuePurge(jobs: JobQueue, keys: string[], tx?: SqlExecutor): Promise<void> {
  const payload = { keys: [...new Set(keys)].sort() };
  const options = { jobKey: `downloads:purge:${payload.keys.join(",")}`.slice(0, 200), maxAttempts: 8 };
  if (tx) await jobs.addWith(tx, PURGE_CDN_TASK, payload, options);
  else await jobs.add(PURGE_CDN_TASK, payload, options);
}

/**
 * After a release or one of its files changed: rebuild the boxes, reindex the release and
 * purge its pages. A draft that never was published only purges its own page.
 */
export async function enqueueReleaseEffects(jobs: JobQueue, tx: SqlExecutor, release: { id: number; published: boolean }): Promise<void> {
  await enqueueBoxesRebuild(jobs, tx);
  await enqueueIndexing(jobs, { type: SEARCH_TYPE, id: release.id }, tx);
  await enqueuePurge(jobs, release.published ? SECTION_KEYS : [releaseKey(release.id)], tx);
}

/** Renders reStructuredText release notes with docutils in the background. */
export async function enqueueNotesRender(jobs: JobQueue, tx: SqlExecutor, releaseId: number): Promise<void> {
  await jobs.addWith(tx, RENDER_RST_TASK, { target: RELEASE_CONTENT_TARGET, id: String(releaseId) }, renderJobOptions(RELEASE_CONTENT_TARGET, releaseId));
}
