// The jobs domain's search source: visible jobs, faceted as "Jobs".
import type { SearchSource } from "../../core/search/sources.ts";
import type { JobsService } from "./service.ts";
import { JOB_SEARCH_TYPE } from "./service/workflow.ts";

export function jobsSearchSource(jobs: Pick<JobsService, "jobSearchDocument" | "jobSearchDocuments">): SearchSource {
  return {
    type: JOB_SEARCH_TYPE,
    label: "Jobs",
    load: (id) => (/^\d{1,10}$/.test(id) ? jobs.jobSearchDocument({ id: Number(id) }) : Promise.resolve(null)),
    all: () => jobs.jobSearchDocuments(),
  };
}
