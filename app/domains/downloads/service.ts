// The downloads service: one object every transport (pages, APIs v1/v2/v3, admin, jobs,
// migrations, seed) goes through, built from explicit dependencies.
import { defineMarkupTarget } from "../../core/markup/target.ts";
import { downloadBoxes } from "./presenters/boxes.ts";
import { enqueuePurge, RELEASE_CONTENT_TARGET } from "./service/effects.ts";
import { createCatalog } from "./service/catalog.ts";
import { createContext, type DownloadsDeps } from "./service/context.ts";
import { createDocVersions } from "./service/doc-versions.ts";
import { createFiles } from "./service/files.ts";
import { createPages } from "./service/pages.ts";
import { createReleaseEditor } from "./service/release-editor.ts";
import { createReleases } from "./service/releases.ts";
import { createSearchDocuments } from "./service/search-documents.ts";

export function createDownloadsService(deps: DownloadsDeps) {
  const ctx = createContext(deps);
  const pages = createPages(ctx);

  /** HTML of the generated boxes from fresh data; null leaves a box unchanged. */
  async function buildBoxes(): Promise<Record<string, string | null>> {
    return downloadBoxes(await pages.loadDownloadHome());
  }

  /** Enqueues a CDN purge of these surrogate keys. */
  async function purgeLater(options: { keys: string[] }): Promise<void> {
    await enqueuePurge(deps.jobs, options.keys);
  }

  /** Where the reStructuredText job reads release notes and stores their HTML. */
  const markupTarget = defineMarkupTarget({
    name: RELEASE_CONTENT_TARGET,
    read: (id) => deps.db.release.findUnique({ where: { id }, select: { content: true, contentMarkupType: true } }),
    async saveRendered(id, html) {
      await deps.db.release.update({ where: { id }, data: { contentRendered: html } });
      await ctx.invalidate();
    },
  });

  const releases = createReleases(ctx);
  return {
    ...releases,
    ...createReleaseEditor(ctx, releases),
    ...createFiles(ctx),
    ...createCatalog(ctx),
    ...pages,
    ...createDocVersions(ctx),
    ...createSearchDocuments(ctx),
    buildBoxes,
    purgeLater,
    markupTarget,
  };
}

export type DownloadsService = ReturnType<typeof createDownloadsService>;
export type { DownloadsDeps, ReleasePageChoice, ReleasePageResolver } from "./service/context.ts";
