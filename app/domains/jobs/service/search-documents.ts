// Jobs as search documents: publicly visible jobs only (approved, not expired), so drafts,
// rejected and expired jobs never reach /search/ (legacy apps/jobs/search_indexes.py).
import type { Db } from "../../../core/db/client.ts";
import { documentId } from "../../../core/search/sources.ts";
import type { SearchDocument } from "../../../core/search/types.ts";
import { plainText, toJobView, type JobView } from "../presenters.ts";
import { jobSelect, visibleWhere } from "../queries.ts";
import { JOB_SEARCH_TYPE } from "./workflow.ts";

function toDocument(job: JobView): SearchDocument {
  return {
    id: documentId(JOB_SEARCH_TYPE, job.id),
    type: JOB_SEARCH_TYPE,
    title: `${job.jobTitle}, ${job.companyName}`,
    headings: [job.location, job.category.name, ...job.jobTypes.map((type) => type.name)].join(" "),
    body: plainText(`${job.descriptionHtml} ${job.requirementsHtml}`),
    url: job.url,
    section: "jobs",
    date: job.created,
  };
}

export function createSearchDocuments(deps: { db: Db; now: () => Date }) {
  /** The document of a visible job; null when it is not (or no longer) public. */
  async function jobSearchDocument(options: { id: number }): Promise<SearchDocument | null> {
    const row = await deps.db.job.findFirst({ where: { AND: [{ id: options.id }, visibleWhere(deps.now())] }, select: jobSelect });
    return row ? toDocument(toJobView(row, deps.now())) : null;
  }

  /** Every visible job's document, in batches ordered by id. */
  async function* jobSearchDocuments(batchSize = 200): AsyncIterable<SearchDocument[]> {
    let afterId = 0;
    for (;;) {
      const rows = await deps.db.job.findMany({ where: { AND: [{ id: { gt: afterId } }, visibleWhere(deps.now())] }, orderBy: { id: "asc" }, take: batchSize, select: jobSelect });
      if (rows.length === 0) return;
      yield rows.map((row) => toDocument(toJobView(row, deps.now())));
      afterId = rows[rows.length - 1]!.id;
    }
  }

  return { jobSearchDocument, jobSearchDocuments };
}
