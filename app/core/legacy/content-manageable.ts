// Migrating legacy ContentManageable rows (creator, last editor, created, updated) and
// the other references a domain keeps. Legacy authors are CASCADE foreign keys; ours are
// SET NULL, so a reference whose row did not come over becomes NULL, with a note.
import { existingIds, type TargetRow } from "./sync.ts";
import type { BatchContext } from "./types.ts";

export const AUTHOR_COLUMNS = ["creator_id", "last_modified_by_id"] as const;
/** The four ContentManageable columns, as legacy and our tables both name them. */
export const CONTENT_MANAGEABLE_COLUMNS = [...AUTHOR_COLUMNS, "created", "updated"] as const;

/** The ContentManageable columns of a legacy row, copied as they are. */
export function contentManageableFields(row: Record<string, unknown>): TargetRow {
  return Object.fromEntries(CONTENT_MANAGEABLE_COLUMNS.map((column) => [column, row[column]]));
}

/** Sets `columns` to NULL where the referenced `table` row is not on the new site. */
export async function clearMissingReferences(ctx: BatchContext, rows: TargetRow[], reference: { columns: readonly string[]; table: string; label: string }): Promise<void> {
  const ids = rows.flatMap((row) => reference.columns.map((column) => row[column])).filter((id): id is number => typeof id === "number");
  const found = await existingIds(ctx.target, reference.table, ids);
  for (const row of rows) {
    for (const column of reference.columns) {
      if (typeof row[column] === "number" && !found.has(row[column])) {
        row[column] = null;
        ctx.tally.note(`${column} ${reference.label} not on the new site → NULL`);
      }
    }
  }
}

/** Authors who are not on the new site become NULL. */
export function clearMissingAuthors(ctx: BatchContext, rows: TargetRow[]): Promise<void> {
  return clearMissingReferences(ctx, rows, { columns: AUTHOR_COLUMNS, table: "users", label: "user" });
}
