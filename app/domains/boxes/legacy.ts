// Legacy migrator for boxes_box (python/pythondotorg:apps/boxes/models.py). Markup is
// carried as legacy stored it: source, markup type and the cached `_content_rendered`
// HTML, which is not trustworthy (README "Legacy quirks") and is sanitised on output.
import { existingIds, syncRows, takenByOthers, type TargetRow } from "../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, Migrator } from "../../core/legacy/types.ts";

const BOX_COLUMNS = ["label", "content", "content_markup_type", "content_rendered", "creator_id", "last_modified_by_id", "created", "updated"];

function toBox(row: LegacyRow): TargetRow {
  return {
    id: row.id,
    label: row.label,
    content: row.content,
    content_markup_type: row.content_markup_type,
    content_rendered: row._content_rendered,
    creator_id: row.creator_id,
    last_modified_by_id: row.last_modified_by_id,
    created: row.created,
    updated: row.updated,
  };
}

/** ContentManageable authors are CASCADE FKs in legacy; ours are SET NULL, so a missing user becomes NULL. */
async function clearMissingAuthors(ctx: BatchContext, boxes: TargetRow[]): Promise<void> {
  const ids = boxes.flatMap((box) => [box.creator_id, box.last_modified_by_id]).filter((id): id is number => typeof id === "number");
  const found = await existingIds(ctx.target, "users", ids);
  for (const box of boxes) {
    for (const column of ["creator_id", "last_modified_by_id"]) {
      if (typeof box[column] === "number" && !found.has(box[column])) {
        box[column] = null;
        ctx.tally.note(`${column} user not on the new site → NULL`);
      }
    }
  }
}

async function writeBoxes(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const boxes = rows.map(toBox);
  await clearMissingAuthors(ctx, boxes);
  const taken = await takenByOthers(ctx.target, { table: "boxes", columns: ["label"], key: "id" }, boxes);
  if (taken.size > 0) ctx.tally.skip("label already used by another box on the new site", taken.size);
  await syncRows(ctx, { table: "boxes", key: ["id"], columns: BOX_COLUMNS }, boxes.filter((box) => !taken.has(box)));
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
