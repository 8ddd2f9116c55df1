// Legacy migrator steps for pages_page, pages_image and pages_documentfile
// (python/pythondotorg:apps/pages/models.py). Ids, paths and file names are kept byte for
// byte (a unicode path that predates the path validator included); markup is carried as
// legacy stored it, `_content_rendered` HTML included: it is sanitised on output, never trusted.
import { clearMissingAuthors, CONTENT_MANAGEABLE_COLUMNS, contentManageableFields } from "../../../core/legacy/content-manageable.ts";
import { existingIds, syncRows, takenByOthers, type TargetRow } from "../../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, MigrationStep } from "../../../core/legacy/types.ts";

const PAGE_COLUMNS = [
  "title",
  "keywords",
  "description",
  "path",
  "content",
  "content_markup_type",
  "content_rendered",
  "is_published",
  "content_type",
  "template_name",
  ...CONTENT_MANAGEABLE_COLUMNS,
];

function toPage(row: LegacyRow): TargetRow {
  return {
    id: row.id,
    title: row.title,
    keywords: row.keywords,
    description: row.description,
    path: row.path,
    content: row.content,
    content_markup_type: row.content_markup_type,
    content_rendered: row._content_rendered,
    is_published: row.is_published,
    content_type: row.content_type,
    template_name: row.template_name,
    ...contentManageableFields(row),
  };
}

async function writePages(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const pages = rows.map(toPage);
  await clearMissingAuthors(ctx, pages);
  const taken = await takenByOthers(ctx.target, { table: "pages", columns: ["path"], key: "id" }, pages);
  if (taken.size > 0) ctx.tally.skip("path already used by another page on the new site", taken.size);
  await syncRows(
    ctx,
    { table: "pages", key: ["id"], columns: PAGE_COLUMNS },
    pages.filter((page) => !taken.has(page)),
  );
}

/** Images and documents: the stored file name is the storage key, kept as is. */
function attachmentWriter(table: "page_images" | "page_documents", column: "image" | "document") {
  return async (rows: LegacyRow[], ctx: BatchContext): Promise<void> => {
    const pages = await existingIds(
      ctx.target,
      "pages",
      rows.map((row) => row.page_id as number),
    );
    const kept = rows.filter((row) => pages.has(row.page_id as number));
    if (kept.length < rows.length) ctx.tally.skip("page not on the new site (skipped above)", rows.length - kept.length);
    const files = kept.map((row) => ({ id: row.id, page_id: row.page_id, file: row[column] }));
    await syncRows(ctx, { table, key: ["id"], columns: ["page_id", "file"] }, files);
  };
}

/** Pages, then their images and documents (after users: creator and last editor). */
export const pageSteps: MigrationStep[] = [
  { table: "pages_page", target: "pages", query: `SELECT p.id AS key, p.* FROM pages_page AS p`, sequences: ["pages"], write: writePages },
  {
    table: "pages_image",
    target: "page_images",
    query: `SELECT i.id AS key, i.* FROM pages_image AS i`,
    sequences: ["page_images"],
    write: attachmentWriter("page_images", "image"),
  },
  {
    table: "pages_documentfile",
    target: "page_documents",
    query: `SELECT d.id AS key, d.* FROM pages_documentfile AS d`,
    sequences: ["page_documents"],
    write: attachmentWriter("page_documents", "document"),
  },
];
