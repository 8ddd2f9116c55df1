// The downloads domain's search source: releases, faceted as "Releases".
import type { SearchSource } from "../../core/search/sources.ts";
import { SEARCH_TYPE } from "./service/effects.ts";
import type { DownloadsService } from "./service.ts";

export function downloadsSearchSource(downloads: Pick<DownloadsService, "releaseSearchDocument" | "releaseSearchDocuments">): SearchSource {
  return {
    type: SEARCH_TYPE,
    label: "Releases",
    load: (id) => (/^\d+$/.test(id) ? downloads.releaseSearchDocument({ id: Number(id) }) : Promise.resolve(null)),
    all: () => downloads.releaseSearchDocuments(),
  };
}
