// Legacy migrator for boxes_box (python/pythondotorg:apps/boxes/models.py). Markup is
// carried as legacy stored it: source, markup type and the cached `_content_rendered`
// HTML, which is not trustworthy (README "Legacy quirks") and is sanitised on output.
import { clearMissingAuthors, CONTENT_MANAGEABLE_COLUMNS, contentManageableFields } from "../../core/legacy/content-manageable.ts";
import { syncRows, takenByOthers, type TargetRow } from "../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, Migrator } from "../../core/legacy/types.ts";

const BOX_COLUMNS = ["label", "content", "content_markup_type", "content_rendered", ...CONTENT_MANAGEABLE_COLUMNS];

function toBox(row: LegacyRow): TargetRow {
  return {
    id: row.id,
    label: row.label,
    content: row.content,
    content_markup_type: row.content_markup_type,
    content_rendered: row._content_rendered,
    ...contentManageableFields(row),
  };
}

async function writeBoxes(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const boxes = rows.map(toBox);
  await clearMissingAuthors(ctx, boxes);
  const taken = await takenByOthers(ctx.target, { table: "boxes", columns: ["label"], key: "id" }, boxes);
  if (taken.size > 0) ctx.tally.skip("label already used by another box on the new site", taken.size);
  await syncRows(
    ctx,
    { table: "boxes", key: ["id"], columns: BOX_COLUMNS },
    boxes.filter((box) => !taken.has(box)),
  );
}

/** Boxes, after users (creator and last editor). */
export const boxesLegacyMigrator: Migrator = {
  name: "boxes",
  dependsOn: ["users"],
  steps: [
    {
      table: "boxes_box",
      target: "boxes",
      query: `SELECT b.id AS key, b.* FROM boxes_box AS b`,
      sequences: ["boxes"],
      write: writeBoxes,
    },
  ],
};
