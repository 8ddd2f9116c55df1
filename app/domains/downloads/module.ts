// The downloads domain as one module: releases, their files, operating systems and
// release cycles, with the legacy APIs release tooling uploads through.
import { defineModule, definePort } from "../../core/modules/index.ts";
import { BOXES_PORT } from "../boxes/index.ts";
import { downloadsAdmin } from "./admin.ts";
import { downloadsApi, downloadsLegacyApi, downloadsOpenApi } from "./api.ts";
import { downloadsTasks } from "./jobs.ts";
import { downloadsLegacyMigrator } from "./legacy.ts";
import { downloadsRoutes } from "./routes.ts";
import { downloadsSearchSource } from "./search.ts";
import { seedDownloadsDemo } from "./seed.ts";
import { createDownloadsService, type ReleasePageResolver } from "./service.ts";

/** Paths of the CMS pages linked as release pages; the pages domain binds it. */
export const RELEASE_PAGES_PORT = definePort<ReleasePageResolver>("downloads.release-pages");

export const downloadsModule = defineModule({
  name: "downloads",
  uses: [BOXES_PORT, RELEASE_PAGES_PORT],
  createService: ({ deps, use }) => createDownloadsService({ ...deps, releasePages: use(RELEASE_PAGES_PORT) }),
  routes: ({ service, web, use }) => [{ path: "/", app: downloadsRoutes({ downloads: service, boxes: use(BOXES_PORT) }, web) }],
  api: { routes: ({ service, web }) => downloadsApi(service, web), legacyResources: downloadsLegacyApi, openApi: downloadsOpenApi },
  admin: ({ service }) => downloadsAdmin(service),
  search: ({ service }) => [downloadsSearchSource(service)],
  markup: ({ service }) => [service.markupTarget],
  tasks: ({ service, deps, use }) => downloadsTasks({ downloads: service, boxes: use(BOXES_PORT), cdn: deps.cdn ?? undefined }),
  legacy: { migrators: [downloadsLegacyMigrator] },
  seed: ({ service }) => seedDownloadsDemo(service),
  templates: "downloads",
  bench: {
    // The pages a release changes at once, the newest release's page, the feed and the API lists release tooling reads.
    paths: async (service) => {
      const latest = await service.latestReleaseUrl({ kind: "python3" });
      return ["/downloads/", ...(latest ? [new URL(latest, "http://localhost").pathname] : []), "/api/v2/downloads/release/", "/api/v3/downloads/releases/", "/downloads/feed.rss"];
    },
  },
});
