// Releases as search documents: published releases only, titled by name so that version
// strings match exactly, dated by release so the newest wins ties (legacy search_indexes.py).
import { documentId } from "../../../core/search/sources.ts";
import type { SearchDocument } from "../../../core/search/types.ts";
import { SEARCH_TYPE } from "./effects.ts";
import { releaseSelect, type ReleaseView } from "../queries.ts";
import { versionNumber } from "../schemas/versions.ts";
import type { DownloadsContext } from "./context.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };

/** The text of sanitised HTML: tags dropped, common entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

function toDocument(release: ReleaseView): SearchDocument {
  return {
    id: documentId(SEARCH_TYPE, release.id),
    type: SEARCH_TYPE,
    title: release.name,
    headings: versionNumber(release.name),
    body: plainText(release.contentHtml),
    url: release.url,
    section: "downloads",
    date: release.releaseDate,
  };
}

export function createSearchDocuments(ctx: DownloadsContext) {
  /** The search document of a published release; null when unpublished or gone. */
  async function releaseSearchDocument(options: { id: number }): Promise<SearchDocument | null> {
    const row = await ctx.db.release.findFirst({ where: { id: options.id, isPublished: true }, select: releaseSelect });
    if (!row) return null;
    const [view] = await ctx.toViews([row]);
    return toDocument(view!);
  }

  /** Every published release's document, in batches ordered by id. */
  async function* releaseSearchDocuments(batchSize = 200): AsyncIterable<SearchDocument[]> {
    let afterId = 0;
    for (;;) {
      const rows = await ctx.db.release.findMany({ where: { isPublished: true, id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, select: releaseSelect });
      if (rows.length === 0) return;
      yield (await ctx.toViews(rows)).map(toDocument);
      afterId = rows[rows.length - 1]!.id;
    }
  }

  return { releaseSearchDocument, releaseSearchDocuments };
}
